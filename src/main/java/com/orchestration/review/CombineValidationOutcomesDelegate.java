package com.orchestration.review;

import static com.orchestration.review.CrossFunctionalVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Combine outcomes" (gate 3): any BLOCKED → {@code blocked}; else any FIXABLE → {@code fixable}; else {@code pass}.
 * Security's outcome counts only when security validated (security-sensitive tasks).
 */
@Component
class CombineValidationOutcomesDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    boolean withSecurity = ProcessValues.flag(execution, SECURITY_SENSITIVE);
    String qa = ProcessValues.text(execution, QA_OUTCOME);
    String security = withSecurity ? ProcessValues.text(execution, SECURITY_OUTCOME) : null;
    execution.setVariable(CROSS_FUNCTIONAL_OUTCOME, combine(qa, security));
    List<String> lines = new ArrayList<>();
    prefixed(lines, "QA", ProcessValues.text(execution, QA_FINDINGS));
    if (withSecurity) {
      prefixed(lines, "Security", ProcessValues.text(execution, SECURITY_FINDINGS));
    }
    execution.setVariable(CROSS_FUNCTIONAL_FINDINGS, String.join("\n", lines));
  }

  static String combine(String qa, String security) {
    if ("BLOCKED".equals(qa) || "BLOCKED".equals(security)) {
      return "blocked";
    }
    if ("FIXABLE".equals(qa) || "FIXABLE".equals(security)) {
      return "fixable";
    }
    return "pass";
  }

  private static void prefixed(List<String> lines, String who, String findings) {
    if (findings != null) {
      findings.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> lines.add(l + " (" + who + ")"));
    }
  }
}
