package com.orchestration.intake;

import static com.orchestration.intake.InstructionVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.organization.Domain;
import com.orchestration.platform.AsSystem;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Create tactical tasks": the approved breakdown (with the TL's moves) becomes tasks in PENDING whose lifecycles
 * start at once; the ST moves to IN_PROGRESS.
 */
@Component
class StartTacticalTasksDelegate implements JavaDelegate {

  private final PlanService plans;
  private final WorkItemService workItems;
  private final AsSystem asSystem;

  StartTacticalTasksDelegate(PlanService plans, WorkItemService workItems, AsSystem asSystem) {
    this.plans = plans;
    this.workItems = workItems;
    this.asSystem = asSystem;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = InstructionSteps.key(execution);
    String stKey = ProcessValues.text(execution, STRATEGIC_TASK_KEY);
    Map<String, Domain> moves = "rebalance".equals(ProcessValues.text(execution, BREAKDOWN_DECISION))
        ? plans.parseMoves(key, stKey, ProcessValues.text(execution, REBALANCE_MOVES)) : Map.of();
    String actor = asSystem.currentActor();
    plans.approveBreakdown(key, stKey, moves, actor);
    workItems.transition(ProcessValues.id(execution, WORK_ITEM_ID), TaskState.IN_PROGRESS, actor,
        "breakdown approved");
    execution.setVariable(PLAN_FEEDBACK, "");
  }
}
