package com.orchestration.capacity;

import static com.orchestration.capacity.RebalancingVariables.*;

import com.orchestration.lifecycle.LifecycleVariables;
import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.organization.Domain;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Propose moves": the team plan of SPEC §8.5 for the instance's domain. When an IC is above the cap (DMN
 * capacity-bands) the proposal is stored and its moves and Markdown go to the DL's form; {@code rebalancingAuto}
 * says whether the configuration approves it instead.
 */
@Component
class ProposeMovesDelegate implements JavaDelegate {

  private final RebalancingService rebalancing;
  private final RebalancingProperties properties;

  ProposeMovesDelegate(RebalancingService rebalancing, RebalancingProperties properties) {
    this.rebalancing = rebalancing;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Domain domain = Domain.require(LifecycleVariables.DOMAIN, ProcessValues.text(execution, LifecycleVariables.DOMAIN));
    String trigger = ProcessValues.text(execution, TRIGGER);
    RebalancingService.TeamPlan team = rebalancing.proposeTeam(domain, trigger == null ? "manual" : trigger,
        execution.getProcessInstanceId());
    execution.setVariable(IC_OVER_CAP, team.icOverCap());
    execution.setVariable(AUTO, properties.auto());
    if (!team.icOverCap()) {
      return;
    }
    String lines = RebalancingMove.lines(team.plan().moves());
    execution.setVariable(PROPOSAL_ID, team.proposalId());
    execution.setVariable(PROPOSED_MOVES, lines.isEmpty() ? NONE : lines);
    execution.setVariable(EDITED_MOVES, lines);
    execution.setVariable(PROPOSAL_TEXT, RebalancingService.proposalText(domain, team));
  }
}
