package com.orchestration.capacity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of a {@code capacity-rebalancing} instance: a proposal or domain review it left undecided — the instance was
 * cancelled in Cockpit — is closed as withdrawn. On the normal paths every proposal is decided first, so this changes
 * nothing.
 */
@Component
class WithdrawProposalsExecutionListener implements ExecutionListener {

  private final RebalancingService rebalancing;

  WithdrawProposalsExecutionListener(RebalancingService rebalancing) {
    this.rebalancing = rebalancing;
  }

  @Override
  public void notify(DelegateExecution execution) {
    rebalancing.withdrawOpenProposals(execution.getProcessInstanceId());
  }
}
