package com.orchestration.intake;

import com.orchestration.platform.AsSystem;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Plan remediation" (TL): after a NO_GO or a failed instruction-level validation, new tactical tasks (new keys;
 * dependencies may name existing tasks) are created and started, and execution resumes.
 */
@Component
class RemediationTaskListener implements TaskListener {

  private final PlanInputs inputs;
  private final PlanService plans;
  private final InstructionService instructions;
  private final AsSystem asSystem;

  RemediationTaskListener(PlanInputs inputs, PlanService plans, InstructionService instructions,
      AsSystem asSystem) {
    this.inputs = inputs;
    this.plans = plans;
    this.instructions = instructions;
    this.asSystem = asSystem;
  }

  @Override
  public void notify(DelegateTask task) {
    String key = InstructionSteps.key(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      String existing = String.join(", ", instructions.existingTaskKeys(key).stream()
          .filter(k -> k.startsWith("TT")).toList());
      task.setVariable(InstructionVariables.EXISTING_TASK_KEYS_TEXT, existing.isEmpty() ? "none yet" : existing);
      return;
    }
    String actor = asSystem.currentActor();
    var tasks = inputs.tactical(task, InstructionVariables.REMEDIATION_TASKS);
    InstructionSteps.asPlanForm(InstructionVariables.REMEDIATION_TASKS,
        () -> plans.createTacticalTasks(key, tasks, actor, "remediation", false));
    instructions.record(key, "remediation", null, tasks.size() + " tasks",
        String.join(", ", tasks.stream().map(PlanTask::key).toList()), actor);
    instructions.moveTo(key, InstructionState.EXECUTING);
  }
}
