package com.orchestration.review;

import static com.orchestration.lifecycle.LifecycleVariables.WORK_ITEM_ID;

import com.orchestration.capacity.CapacityService;
import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.lifecycle.WorkItemService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Releases the peer reviewer's REVIEW reservation once the review is decided. Usable as a service task, an execution
 * listener ({@code end} of "Review code": also when a boundary event interrupts it) or a task listener
 * ({@code complete}). {@link CapacityService#release(long, String)} frees every reservation of that person on the
 * task, so it is skipped when the reviewer is the task's assignee (never the case: selection excludes the author).
 */
@Component
class ReleaseReviewCapacityDelegate implements JavaDelegate, ExecutionListener, TaskListener {

  private final CapacityService capacity;
  private final WorkItemService workItems;

  ReleaseReviewCapacityDelegate(CapacityService capacity, WorkItemService workItems) {
    this.capacity = capacity;
    this.workItems = workItems;
  }

  @Override
  public void execute(DelegateExecution execution) {
    release(ProcessValues.id(execution, WORK_ITEM_ID), ProcessValues.text(execution, SelectPeerReviewerDelegate.PEER_REVIEWER));
  }

  @Override
  public void notify(DelegateExecution execution) {
    execute(execution);
  }

  @Override
  public void notify(DelegateTask task) {
    release(ProcessValues.id(task, WORK_ITEM_ID), ProcessValues.text(task, SelectPeerReviewerDelegate.PEER_REVIEWER));
  }

  private void release(long workItemId, String reviewer) {
    if (reviewer == null || reviewer.equals(workItems.get(workItemId).assignee())) {
      return;
    }
    capacity.release(workItemId, reviewer);
  }
}
