package com.orchestration.intake;

import static com.orchestration.intake.InstructionVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Evaluate risk": DMN risk-decision over the sum of the six scores (SPEC §4.5). Without an EM task the plan is
 * approved here, with its outcome (auto-approve or monitoring) recorded.
 */
@Component
class EvaluateRiskDelegate implements JavaDelegate {

  private final InstructionService instructions;
  private final PlanReviews reviews;

  EvaluateRiskDelegate(InstructionService instructions, PlanReviews reviews) {
    this.instructions = instructions;
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = InstructionSteps.key(execution);
    Instruction instruction = instructions.get(key);
    PlanReviews.Risk risk = reviews.risk(instruction.riskScores(), instruction.tier());
    execution.setVariable(RISK_SUM, risk.sum());
    execution.setVariable(RISK_OUTCOME, risk.outcome());
    execution.setVariable(RISK_REASON, risk.reason());
    execution.setVariable(EM_TASK_REQUIRED, risk.emTaskRequired());
    instructions.record(key, "risk", null, risk.outcome(), risk.reason(), "system");
    if (risk.emTaskRequired()) {
      instructions.moveTo(key, InstructionState.RISK_REVIEW);
    } else {
      instructions.recordRisk(key, risk.outcome(), java.util.List.of());
    }
  }
}
