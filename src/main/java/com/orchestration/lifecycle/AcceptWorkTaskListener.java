package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.LifecycleVariables.WORK_ACCEPTED;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Start work" moves the task to IN_PROGRESS only when the assignee ticked "I accept this task and start now". The
 * form marks the box required, but a form's rules are only the browser's: a completion through the REST API without
 * it (or with {@code false}, {@code "maybe"}) is refused here, the task stays ASSIGNED and the message names the field.
 */
@Component
class AcceptWorkTaskListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object accepted = task.getVariable(WORK_ACCEPTED);
    if (!Boolean.TRUE.equals(accepted) && !(accepted instanceof String s && "true".equalsIgnoreCase(s.strip()))) {
      throw new FormInputException(WORK_ACCEPTED, "Tick 'I accept this task and start now' to start the task ("
          + (accepted == null ? "not ticked" : "'" + accepted + "' given") + "); to hand it to someone else, ask "
          + "your domain lead to reassign it");
    }
  }
}
