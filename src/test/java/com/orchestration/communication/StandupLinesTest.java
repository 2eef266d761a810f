package com.orchestration.communication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The weekly standup's status of an instruction from its critical-path slack, without a database. */
class StandupLinesTest {

  @Test
  void statusFromSlack() {
    assertThat(StandupLines.status(null, 8)).isEqualTo("no_deadline");
    assertThat(StandupLines.status(-0.5, 8)).isEqualTo("late");
    assertThat(StandupLines.status(7.9, 8)).isEqualTo("at_risk");
    assertThat(StandupLines.status(8.0, 8)).isEqualTo("on_track");
  }
}
