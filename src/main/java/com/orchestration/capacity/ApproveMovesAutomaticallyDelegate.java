package com.orchestration.capacity;

import static com.orchestration.capacity.RebalancingVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Approve moves automatically" ({@code orchestration.rebalancing.auto=true}): the proposal as it is, by system. */
@Component
class ApproveMovesAutomaticallyDelegate implements JavaDelegate {

  private final RebalancingService rebalancing;

  ApproveMovesAutomaticallyDelegate(RebalancingService rebalancing) {
    this.rebalancing = rebalancing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ProcessValues.id(execution, PROPOSAL_ID);
    rebalancing.decideTeam(id, "auto", null, RebalancingService.SYSTEM, "orchestration.rebalancing.auto=true");
    execution.setVariable(MOVES_APPROVED, true);
    execution.setVariable(MOVES_DECIDED_BY, RebalancingService.SYSTEM);
  }
}
