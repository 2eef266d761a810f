package com.orchestration.review;

import static com.orchestration.review.CrossFunctionalVariables.*;

import com.orchestration.lifecycle.FormInputException;
import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.lifecycle.WorkItemService;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Validate security" (gate 3, security team): FIXABLE and BLOCKED need at least one finding. A valid decision is
 * recorded as a {@code cross-functional-security} review.
 */
@Component
class ValidateSecurityTaskListener implements TaskListener {

  private final ReviewService reviews;
  private final WorkItemService workItems;

  ValidateSecurityTaskListener(ReviewService reviews, WorkItemService workItems) {
    this.reviews = reviews;
    this.workItems = workItems;
  }

  @Override
  public void notify(DelegateTask task) {
    String outcome = ProcessValues.oneOf(task, SECURITY_OUTCOME, "The security outcome",
        ValidateQualityTaskListener.OUTCOMES);
    List<Findings.Finding> findings = Findings.parse(SECURITY_FINDINGS, ProcessValues.text(task, SECURITY_FINDINGS));
    if (!"PASS".equals(outcome) && findings.isEmpty()) {
      throw new FormInputException(SECURITY_FINDINGS, outcome + " needs at least one finding (SEVERITY: text)");
    }
    if (task.getVariable(com.orchestration.lifecycle.LifecycleVariables.WORK_ITEM_ID) instanceof Number) {
      reviews.record(task, ReviewGate.CROSS_FUNCTIONAL_SECURITY, ValidateQualityTaskListener.authorOf(task, workItems),
          outcome.toLowerCase(Locale.ROOT), findings);
    }
  }
}
