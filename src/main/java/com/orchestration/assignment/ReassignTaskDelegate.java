package com.orchestration.assignment;

import static com.orchestration.lifecycle.LifecycleVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.platform.ConflictException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Message {@code reassign} (SPEC §5.2 ASSIGNED → ASSIGNED, §8.5 moves): the task and its capacity move to the named
 * IC, or to the best eligible other IC. An unknown or ineligible IC, or nobody eligible, refuses the message — the
 * request that sent it fails with the reason and the task stays with its assignee.
 */
@Component
class ReassignTaskDelegate implements JavaDelegate {

  private final AssignmentService assignment;
  private final WorkItemService workItems;
  private final AssignmentOutcomes outcomes;

  ReassignTaskDelegate(AssignmentService assignment, WorkItemService workItems, AssignmentOutcomes outcomes) {
    this.assignment = assignment;
    this.workItems = workItems;
    this.outcomes = outcomes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ProcessValues.id(execution, WORK_ITEM_ID);
    WorkItem item = workItems.get(id);
    String by = ProcessValues.text(execution, REASSIGNED_BY);
    AssignmentResult result = assignment.reassign(id, ProcessValues.text(execution, NEW_ASSIGNEE),
        by == null ? "system" : by, ProcessValues.text(execution, REASSIGN_REASON));
    if (result.noEligibleCandidate()) {
      throw new ConflictException("Nobody else can take " + item.qualifiedKey() + " now:\n"
          + result.exclusionSummary());
    }
    outcomes.apply(execution, item, result);
  }
}
