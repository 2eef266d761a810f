package com.orchestration.intake;

import static com.orchestration.intake.InstructionVariables.*;

import com.orchestration.lifecycle.FormInputException;
import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.platform.AsSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Review risk" (EM, SPEC §4.5): approve, approve with conditions, request changes (back to planning) or reject.
 * Checkpoints name strategic tasks of the plan after which the EM reviews; the checkpoint band requires at least
 * one.
 */
@Component
class RiskReviewTaskListener implements TaskListener {

  private final InstructionService instructions;
  private final PlanService plans;
  private final AsSystem asSystem;

  RiskReviewTaskListener(InstructionService instructions, PlanService plans, AsSystem asSystem) {
    this.instructions = instructions;
    this.plans = plans;
    this.asSystem = asSystem;
  }

  @Override
  public void notify(DelegateTask task) {
    String key = InstructionSteps.key(task);
    String decision = ProcessValues.oneOf(task, RISK_DECISION, "The risk decision",
        List.of("approve", "conditions", "changes", "reject"));
    Set<String> planKeys = plans.strategicPlan(key).stream().map(PlanTask::key).collect(Collectors.toSet());
    List<String> checkpoints = new ArrayList<>();
    for (String part : ProcessValues.list(ProcessValues.text(task, CHECKPOINTS))) {
      String st = part.strip().toUpperCase(java.util.Locale.ROOT);
      if (!planKeys.contains(st)) {
        throw new FormInputException(CHECKPOINTS, "'" + part + "' is not a strategic task of this plan; allowed: "
            + planKeys.stream().sorted(PlanValidator.KEY_ORDER).collect(Collectors.joining(", ")));
      }
      checkpoints.add(st);
    }
    String notes = ProcessValues.text(task, RISK_NOTES);
    String outcome;
    switch (decision) {
      case "conditions" -> {
        String conditions = ProcessValues.requiredText(task, RISK_CONDITIONS, "The conditions", 4000);
        notes = "conditions: " + conditions + (notes == null ? "" : "; " + notes);
        outcome = "APPROVED_WITH_CONDITIONS";
      }
      case "changes", "reject" -> {
        notes = ProcessValues.requiredText(task, RISK_NOTES, "What must change (or why it is rejected)", 4000);
        outcome = decision.equals("changes") ? "CHANGES_REQUESTED" : "REJECTED";
        task.setVariable(PLAN_FEEDBACK, "The engineering manager requested changes:\n" + notes);
      }
      default -> outcome = "APPROVED";
    }
    if ("APPROVE_WITH_CHECKPOINTS".equals(ProcessValues.text(task, RISK_OUTCOME)) && (decision.equals("approve") || decision.equals("conditions"))
        && checkpoints.isEmpty()) {
      throw new FormInputException(CHECKPOINTS, "The risk band asks for checkpoints: name the strategic tasks "
          + "after which you review, e.g. ST2, ST5");
    }
    task.setVariable(CHECKPOINTS, String.join(", ", checkpoints));
    instructions.record(key, "risk-review", null, outcome, (notes == null ? "—" : notes)
        + (checkpoints.isEmpty() ? "" : "; checkpoints after " + String.join(", ", checkpoints)),
        asSystem.currentActor());
    if (decision.equals("changes")) {
      instructions.moveTo(key, InstructionState.PLANNING);
    } else if (!decision.equals("reject")) {
      instructions.recordRisk(key, outcome, checkpoints);
    }
  }
}
