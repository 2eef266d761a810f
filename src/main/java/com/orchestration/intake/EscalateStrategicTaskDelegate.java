package com.orchestration.intake;

import static com.orchestration.intake.InstructionVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItemService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Escalate blocked strategic task": cross-functional validation found the ST BLOCKED (SPEC §7 → escalation). The
 * ST moves to ESCALATED and the {@code escalation} process is called with the findings as the reason; it starts at
 * the TL (reason type other).
 */
@Component
class EscalateStrategicTaskDelegate implements JavaDelegate {

  private final WorkItemService workItems;

  EscalateStrategicTaskDelegate(WorkItemService workItems) {
    this.workItems = workItems;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String findings = ProcessValues.text(execution, CROSS_FUNCTIONAL_FINDINGS);
    workItems.transition(ProcessValues.id(execution, WORK_ITEM_ID), TaskState.ESCALATED, "system",
        "cross-functional validation blocked");
    execution.setVariable("escalationReasonType", "other");
    execution.setVariable("escalationReasonDetail", "Cross-functional validation of strategic task "
        + ProcessValues.text(execution, STRATEGIC_TASK_KEY) + " is BLOCKED: " + (findings == null ? "no findings"
        : findings));
  }
}
