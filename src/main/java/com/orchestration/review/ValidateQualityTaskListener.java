package com.orchestration.review;

import static com.orchestration.review.CrossFunctionalVariables.*;

import com.orchestration.lifecycle.FormInputException;
import com.orchestration.lifecycle.LifecycleVariables;
import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.lifecycle.WorkItemService;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Validate quality" (gate 3, QA). On {@code create}: shows the tier's minimum coverage. On {@code complete}: PASS
 * needs the coverage DMN {@code qa-acceptance} asks for (tier, or 100 % for security-critical code); FIXABLE and
 * BLOCKED need at least one finding. A valid decision is recorded as a {@code cross-functional-qa} review.
 */
@Component
class ValidateQualityTaskListener implements TaskListener {

  static final List<String> OUTCOMES = List.of("PASS", "FIXABLE", "BLOCKED");

  private final QaAcceptance acceptance;
  private final ReviewService reviews;
  private final WorkItemService workItems;

  ValidateQualityTaskListener(QaAcceptance acceptance, ReviewService reviews, WorkItemService workItems) {
    this.acceptance = acceptance;
    this.reviews = reviews;
    this.workItems = workItems;
  }

  @Override
  public void notify(DelegateTask task) {
    int tier = tier(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariable(QA_MIN_COVERAGE_TEXT, "tier " + tier + " needs " + acceptance.minCoverage(tier, false)
          + " % coverage; code marked auth/payment/security needs " + acceptance.minCoverage(tier, true) + " %");
      return;
    }
    String outcome = ProcessValues.oneOf(task, QA_OUTCOME, "The QA outcome", OUTCOMES);
    Double coverage = ProcessValues.number(task, QA_COVERAGE, "Coverage (percent)", 0, 100);
    if (coverage == null) {
      throw new FormInputException(QA_COVERAGE, "Coverage (percent, 0–100) is required");
    }
    boolean securityCritical = ProcessValues.flag(task, SECURITY_CRITICAL);
    List<Findings.Finding> findings = Findings.parse(QA_FINDINGS, ProcessValues.text(task, QA_FINDINGS));
    if ("PASS".equals(outcome)) {
      int min = acceptance.minCoverage(tier, securityCritical);
      if (coverage < min) {
        throw new FormInputException(QA_COVERAGE, "coverage " + pct(coverage) + "% is below the " + min + "% "
            + (securityCritical ? "security-critical code" : "tier " + tier) + " needs; choose FIXABLE or add tests");
      }
    } else if (findings.isEmpty()) {
      throw new FormInputException(QA_FINDINGS, outcome + " needs at least one finding (SEVERITY: text)");
    }
    if (task.getVariable(LifecycleVariables.WORK_ITEM_ID) instanceof Number) {
      reviews.record(task, ReviewGate.CROSS_FUNCTIONAL_QA, authorOf(task, workItems),
          outcome.toLowerCase(Locale.ROOT), findings);
    } // else an instruction-level validation (tier 2): the instruction records the outcome

  }

  static int tier(DelegateTask task) {
    Object tier = task.getVariable(LifecycleVariables.TIER);
    if (!(tier instanceof Number n)) {
      throw new IllegalStateException("gate-cross-functional was started without the integer variable 'tier'");
    }
    return n.intValue();
  }

  static String authorOf(DelegateTask task, WorkItemService workItems) {
    return workItems.get(ProcessValues.id(task, LifecycleVariables.WORK_ITEM_ID)).assignee();
  }

  private static String pct(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
