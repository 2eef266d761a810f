package com.orchestration.capacity;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The capacity horizon (SPEC §8.3–§8.4): the next {@value #WORKING_DAYS} working days (Mon–Fri), starting today
 * when today is one. The days are the same for everybody; a person's unavailable dates remove capacity on those
 * days, they do not extend the horizon.
 *
 * @param end the first instant after the horizon (midnight after its last day, in the zone); a deadline at or
 *     before it is "due within the horizon"
 */
record Horizon(LocalDate today, List<LocalDate> days, Instant end, ZoneId zone) {

  static final int WORKING_DAYS = 3;

  static Horizon startingOn(LocalDate today, ZoneId zone) {
    List<LocalDate> days = new ArrayList<>(WORKING_DAYS);
    LocalDate day = today;
    while (days.size() < WORKING_DAYS) {
      if (isWeekday(day)) {
        days.add(day);
      }
      day = day.plusDays(1);
    }
    Instant end = days.get(days.size() - 1).plusDays(1).atStartOfDay(zone).toInstant();
    return new Horizon(today, List.copyOf(days), end, zone);
  }

  static boolean isWeekday(LocalDate day) {
    DayOfWeek d = day.getDayOfWeek();
    return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
  }

  /** Days of the horizon on which a person with these unavailable dates works. */
  int workingDaysFor(Set<LocalDate> unavailable) {
    int n = 0;
    for (LocalDate day : days) {
      if (!unavailable.contains(day)) {
        n++;
      }
    }
    return n;
  }

  boolean dueWithin(Instant deadline) {
    return deadline == null || !deadline.isAfter(end);
  }

  LocalDate dateOf(Instant instant) {
    return LocalDate.ofInstant(instant, zone);
  }
}
