package com.orchestration.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Do the work" completed by a person: validated before the task closes; errors show in Tasklist. */
@Component
class WorkOutcomeTaskListener implements TaskListener {

  private final WorkSubmission submission;

  WorkOutcomeTaskListener(WorkSubmission submission) {
    this.submission = submission;
  }

  @Override
  public void notify(DelegateTask task) {
    submission.accept(task);
  }
}
