package com.orchestration.review;

import com.orchestration.lifecycle.FormInputException;
import com.orchestration.lifecycle.ProcessValues;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Review architecture" (gate 4, SPEC §7): CRITICAL and HIGH findings block approval; MEDIUM findings are kept as
 * warnings ({@code architectureWarnings}); requesting changes names at least one finding. When the reviewed subject
 * is a work item (a strategic task), the decision is recorded with the other reviews.
 */
@Component
class ArchitectureReviewTaskListener implements TaskListener {

  static final String OUTCOME = "architectureOutcome";
  static final String FINDINGS = "architectureFindings";
  static final String WARNINGS = "architectureWarnings";
  /** Who decided, for callers that record the review themselves (a plan has no work item to hold it). */
  static final String REVIEWER = "architectureReviewer";

  private final ReviewService reviews;

  ArchitectureReviewTaskListener(ReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateTask task) {
    String outcome = ProcessValues.oneOf(task, OUTCOME, "The review outcome", List.of("approve", "changes"));
    List<Findings.Finding> findings = Findings.parse(FINDINGS, ProcessValues.text(task, FINDINGS));
    List<Findings.Finding> blocking = findings.stream()
        .filter(f -> f.severity() == Findings.Severity.CRITICAL || f.severity() == Findings.Severity.HIGH).toList();
    if ("approve".equals(outcome) && !blocking.isEmpty()) {
      throw new FormInputException(OUTCOME, blocking.size() + " CRITICAL/HIGH finding(s) block approval ("
          + blocking.get(0).text() + "); request changes, or downgrade the finding if it is not blocking");
    }
    if ("changes".equals(outcome) && findings.isEmpty()) {
      throw new FormInputException(FINDINGS, "Requesting changes needs at least one finding (SEVERITY: text)");
    }
    task.setVariable(WARNINGS, findings.stream().filter(f -> f.severity() == Findings.Severity.MEDIUM)
        .map(Findings.Finding::text).collect(Collectors.joining("\n")));
    task.setVariable(REVIEWER, ReviewService.reviewerOf(task));
    if (task.getVariable("workItemId") instanceof Number) {
      reviews.record(task, ReviewGate.ARCHITECTURE_REVIEW, null, outcome, findings);
    }
  }
}
