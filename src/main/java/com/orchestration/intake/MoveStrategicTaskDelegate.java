package com.orchestration.intake;

import static com.orchestration.intake.InstructionVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.lifecycle.SlaTimers;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Start planning" / "Return to planning": the ST moves to IN_PLANNING (from PENDING, or from IN_PROGRESS when a
 * gate or the EM's checkpoint asks for more tasks); the breakdown form shows the tasks that already exist, and the
 * breakdown is due by the IN_PLANNING target of DMN state-sla.
 */
@Component
class MoveStrategicTaskDelegate implements JavaDelegate {

  private final WorkItemService workItems;
  private final InstructionService instructions;
  private final SlaTimers slaTimers;

  MoveStrategicTaskDelegate(WorkItemService workItems, InstructionService instructions, SlaTimers slaTimers) {
    this.workItems = workItems;
    this.instructions = instructions;
    this.slaTimers = slaTimers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    WorkItem st = workItems.get(ProcessValues.id(execution, WORK_ITEM_ID));
    String reason = st.state() == TaskState.PENDING ? "breakdown by the domain lead"
        : "more tasks needed: " + ProcessValues.text(execution, PLAN_FEEDBACK);
    workItems.transition(st, TaskState.IN_PLANNING, st.assignee(), "system", reason);
    // The IN_PLANNING SLA of DMN state-sla: the breakdown task's due date (Tasklist "Overdue" after it).
    slaTimers.load(execution, TaskState.IN_PLANNING, st.estimateHours());
    String existing = instructions.existingTaskKeys(st.instructionKey()).stream()
        .filter(k -> k.startsWith("TT")).collect(Collectors.joining(", "));
    execution.setVariable(EXISTING_TASK_KEYS_TEXT, existing.isEmpty() ? "none yet" : existing);
  }
}
