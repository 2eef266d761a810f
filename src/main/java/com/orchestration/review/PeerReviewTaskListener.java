package com.orchestration.review;

import static com.orchestration.lifecycle.LifecycleVariables.*;

import com.orchestration.lifecycle.FormInputException;
import com.orchestration.lifecycle.ProcessValues;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * "Review code" (gate 1): the author cannot review their own task; requesting changes needs at least one finding
 * in the {@code SEVERITY: text} format. Each valid decision is recorded (table {@code review}).
 */
@Component
class PeerReviewTaskListener implements TaskListener {

  private final ReviewService reviews;

  PeerReviewTaskListener(ReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateTask task) {
    Authentication reviewer = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String author = ProcessValues.text(task, ASSIGNEE);
    if (reviewer != null && reviewer.getUserId() != null && reviewer.getUserId().equals(author)) {
      throw new FormInputException(PEER_REVIEW_OUTCOME, "You are the author of this task; a peer of your team must "
          + "review it");
    }
    String outcome = ProcessValues.oneOf(task, PEER_REVIEW_OUTCOME, "The review outcome", List.of("approve", "changes"));
    List<Findings.Finding> findings = Findings.parse(REVIEW_FINDINGS, ProcessValues.text(task, REVIEW_FINDINGS));
    if ("changes".equals(outcome) && findings.isEmpty()) {
      throw new FormInputException(REVIEW_FINDINGS, "Requesting changes needs at least one finding (SEVERITY: text)");
    }
    task.setVariable(PEER_REVIEW_SUMMARY, outcome + " by " + (reviewer == null ? "system" : reviewer.getUserId())
        + (findings.isEmpty() ? "" : " — " + findings.size() + " finding(s)"));
    reviews.record(task, ReviewGate.PEER_REVIEW, author, outcome, findings);
  }
}
