package com.orchestration.intake;

import static com.orchestration.intake.InstructionVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.platform.AsSystem;
import com.orchestration.platform.ForbiddenException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Break down strategic task" (DL of the ST's domain, SPEC §4.6): 3–10 tactical tasks TT&lt;st&gt;.&lt;n&gt;,
 * validated and kept for the TL's review. Only a lead of the ST's domain may submit it.
 */
@Component
class BreakdownTaskListener implements TaskListener {

  private final PlanInputs inputs;
  private final PlanService plans;
  private final IdentityService identity;
  private final AsSystem asSystem;

  BreakdownTaskListener(PlanInputs inputs, PlanService plans, IdentityService identity, AsSystem asSystem) {
    this.inputs = inputs;
    this.plans = plans;
    this.identity = identity;
    this.asSystem = asSystem;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = asSystem.currentActor();
    String group = ProcessValues.text(task, DOMAIN_LEAD_GROUP);
    if (!"system".equals(actor) && identity.createGroupQuery().groupMember(actor).groupId(group).count() == 0) {
      throw new ForbiddenException("Only a lead of the " + ProcessValues.text(task, DOMAIN)
          + " domain (" + group + ") may break down " + ProcessValues.text(task, STRATEGIC_TASK_KEY) + "; "
          + actor + " is not one");
    }
    String key = InstructionSteps.key(task);
    String stKey = ProcessValues.text(task, STRATEGIC_TASK_KEY);
    List<PlanTask> tasks = inputs.tactical(task, TACTICAL_TASKS);
    PlanValidation validation = InstructionSteps.asForm(() -> plans.submitBreakdown(key, stKey, tasks, actor));
    task.setVariable(BREAKDOWN_SUMMARY, PlanService.summary(tasks, "h"));
    task.setVariable(BREAKDOWN_WARNINGS, validation.warnings().isEmpty() ? "none"
        : String.join("\n", validation.warnings()));
  }
}
