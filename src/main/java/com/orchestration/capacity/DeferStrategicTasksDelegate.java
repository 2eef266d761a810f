package com.orchestration.capacity;

import static com.orchestration.capacity.RebalancingVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Defer strategic tasks": records the deferral and lowers the chosen strategic tasks and their tactical tasks that
 * have not started to low priority; nothing running is paused (docs/rebalancing.md).
 */
@Component
class DeferStrategicTasksDelegate implements JavaDelegate {

  private final RebalancingService rebalancing;

  DeferStrategicTasksDelegate(RebalancingService rebalancing) {
    this.rebalancing = rebalancing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long reviewId = ProcessValues.id(execution, DOMAIN_REVIEW_ID);
    var chosen = rebalancing.validateDefer(reviewId,
        RebalanceDomainsTaskListener.keys(execution.getVariable(DEFER_TASKS)), DEFER_TASKS);
    rebalancing.defer(reviewId, chosen, LendIcDelegate.decidedBy(execution),
        ProcessValues.text(execution, DOMAIN_NOTE));
  }
}
