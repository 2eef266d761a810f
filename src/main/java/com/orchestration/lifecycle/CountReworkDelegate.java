package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.LifecycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A review sent the task back: counts the round. At the limit from DMN {@code rework-limit} (the third round by
 * default) the task escalates to the level that table names instead of going back to IN_PROGRESS (SPEC §5.2).
 */
@Component
class CountReworkDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Object current = execution.getVariable(REWORK_COUNT);
    int count = (current instanceof Number n ? n.intValue() : 0) + 1;
    Object limit = execution.getVariable(MAX_REWORK_LOOPS);
    int max = limit instanceof Number n ? n.intValue() : Integer.MAX_VALUE;
    boolean reached = count >= max;
    execution.setVariable(REWORK_COUNT, count);
    execution.setVariable(REWORK_LIMIT_REACHED, reached);
    if (reached) {
      execution.setVariable(ESCALATION_REASON_TYPE, "rework_limit");
      execution.setVariable(ESCALATION_REASON_DETAIL, "Review sent the task back " + count + " times; latest findings: "
          + ProcessValues.text(execution, REVIEW_FINDINGS));
      execution.setVariable(ESCALATION_START_LEVEL, execution.getVariable("reworkEscalationLevel"));
    }
  }
}
