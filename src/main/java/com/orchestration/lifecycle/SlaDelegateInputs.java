package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.SlaVariables.*;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Typed reads of the SLA variables, failing with a message an admin can act on in Cockpit's incident view. */
final class SlaDelegateInputs {

  private SlaDelegateInputs() {}

  /** {@code slaState} (input mapping), else the state the SLA was last loaded for. */
  static TaskState state(DelegateExecution execution) {
    Object value = execution.getVariable(SLA_STATE);
    if (value == null) {
      value = execution.getVariable(ENTERED_STATE);
    }
    if (!(value instanceof String name)) {
      throw new IllegalStateException("Variable '" + SLA_STATE + "' (a task state name) is required, was " + value);
    }
    try {
      return TaskState.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Variable '" + SLA_STATE + "' has the unknown state '" + name + "'", e);
    }
  }

  /**
   * When the threshold of {@code durationVariable} ({@link SlaVariables#WARNING_DURATION} or
   * {@link SlaVariables#ESCALATION_DURATION}) falls due for the state last entered: {@code slaEnteredAt} plus the
   * duration; null when the state has no such threshold.
   */
  static Instant due(DelegateExecution execution, String durationVariable) {
    Instant enteredAt = instant(execution, ENTERED_AT);
    Object value = execution.getVariable(durationVariable);
    if (enteredAt == null || value == null || SlaDurations.NO_TIMER.equals(value)) {
      return null;
    }
    if (!(value instanceof String iso)) {
      throw new IllegalStateException("Variable '" + durationVariable + "' must be an ISO-8601 duration, was " + value);
    }
    try {
      return enteredAt.plus(Duration.parse(iso));
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(
          "Variable '" + durationVariable + "' must be an ISO-8601 duration such as PT4H, was '" + iso + "'", e);
    }
  }

  static Instant instant(DelegateExecution execution, String variable) {
    Object value = execution.getVariable(variable);
    if (value != null && !(value instanceof Date)) {
      throw new IllegalStateException("Variable '" + variable + "' must be a date, was " + value);
    }
    return SlaDurations.instant((Date) value);
  }
}
