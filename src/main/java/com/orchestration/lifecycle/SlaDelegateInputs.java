package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.SlaVariables.*;

import java.time.Instant;
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

  static Instant instant(DelegateExecution execution, String variable) {
    Object value = execution.getVariable(variable);
    if (value != null && !(value instanceof Date)) {
      throw new IllegalStateException("Variable '" + variable + "' must be a date, was " + value);
    }
    return SlaDurations.instant((Date) value);
  }
}
