package com.orchestration.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * "Complete instruction" / "Reject instruction": the instruction's end state, recorded; a completion is published
 * ({@link InstructionCompletedEvent}) for whoever celebrates it.
 */
@Component
class CompleteInstructionDelegate implements JavaDelegate {

  private final InstructionService instructions;
  private final ApplicationEventPublisher events;

  CompleteInstructionDelegate(InstructionService instructions, ApplicationEventPublisher events) {
    this.instructions = instructions;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = InstructionSteps.key(execution);
    boolean rejected = "reject".equals(execution.getVariable(InstructionVariables.RISK_DECISION));
    InstructionState end = rejected ? InstructionState.REJECTED : InstructionState.COMPLETED;
    instructions.moveTo(key, end);
    instructions.record(key, "end", null, end.name(), rejected ? "rejected in the risk review"
        : "every step done", "system");
    if (!rejected) {
      events.publishEvent(new InstructionCompletedEvent(instructions.get(key)));
    }
  }
}
