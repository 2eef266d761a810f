package com.orchestration.insight;

import static com.orchestration.insight.ScopeReviewVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Accept new baseline": the projection becomes the baseline; recorded on the slip and the instruction. */
@Component
class AcceptBaselineDelegate implements JavaDelegate {

  private final SlipDetection detection;

  AcceptBaselineDelegate(SlipDetection detection) {
    this.detection = detection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(SCOPE_OUTCOME, detection.accept(ProcessValues.id(execution, SLIP_ID),
        ProcessValues.text(execution, SCOPE_DECIDED_BY), ProcessValues.text(execution, SCOPE_DECISION_REASON)));
  }
}
