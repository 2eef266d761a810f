package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.LifecycleVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Resolve blocker": resolved (back to work) or help (escalate); asking for help says what help is needed. */
@Component
class BlockerOutcomeTaskListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String outcome = ProcessValues.oneOf(task, BLOCKER_OUTCOME, "The outcome", List.of("resolved", "help"));
    if ("help".equals(outcome)) {
      String need = ProcessValues.requiredText(task, RESOLUTION_NOTE, "What help you need", 4000);
      String detail = ProcessValues.text(task, ESCALATION_REASON_DETAIL);
      task.setVariable(ESCALATION_REASON_DETAIL, (detail == null ? "" : detail + " — ") + "help needed: " + need);
    }
  }
}
