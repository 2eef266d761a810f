package com.orchestration.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Working-day arithmetic: 8 h per Monday–Friday spread over the day, weekends empty; both directions agree. */
class WorkingTimeTest {

  static final ZoneId UTC = ZoneOffset.UTC;
  static final Instant TUESDAY_9 = Instant.parse("2031-03-11T09:00:00Z");

  @Test
  void hoursBetweenCountWeekdaysInProportionAndSkipWeekends() {
    assertThat(WorkingTime.hoursBetween(TUESDAY_9, Instant.parse("2031-03-13T09:00:00Z"), UTC, 8))
        .isCloseTo(16.0, within(1e-9));
    // Friday 12:00 → Monday 12:00: half of Friday + half of Monday = one working day.
    assertThat(WorkingTime.hoursBetween(Instant.parse("2031-03-14T12:00:00Z"),
        Instant.parse("2031-03-17T12:00:00Z"), UTC, 8)).isCloseTo(8.0, within(1e-9));
    assertThat(WorkingTime.hoursBetween(Instant.parse("2031-03-13T09:00:00Z"), TUESDAY_9, UTC, 8))
        .isCloseTo(-16.0, within(1e-9));
  }

  @Test
  void plusHoursLaysHoursOntoWorkingDays() {
    assertThat(WorkingTime.plusHours(TUESDAY_9, 16, UTC, 8)).isEqualTo(Instant.parse("2031-03-13T09:00:00Z"));
    // 1 working hour = 3 hours of a weekday: Tuesday 09:00 + 9 h = Wednesday 12:00.
    assertThat(WorkingTime.plusHours(TUESDAY_9, 9, UTC, 8)).isEqualTo(Instant.parse("2031-03-12T12:00:00Z"));
    // Over the weekend: Friday 12:00 + 8 h = Monday 12:00.
    assertThat(WorkingTime.plusHours(Instant.parse("2031-03-14T12:00:00Z"), 8, UTC, 8))
        .isEqualTo(Instant.parse("2031-03-17T12:00:00Z"));
    // Starting on a Saturday, work begins on Monday 00:00.
    assertThat(WorkingTime.plusHours(Instant.parse("2031-03-15T10:00:00Z"), 4, UTC, 8))
        .isEqualTo(Instant.parse("2031-03-17T12:00:00Z"));
    assertThat(WorkingTime.plusHours(TUESDAY_9, 0, UTC, 8)).isEqualTo(TUESDAY_9);
  }

  @Test
  void plusHoursIsTheInverseOfHoursBetween() {
    for (double hours : new double[] {0.5, 7.25, 20.5, 41, 123.75}) {
      Instant end = WorkingTime.plusHours(TUESDAY_9, hours, UTC, 8);
      assertThat(WorkingTime.hoursBetween(TUESDAY_9, end, UTC, 8)).as("%s h", hours).isCloseTo(hours, within(1e-6));
    }
  }
}
