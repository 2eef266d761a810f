package com.orchestration.communication;

import static com.orchestration.communication.StandupVariables.STANDUP_RUN;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reads the transient {@link StandupRun} the generate step left for the steps after it. */
final class StandupRunVariable {

  private StandupRunVariable() {}

  static StandupRun of(DelegateExecution execution) {
    if (execution.getVariable(STANDUP_RUN) instanceof StandupRun run) {
      return run;
    }
    throw new IllegalStateException("Transient variable " + STANDUP_RUN + " is missing: the steps of BPMN standup "
        + "must run in one transaction after 'Generate reports' (no asynchronous continuation between them)");
  }
}
