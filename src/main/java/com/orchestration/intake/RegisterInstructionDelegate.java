package com.orchestration.intake;

import com.orchestration.platform.AsSystem;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Register instruction": an instruction submitted through the API is already stored; one submitted with the
 * Tasklist start form is checked, classified and stored here, and the process takes its key as business key.
 */
@Component
class RegisterInstructionDelegate implements JavaDelegate {

  private final IntakeService intake;
  private final InstructionService instructions;
  private final InstructionRepository repository;
  private final AsSystem asSystem;

  RegisterInstructionDelegate(IntakeService intake, InstructionService instructions,
      InstructionRepository repository, AsSystem asSystem) {
    this.intake = intake;
    this.instructions = instructions;
    this.repository = repository;
    this.asSystem = asSystem;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object key = execution.getVariable(InstructionVariables.INSTRUCTION_KEY);
    Instruction instruction;
    if (key == null) {
      instruction = InstructionSteps.asForm(() -> intake.register(
          IntakeService.fromVariables(execution.getVariables()), asSystem.currentActor()));
      execution.setProcessBusinessKey(instruction.key());
    } else {
      instruction = instructions.get(key.toString());
    }
    repository.linkProcessInstance(instruction.key(), execution.getProcessInstanceId());
    execution.setVariables(IntakeService.processVariables(instruction));
  }
}
