package com.orchestration.insight;

import static com.orchestration.insight.ScopeReviewVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Start rebalancing": a capacity rebalancing (trigger manual) for each domain with open work on the path. */
@Component
class StartRebalancingDelegate implements JavaDelegate {

  private final SlipDetection detection;

  StartRebalancingDelegate(SlipDetection detection) {
    this.detection = detection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(SCOPE_OUTCOME, detection.addCapacity(ProcessValues.id(execution, SLIP_ID),
        ProcessValues.text(execution, SCOPE_DECIDED_BY), ProcessValues.text(execution, SCOPE_DECISION_REASON)));
  }
}
