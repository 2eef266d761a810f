package com.orchestration.assignment;

import static com.orchestration.lifecycle.LifecycleVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.lifecycle.SlaTimers;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.platform.AsSystem;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Assign task": PENDING → ASSIGNED by the scoring service; after an escalation (ESCALATED → ASSIGNED) to the IC the
 * resolver named, or to the best eligible one. Nobody eligible → {@code assignmentFound=false} with every candidate
 * and why, and the lifecycle escalates to the TL (reason {@code no_eligible_ic}).
 */
@Component
class AssignTaskDelegate implements JavaDelegate {

  private final AssignmentService assignment;
  private final WorkItemService workItems;
  private final AssignmentOutcomes outcomes;
  private final AsSystem asSystem;

  AssignTaskDelegate(AssignmentService assignment, WorkItemService workItems, AssignmentOutcomes outcomes,
      AsSystem asSystem) {
    this.assignment = assignment;
    this.workItems = workItems;
    this.outcomes = outcomes;
    this.asSystem = asSystem;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ProcessValues.id(execution, WORK_ITEM_ID);
    WorkItem item = workItems.get(id);
    String actor = asSystem.currentActor();
    AssignmentResult result = item.state() == TaskState.PENDING
        ? assignment.assign(id, "system")
        : assignment.reassign(id, ProcessValues.text(execution, ESCALATION_NEW_ASSIGNEE), actor,
            "escalation " + ProcessValues.text(execution, ESCALATION_OUTCOME) + ": "
                + ProcessValues.text(execution, ESCALATION_GUIDANCE));
    if (result.noEligibleCandidate()) {
      execution.setVariable(ASSIGNMENT_FOUND, false);
      execution.setVariable(ESCALATION_REASON_TYPE, "no_eligible_ic");
      execution.setVariable(ESCALATION_REASON_DETAIL, "No eligible IC for " + item.qualifiedKey() + ":\n"
          + result.exclusionSummary());
      execution.setVariable(ESCALATION_START_LEVEL, null);
      return;
    }
    outcomes.apply(execution, item, result);
  }
}
