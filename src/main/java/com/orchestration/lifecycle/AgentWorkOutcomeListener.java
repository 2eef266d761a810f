package com.orchestration.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * An agent completed its {@code ic-work} external task: the same rules as the form. A refusal fails the agent's
 * {@code complete} call with the message, and the external task stays open for it.
 */
@Component
class AgentWorkOutcomeListener implements ExecutionListener {

  private final WorkSubmission submission;

  AgentWorkOutcomeListener(WorkSubmission submission) {
    this.submission = submission;
  }

  @Override
  public void notify(DelegateExecution execution) {
    // An end listener also runs when the task is cancelled (interrupting cancel-task): nothing was submitted then.
    if (execution.isCanceled()) {
      return;
    }
    submission.accept(execution);
  }
}
