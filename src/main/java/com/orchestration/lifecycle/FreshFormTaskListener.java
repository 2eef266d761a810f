package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.LifecycleVariables.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Tasklist fills a form with every variable of the process, so a second round of the same task would open with
 * the last round's decision already ticked. On creation each user task forgets the decision fields of its form;
 * texts people may want to build on (summary, tests, notes) stay.
 */
@Component
class FreshFormTaskListener implements TaskListener {

  static final Map<String, List<String>> DECISIONS = Map.of(
      "Task_StartWork", List.of(WORK_ACCEPTED),
      "Task_DoWork", List.of(WORK_OUTCOME),
      "Task_ResolveBlocker", List.of(BLOCKER_OUTCOME, RESOLUTION_NOTE),
      "Task_ReviewCode", List.of(PEER_REVIEW_OUTCOME, REVIEW_FINDINGS, REVIEW_COMMENT),
      "Task_ApproveDomain", List.of(DOMAIN_APPROVAL_OUTCOME, DOMAIN_CHECKLIST_CONFIRMED, REVIEW_FINDINGS));

  @Override
  public void notify(DelegateTask task) {
    DECISIONS.getOrDefault(task.getTaskDefinitionKey(), List.of()).forEach(name -> {
      if (task.hasVariable(name)) {
        task.removeVariable(name);
      }
    });
  }
}
