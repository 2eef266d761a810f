package com.orchestration.intake;

import com.orchestration.platform.AsSystem;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Write tactical plan" (tier 2, TL): 3–8 tactical tasks written directly (SPEC §4.6), validated and created in
 * PENDING with their lifecycles started, all or nothing — or a tier override that re-routes the instruction.
 */
@Component
class TacticalPlanTaskListener implements TaskListener {

  private final PlanInputs inputs;
  private final PlanService plans;
  private final InstructionService instructions;
  private final AsSystem asSystem;

  TacticalPlanTaskListener(PlanInputs inputs, PlanService plans, InstructionService instructions,
      AsSystem asSystem) {
    this.inputs = inputs;
    this.plans = plans;
    this.instructions = instructions;
    this.asSystem = asSystem;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = asSystem.currentActor();
    if (inputs.overrideTier(task, actor)) {
      return;
    }
    String key = InstructionSteps.key(task);
    var tasks = inputs.tactical(task, InstructionVariables.TACTICAL_TASKS);
    InstructionSteps.asForm(() -> plans.createTacticalTasks(key, tasks, actor, "tactical plan (tier 2)", true));
    instructions.moveTo(key, InstructionState.EXECUTING);
  }
}
