package com.orchestration.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A blocker escalated to the DL keeps what is left of BLOCKED's escalation time for the next level (SPEC §5.3); a state
 * whose wait is in a gate process leaves the SLA to that process.
 */
class EnterStateDelegateTest {

  private static final Instant BLOCKED_AT = Instant.parse("2026-11-24T09:00:00Z");

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static DelegateExecution blockedFor(String escalationDuration) {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariable(SlaVariables.ENTERED_AT)).thenReturn(Date.from(BLOCKED_AT));
    when(execution.getVariable(SlaVariables.ESCALATION_DURATION)).thenReturn(escalationDuration);
    return execution;
  }

  private static WorkItem in(TaskState state) {
    WorkItem item = mock(WorkItem.class);
    when(item.state()).thenReturn(state);
    return item;
  }

  @Test
  void theNextLevelGetsWhatIsLeftOfBlockedsEscalationTime() {
    // Given a task blocked at 09:00 with an 8 h escalation, escalated to its DL at 13:00
    ClockUtil.setCurrentTime(Date.from(BLOCKED_AT.plusSeconds(4 * 3600)));

    // Then the next level has the remaining 4 h
    assertThat(EnterStateDelegate.firstLevelSlaHours(in(TaskState.BLOCKED), blockedFor("PT8H"))).isEqualTo(4.0);
  }

  @Test
  void atLeastAQuarterOfAnHourAndOnlyFromBlocked() {
    ClockUtil.setCurrentTime(Date.from(BLOCKED_AT.plusSeconds(9 * 3600)));

    assertThat(EnterStateDelegate.firstLevelSlaHours(in(TaskState.BLOCKED), blockedFor("PT8H"))).isEqualTo(0.25);
    assertThat(EnterStateDelegate.firstLevelSlaHours(in(TaskState.BLOCKED), blockedFor(SlaDurations.NO_TIMER))).isNull();
    assertThat(EnterStateDelegate.firstLevelSlaHours(in(TaskState.IN_PROGRESS), blockedFor("PT8H"))).isNull();
  }

  @Test
  void loadsTheSlaUnlessTheInputSaysACalledProcessDoes() {
    assertThat(EnterStateDelegate.loadsSla(withLoadSla(null))).isTrue();
    assertThat(EnterStateDelegate.loadsSla(withLoadSla(true))).isTrue();
    assertThat(EnterStateDelegate.loadsSla(withLoadSla(false))).isFalse();
    assertThat(EnterStateDelegate.loadsSla(withLoadSla("false"))).isFalse();
    assertThatThrownBy(() -> EnterStateDelegate.loadsSla(withLoadSla("no")))
        .hasMessage("Input 'loadSla' must be true or false, was no");
  }

  private static DelegateExecution withLoadSla(Object value) {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariableLocal(LifecycleVariables.LOAD_SLA)).thenReturn(value);
    return execution;
  }
}
