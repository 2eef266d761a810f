package com.orchestration.intake;

import com.orchestration.platform.AsSystem;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Create strategic tasks": the approved plan's STs in PENDING; their keys are the multi-instance collection. */
@Component
class StartStrategicTasksDelegate implements JavaDelegate {

  private final PlanService plans;
  private final InstructionService instructions;
  private final AsSystem asSystem;

  StartStrategicTasksDelegate(PlanService plans, InstructionService instructions, AsSystem asSystem) {
    this.plans = plans;
    this.instructions = instructions;
    this.asSystem = asSystem;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = InstructionSteps.key(execution);
    java.util.List<String> keys = plans.createStrategicTasks(key, asSystem.currentActor());
    execution.setVariable(InstructionVariables.STRATEGIC_TASK_KEYS, new java.util.ArrayList<>(keys));
    instructions.moveTo(key, InstructionState.EXECUTING);
  }
}
