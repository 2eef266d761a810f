package com.orchestration.intake;

import static com.orchestration.intake.InstructionVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the cross-functional validation (gate 3) of a strategic task or of a tier-2 instruction. Anything but
 * PASS sends the work back: the strategic task to its domain lead for remediation tasks, the instruction to the TL.
 */
@Component
class RecordCrossFunctionalOutcomeDelegate implements JavaDelegate {

  private final InstructionService instructions;

  RecordCrossFunctionalOutcomeDelegate(InstructionService instructions) {
    this.instructions = instructions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = ProcessValues.text(execution, CROSS_FUNCTIONAL_OUTCOME);
    String findings = ProcessValues.text(execution, CROSS_FUNCTIONAL_FINDINGS);
    String subject = ProcessValues.text(execution, STRATEGIC_TASK_KEY);
    String key = InstructionSteps.key(execution);
    instructions.record(key, subject == null ? "instruction-gate" : "strategic-gate", subject,
        "cross-functional: " + outcome, findings == null ? "no findings" : findings, "qa/security");
    boolean passed = "pass".equalsIgnoreCase(outcome);
    execution.setVariable(INSTRUCTION_GATE_PASSED, passed);
    if (!passed) {
      String feedback = "Cross-functional validation: " + outcome + "\n" + (findings == null ? "—" : findings);
      execution.setVariable(PLAN_FEEDBACK, feedback);
      execution.setVariable(REMEDIATION_REASON, feedback);
    }
  }
}
