package com.orchestration.intake;

import com.orchestration.lifecycle.ProcessValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Cancel everything": every open task of the instruction CANCELLED (SPEC §4.7), then the instruction. */
@Component
class CancelInstructionDelegate implements JavaDelegate {

  private final InstructionService instructions;

  CancelInstructionDelegate(InstructionService instructions) {
    this.instructions = instructions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    instructions.cancelEverything(InstructionSteps.key(execution),
        ProcessValues.text(execution, InstructionVariables.CANCELLED_BY),
        ProcessValues.text(execution, InstructionVariables.CANCEL_REASON));
  }
}
