package com.orchestration.escalation;

import static com.orchestration.escalation.EscalationVariables.ESCALATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When the caller cancels the escalation (the task or its instruction is cancelled, SPEC §15), the open level's
 * record is closed as {@code withdrawn}, so no escalation stays "open" for a task nobody works on any more.
 */
@Component
class WithdrawEscalationExecutionListener implements ExecutionListener {

  private final EscalationService escalations;

  WithdrawEscalationExecutionListener(EscalationService escalations) {
    this.escalations = escalations;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!execution.isCanceled() || !(execution.getVariable(ESCALATION_ID) instanceof Number id)) {
      return;
    }
    if (escalations.get(id.longValue()).open()) {
      escalations.close(id.longValue(), "withdrawn", "the escalation was cancelled by its caller "
          + "(task or instruction cancelled)", "system");
    }
  }
}
