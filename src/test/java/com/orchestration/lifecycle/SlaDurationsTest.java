package com.orchestration.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** The ISO durations BPMN timers get from the DMN's hours. */
class SlaDurationsTest {

  @Test
  void writesHoursAsIsoDurationsWithMinutesForFractions() {
    SlaDurations in = new SlaDurations(TaskState.IN_PROGRESS, SlaDurations.ofHours(1.0), SlaDurations.ofHours(1.5),
        SlaDurations.ofHours(36.0), "DL", "check in");

    assertThat(in.warningIso()).isEqualTo("PT1H30M");
    assertThat(in.escalationIso()).isEqualTo("PT36H");
    assertThat(SlaDurations.ofHours(0.25)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void aMissingThresholdIsATimerTenYearsAway() {
    SlaDurations escalated = new SlaDurations(TaskState.ESCALATED, Duration.ofHours(8), null, Duration.ofHours(8),
        null, "next level");
    Date entered = Date.from(Instant.parse("2026-11-24T09:00:00Z"));

    assertThat(escalated.warningIso()).isEqualTo(SlaDurations.NO_TIMER).isEqualTo("P3650D");
    assertThat(escalated.targetDue(entered)).isEqualTo(Date.from(Instant.parse("2026-11-24T17:00:00Z")));
  }
}
