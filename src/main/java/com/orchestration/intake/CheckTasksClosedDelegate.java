package com.orchestration.intake;

import static com.orchestration.intake.InstructionVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Check tasks": are all tactical tasks closed — of the strategic task when the process has one
 * ({@code strategicTaskKey}), else of the instruction? At instruction level it also decides what closes the
 * instruction: nothing more (tier 0–1), the instruction-level gate when DMN required-gates asks for it (tier 2), or
 * the go/no-go (tier 3–4).
 */
@Component
class CheckTasksClosedDelegate implements JavaDelegate {

  private final WorkItemService workItems;
  private final PlanReviews reviews;
  private final InstructionService instructions;

  CheckTasksClosedDelegate(WorkItemService workItems, PlanReviews reviews, InstructionService instructions) {
    this.workItems = workItems;
    this.reviews = reviews;
    this.instructions = instructions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = InstructionSteps.key(execution);
    String st = ProcessValues.text(execution, STRATEGIC_TASK_KEY);
    List<WorkItem> tasks = workItems.ofInstruction(key).stream()
        .filter(i -> i.kind() == TaskKind.TACTICAL && (st == null || st.equals(i.parentTaskKey())))
        .toList();
    execution.setVariable(ALL_TASKS_CLOSED, tasks.stream().allMatch(i -> i.state().isTerminal()));
    if (st == null) {
      int tier = InstructionSteps.tier(execution);
      String closing = tier >= 3 ? "go-no-go"
          : PlanReviews.crossFunctional(reviews.forInstruction(tier)) ? "validate" : "complete";
      execution.setVariable(CLOSING_STEP, closing);
      if (closing.equals("validate") && Boolean.TRUE.equals(execution.getVariable(ALL_TASKS_CLOSED))) {
        instructions.moveTo(key, InstructionState.VALIDATION);
      }
    }
  }
}
