package com.orchestration.intake;

import static com.orchestration.intake.InstructionVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItemService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Applies the escalation's outcome to a blocked strategic task: {@code resolved} → IN_PROGRESS and on to the next
 * gates with the guidance recorded; {@code replan} (and {@code reassign}, which has no meaning for an ST) → back to
 * its domain lead for more tasks; {@code cancel} (TL/EM only) → CANCELLED, the ST ends without completing.
 */
@Component
class ApplyStrategicEscalationDelegate implements JavaDelegate {

  private final WorkItemService workItems;
  private final InstructionService instructions;

  ApplyStrategicEscalationDelegate(WorkItemService workItems, InstructionService instructions) {
    this.workItems = workItems;
    this.instructions = instructions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = ProcessValues.text(execution, "escalationOutcome");
    String guidance = ProcessValues.text(execution, "escalationGuidance");
    String by = ProcessValues.text(execution, "escalationResolvedBy");
    long id = ProcessValues.id(execution, WORK_ITEM_ID);
    String st = ProcessValues.text(execution, STRATEGIC_TASK_KEY);
    String route = switch (outcome == null ? "" : outcome) {
      case "resolved" -> "continue";
      case "cancel" -> "cancel";
      default -> "replan";
    };
    switch (route) {
      case "continue" -> workItems.transition(id, TaskState.IN_PROGRESS, by, "escalation resolved: " + guidance);
      case "cancel" -> workItems.transition(id, TaskState.CANCELLED, by, "cancelled in escalation");
      default -> execution.setVariable(PLAN_FEEDBACK, "Escalation decided: replan"
          + (guidance == null ? "" : " — " + guidance));
    }
    execution.setVariable("strategicEscalationRoute", route);
    instructions.record(InstructionSteps.key(execution), "strategic-escalation", st, outcome,
        guidance == null ? "—" : guidance, by == null ? "system" : by);
  }
}
