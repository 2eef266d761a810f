package com.orchestration.intake;

import static com.orchestration.intake.InstructionVariables.*;

import com.orchestration.lifecycle.FormInputException;
import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.platform.AsSystem;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Review breakdown" (TL, SPEC §4.6): approve, request changes (back to the DL with notes) or rebalance (move tasks
 * to other domains, one "TT2.3 -> frontend" per line, checked against the breakdown, then approve).
 */
@Component
class BreakdownReviewTaskListener implements TaskListener {

  private final PlanService plans;
  private final InstructionService instructions;
  private final AsSystem asSystem;

  BreakdownReviewTaskListener(PlanService plans, InstructionService instructions, AsSystem asSystem) {
    this.plans = plans;
    this.instructions = instructions;
    this.asSystem = asSystem;
  }

  @Override
  public void notify(DelegateTask task) {
    String key = InstructionSteps.key(task);
    String stKey = ProcessValues.text(task, STRATEGIC_TASK_KEY);
    String decision = ProcessValues.oneOf(task, BREAKDOWN_DECISION, "The review decision",
        List.of("approve", "changes", "rebalance"));
    String notes = ProcessValues.text(task, BREAKDOWN_NOTES);
    switch (decision) {
      case "changes" -> {
        notes = ProcessValues.requiredText(task, BREAKDOWN_NOTES, "What must change", 4000);
        task.setVariable(PLAN_FEEDBACK, "The tech lead requested changes:\n" + notes);
      }
      case "rebalance" -> {
        if (ProcessValues.text(task, REBALANCE_MOVES) == null) {
          throw new FormInputException(REBALANCE_MOVES, "Rebalancing needs at least one move, e.g. TT2.3 -> frontend");
        }
        int moves = InstructionSteps.asForm(() ->
            plans.parseMoves(key, stKey, ProcessValues.text(task, REBALANCE_MOVES))).size();
        notes = moves + " move(s)" + (notes == null ? "" : "; " + notes);
      }
      default -> { }
    }
    instructions.record(key, "breakdown-review", stKey, decision, notes == null ? "—" : notes,
        asSystem.currentActor());
  }
}
