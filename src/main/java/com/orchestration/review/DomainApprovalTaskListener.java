package com.orchestration.review;

import static com.orchestration.lifecycle.LifecycleVariables.*;

import com.orchestration.lifecycle.FormInputException;
import com.orchestration.lifecycle.ProcessValues;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Approve for the domain" (gate 2): approving confirms the domain checklist; requesting changes names findings;
 * escalating to the TL says why. Each valid decision is recorded (table {@code review}).
 */
@Component
class DomainApprovalTaskListener implements TaskListener {

  private final ReviewService reviews;

  DomainApprovalTaskListener(ReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateTask task) {
    String outcome = ProcessValues.oneOf(task, DOMAIN_APPROVAL_OUTCOME, "The approval outcome",
        List.of("approve", "changes", "escalate"));
    List<Findings.Finding> findings = Findings.parse(REVIEW_FINDINGS, ProcessValues.text(task, REVIEW_FINDINGS));
    switch (outcome) {
      case "approve" -> {
        if (!ProcessValues.flag(task, DOMAIN_CHECKLIST_CONFIRMED)) {
          throw new FormInputException(DOMAIN_CHECKLIST_CONFIRMED,
              "Confirm that you checked every item of the domain checklist before approving");
        }
      }
      case "changes" -> {
        if (findings.isEmpty()) {
          throw new FormInputException(REVIEW_FINDINGS, "Requesting changes needs at least one finding (SEVERITY: text)");
        }
      }
      default -> {
        String why = ProcessValues.requiredText(task, DOMAIN_REVIEW_NOTES, "Why the tech lead must decide", 4000);
        task.setVariable(ESCALATION_REASON_TYPE, "other");
        task.setVariable(ESCALATION_REASON_DETAIL, "Domain review escalated: " + why);
        task.setVariable(ESCALATION_START_LEVEL, "TL");
      }
    }
    reviews.record(task, ReviewGate.DOMAIN_APPROVAL, ProcessValues.text(task, ASSIGNEE), outcome, findings);
  }
}
