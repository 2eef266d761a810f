package com.orchestration.capacity;

import static com.orchestration.capacity.RebalancingVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Apply moves": each decided move goes through the task's lifecycle ({@code reassign} message), in the transaction
 * of the decision — a move the lifecycle refuses rolls the decision back, and Tasklist shows why.
 */
@Component
class ApplyMovesDelegate implements JavaDelegate {

  private final RebalancingService rebalancing;

  ApplyMovesDelegate(RebalancingService rebalancing) {
    this.rebalancing = rebalancing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String by = ProcessValues.text(execution, MOVES_DECIDED_BY);
    int applied = rebalancing.applyMoves(ProcessValues.id(execution, PROPOSAL_ID),
        by == null ? RebalancingService.SYSTEM : by).size();
    execution.setVariable(MOVES_APPLIED, applied);
  }
}
