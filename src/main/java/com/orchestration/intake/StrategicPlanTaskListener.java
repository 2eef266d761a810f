package com.orchestration.intake;

import static com.orchestration.intake.InstructionVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.platform.AsSystem;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Write strategic plan" (tier 3–4, TL group, SPEC §4.4): objective, strategic tasks, six risk scores — validated
 * and kept for review — or a tier override. Asks DMN required-gates whether the plan needs an architecture review.
 */
@Component
class StrategicPlanTaskListener implements TaskListener {

  private final PlanInputs inputs;
  private final PlanService plans;
  private final PlanReviews reviews;
  private final InstructionService instructions;
  private final AsSystem asSystem;

  StrategicPlanTaskListener(PlanInputs inputs, PlanService plans, PlanReviews reviews,
      InstructionService instructions, AsSystem asSystem) {
    this.inputs = inputs;
    this.plans = plans;
    this.reviews = reviews;
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
    String objective = ProcessValues.requiredText(task, OBJECTIVE, "The objective", 4000);
    List<PlanTask> tasks = inputs.strategic(task);
    List<Integer> scores = inputs.riskScores(task);
    int tier = InstructionSteps.tier(task);
    PlanValidation validation = InstructionSteps.asForm(() ->
        plans.submitStrategicPlan(key, objective, tasks, scores, actor));
    boolean core = ProcessValues.flag(task, CORE_ARCHITECTURE);
    PlanReviews.Gates gates = reviews.forPlan(tier, validation.taskCount(), validation.parallelGroups(), core);
    boolean architecture = PlanReviews.architecture(gates);
    task.setVariable(PLAN_ARCHITECTURE_REQUIRED, architecture);
    task.setVariable(PLAN_SUMMARY, PlanService.summary(tasks, "d"));
    task.setVariable(ARCHITECTURE_SUBJECT, "strategic plan");
    task.setVariable(ARCHITECTURE_CONTEXT, "Objective: " + objective + "\n" + PlanService.summary(tasks, "d"));
    task.setVariable(ARCHITECTURE_REASON, gates.reason());
    task.setVariable(PLAN_FEEDBACK, "");
    instructions.record(key, "plan-architecture", null, architecture ? "required" : "not required",
        validation.taskCount() + " tasks, " + validation.parallelGroups() + " parallel groups"
            + (core ? ", core architecture" : "") + ": " + gates.reason(), "system");
  }
}
