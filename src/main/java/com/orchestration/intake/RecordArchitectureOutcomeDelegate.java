package com.orchestration.intake;

import static com.orchestration.intake.InstructionVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the architecture review (gate 4) of a plan or of a strategic task; when changes were requested, the
 * findings become the feedback the planner sees on the way back.
 */
@Component
class RecordArchitectureOutcomeDelegate implements JavaDelegate {

  private final InstructionService instructions;

  RecordArchitectureOutcomeDelegate(InstructionService instructions) {
    this.instructions = instructions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = ProcessValues.text(execution, ARCHITECTURE_OUTCOME);
    String findings = ProcessValues.text(execution, ARCHITECTURE_FINDINGS);
    String subject = ProcessValues.text(execution, STRATEGIC_TASK_KEY);
    String notes = ProcessValues.text(execution, "architectureNotes");
    String reviewer = ProcessValues.text(execution, "architectureReviewer");
    instructions.record(InstructionSteps.key(execution), subject == null ? "plan-architecture-review"
        : "strategic-gate", subject, "architecture-review: " + outcome, (findings == null ? "no findings" : findings)
            + (notes == null ? "" : "; notes: " + notes), reviewer == null ? "architects" : reviewer);
    if (!"approve".equals(outcome)) {
      execution.setVariable(PLAN_FEEDBACK, "Architecture review requested changes:\n"
          + (findings == null ? "—" : findings) + (notes == null ? "" : "\nNotes: " + notes));
    }
  }
}
