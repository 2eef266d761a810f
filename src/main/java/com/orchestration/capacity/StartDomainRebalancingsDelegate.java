package com.orchestration.capacity;

import com.orchestration.organization.Domain;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The hourly run: returns loans whose end has passed, then starts a rebalancing for every domain that crosses a
 * threshold and has none open. Cooldowns after a rejection do not apply here: at most once an hour is not a storm.
 */
@Component
class StartDomainRebalancingsDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(StartDomainRebalancingsDelegate.class);

  private final RebalancingService rebalancing;
  private final RebalancingStarter starter;

  StartDomainRebalancingsDelegate(RebalancingService rebalancing, RebalancingStarter starter) {
    this.rebalancing = rebalancing;
    this.starter = starter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int returned = rebalancing.returnExpiredLoans();
    int started = 0;
    for (Domain domain : Domain.values()) {
      if (starter.startIfNeeded(domain, "timer").started()) {
        started++;
      }
    }
    execution.setVariable(RebalancingVariables.LOANS_RETURNED, returned);
    execution.setVariable(RebalancingVariables.REBALANCINGS_STARTED, started);
    log.info("Hourly rebalancing run: {} loans returned, {} domain rebalancings started", returned, started);
  }
}
