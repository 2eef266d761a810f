package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.LifecycleVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The rules of "Do the work" (SPEC §5.2), the same for a person's form and an agent's external-task completion:
 * submit with summary, hours spent and tests run — or a blocker with type, description and what was tried.
 * Hours spent are recorded on the task before the state moves on.
 */
@Component
class WorkSubmission {

  static final List<String> OUTCOMES = List.of("submit", "block");
  static final List<String> BLOCKER_TYPES =
      List.of("technical_uncertainty", "missing_dependency", "external_dependency", "scope_ambiguity", "other");

  private final WorkItemService workItems;

  WorkSubmission(WorkItemService workItems) {
    this.workItems = workItems;
  }

  void accept(VariableScope scope) {
    String outcome = ProcessValues.oneOf(scope, WORK_OUTCOME, "The outcome", OUTCOMES);
    Double hours = ProcessValues.number(scope, HOURS_SPENT, "Hours spent", 0, 200);
    long id = ProcessValues.id(scope, WORK_ITEM_ID);
    if ("submit".equals(outcome)) {
      ProcessValues.requiredText(scope, SUMMARY, "A summary of what you did", 4000);
      ProcessValues.requiredText(scope, TESTS_RUN, "The tests you ran", 4000);
      if (hours == null) {
        throw new FormInputException(HOURS_SPENT, "Hours spent is required when you submit");
      }
      workItems.recordProgress(id, hours, 0.0);
    } else {
      String type = ProcessValues.oneOf(scope, BLOCKER_TYPE, "The blocker type", BLOCKER_TYPES);
      String description = ProcessValues.requiredText(scope, BLOCKER_DESCRIPTION, "A description of the blocker", 4000);
      String tried = ProcessValues.requiredText(scope, BLOCKER_TRIED, "What you have tried", 4000);
      if (hours != null) {
        workItems.recordProgress(id, hours, null);
      }
      // What the escalation needs if the blocker is not resolved (by the IC's request or the BLOCKED SLA).
      scope.setVariable(ESCALATION_REASON_TYPE, type);
      scope.setVariable(ESCALATION_REASON_DETAIL, description + " — tried: " + tried);
      scope.setVariable(ESCALATION_START_LEVEL, null);
    }
  }
}
