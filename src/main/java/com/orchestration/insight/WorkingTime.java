package com.orchestration.insight;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Working-day arithmetic shared by the critical path's projected completion (SPEC §10.2) and the weekly standup's
 * slack (§9.4): each Monday–Friday in the zone holds {@code hoursPerDay} working hours spread evenly over its 24
 * hours, Saturdays and Sundays hold none. With 8 h days one working hour is three hours of a weekday, so Tuesday 09:00
 * → Thursday 09:00 is 16 h, and 16 h from Friday 12:00 is Tuesday 12:00. The even spread keeps the two directions
 * exact inverses and needs no office hours.
 */
public final class WorkingTime {

  /** Guards a runaway loop (about 110 years of days). */
  private static final int MAX_DAYS = 40_000;

  private WorkingTime() {}

  /** Working hours from {@code from} to {@code to}; negative when {@code to} is before {@code from}. */
  public static double hoursBetween(Instant from, Instant to, ZoneId zone, double hoursPerDay) {
    if (to.isBefore(from)) {
      return -hoursBetween(to, from, zone, hoursPerDay);
    }
    double seconds = 0;
    LocalDate day = LocalDate.ofInstant(from, zone);
    LocalDate last = LocalDate.ofInstant(to, zone);
    for (int guard = 0; !day.isAfter(last) && guard < MAX_DAYS; guard++, day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      Instant start = day.atStartOfDay(zone).toInstant();
      Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
      Instant a = start.isBefore(from) ? from : start;
      Instant b = end.isAfter(to) ? to : end;
      if (b.isAfter(a)) {
        seconds += Duration.between(a, b).toMillis() / 1000.0 * (86_400.0 / Duration.between(start, end).getSeconds());
      }
    }
    return seconds / 86_400.0 * hoursPerDay;
  }

  /**
   * The instant {@code hours} working hours after {@code from}: the inverse of {@link #hoursBetween}. Starting on a
   * weekend, work begins on Monday at 00:00; ending exactly at the end of a Friday gives that Friday's end.
   */
  public static Instant plusHours(Instant from, double hours, ZoneId zone, double hoursPerDay) {
    if (hours <= 0 || hoursPerDay <= 0) {
      return from;
    }
    double left = hours;
    Instant at = from;
    LocalDate day = LocalDate.ofInstant(from, zone);
    for (int guard = 0; guard < MAX_DAYS; guard++, day = day.plusDays(1)) {
      Instant start = day.atStartOfDay(zone).toInstant();
      Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
      if (at.isBefore(start)) {
        at = start;
      }
      if (!isWorkingDay(day)) {
        continue;
      }
      double daySeconds = Duration.between(start, end).getSeconds();
      double available = Duration.between(at, end).toMillis() / 1000.0 / daySeconds * hoursPerDay;
      if (left <= available + 1e-9) {
        long millis = Math.round(left / hoursPerDay * daySeconds * 1000);
        return at.plusMillis(millis);
      }
      left -= available;
      at = end;
    }
    return at;
  }

  static boolean isWorkingDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }
}
