package com.orchestration.review;

import static com.orchestration.lifecycle.LifecycleVariables.WORK_ITEM_ID;

import com.orchestration.capacity.CapacityService;
import com.orchestration.capacity.ReservationKind;
import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Select peer reviewer" (gate 1): picks the reviewer ({@link ReviewerSelection}), writes {@code peerReviewer} and
 * {@code peerReviewerRationale}, and reserves the review's hours on the reviewer's capacity (DMN {@code review-effort}:
 * 10 % of the task's estimate, at least 0.5 h). Reviews are never capped — a review must not wait because the reviewer is busy; the hours
 * only make the load visible to assignment and the forecast.
 */
@Component
class SelectPeerReviewerDelegate implements JavaDelegate {

  /** Process variable: the user id of the peer reviewer. */
  static final String PEER_REVIEWER = "peerReviewer";
  static final String PEER_REVIEWER_RATIONALE = "peerReviewerRationale";

  private final ReviewerSelection selection;
  private final WorkItemService workItems;
  private final CapacityService capacity;
  private final GatePlan gatePlan;

  SelectPeerReviewerDelegate(ReviewerSelection selection, WorkItemService workItems, CapacityService capacity,
      GatePlan gatePlan) {
    this.selection = selection;
    this.workItems = workItems;
    this.capacity = capacity;
    this.gatePlan = gatePlan;
  }

  @Override
  public void execute(DelegateExecution execution) {
    WorkItem item = workItems.get(ProcessValues.id(execution, WORK_ITEM_ID));
    ReviewerSelection.Choice choice = selection.select(item,
        ProcessValues.text(execution, ReviewerSelection.PREFERRED_REVIEWER), ProcessValues.text(execution, PEER_REVIEWER));
    execution.setVariable(PEER_REVIEWER, choice.reviewer());
    execution.setVariable(PEER_REVIEWER_RATIONALE, choice.rationale());
    // Positive infinity, not Double.MAX_VALUE: a reviewer with no capacity in the horizon has workload +∞, which
    // MAX_VALUE would refuse.
    capacity.reserve(item.id(), choice.reviewer(), ReservationKind.REVIEW,
        gatePlan.reviewHours(GatePlan.PEER_REVIEW, item.estimateHours()), Double.POSITIVE_INFINITY);
  }
}
