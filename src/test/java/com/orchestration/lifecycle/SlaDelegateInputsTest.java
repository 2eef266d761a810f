package com.orchestration.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/** The warning and escalation dues the SLA handlers derive from the state's entry time and durations. */
class SlaDelegateInputsTest {

  private static final Instant ENTERED = Instant.parse("2026-11-24T09:00:00Z");

  private static DelegateExecution execution(Object enteredAt, Object warningDuration) {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariable(SlaVariables.ENTERED_AT)).thenReturn(enteredAt);
    when(execution.getVariable(SlaVariables.WARNING_DURATION)).thenReturn(warningDuration);
    return execution;
  }

  @Test
  void aDueIsTheEntryTimePlusTheDuration() {
    assertThat(SlaDelegateInputs.due(execution(Date.from(ENTERED), "PT1H30M"), SlaVariables.WARNING_DURATION))
        .isEqualTo(Instant.parse("2026-11-24T10:30:00Z"));
  }

  @Test
  void aStateWithoutTheThresholdHasNoDue() {
    assertThat(SlaDelegateInputs.due(execution(Date.from(ENTERED), SlaDurations.NO_TIMER),
        SlaVariables.WARNING_DURATION)).isNull();
    assertThat(SlaDelegateInputs.due(execution(Date.from(ENTERED), null), SlaVariables.WARNING_DURATION)).isNull();
  }

  @Test
  void aDurationEditedIntoSomethingElseFailsWithTheVariableNamed() {
    assertThatThrownBy(() -> SlaDelegateInputs.due(execution(Date.from(ENTERED), "4 hours"),
        SlaVariables.WARNING_DURATION)).isInstanceOf(IllegalStateException.class)
        .hasMessage("Variable 'slaWarningDuration' must be an ISO-8601 duration such as PT4H, was '4 hours'");
    assertThatThrownBy(() -> SlaDelegateInputs.due(execution(Date.from(ENTERED), 4), SlaVariables.WARNING_DURATION))
        .hasMessage("Variable 'slaWarningDuration' must be an ISO-8601 duration, was 4");
    assertThatThrownBy(() -> SlaDelegateInputs.due(execution("yesterday", "PT4H"), SlaVariables.WARNING_DURATION))
        .hasMessage("Variable 'slaEnteredAt' must be a date, was yesterday");
  }
}
