package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.LifecycleVariables.*;

import com.orchestration.platform.AsSystem;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After an SLA breach was escalated (non-interrupting branch), applies what the resolver decided to the main path:
 * {@code reassign} while the task waits in ASSIGNED → the lifecycle's {@code reassign} message; {@code cancel} or
 * {@code replan} → the {@code cancel-task} message; {@code resolved} → the guidance stays on record. Runs in its own
 * transaction (async before) so the message meets the main path's committed state.
 */
@Component
class ApplySlaOutcomeDelegate implements JavaDelegate {

  private final RuntimeService runtime;
  private final WorkItemService workItems;
  private final AsSystem asSystem;

  ApplySlaOutcomeDelegate(RuntimeService runtime, WorkItemService workItems, AsSystem asSystem) {
    this.runtime = runtime;
    this.workItems = workItems;
    this.asSystem = asSystem;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = ProcessValues.text(execution, SLA_ESCALATION_OUTCOME);
    String by = ProcessValues.text(execution, SLA_ESCALATION_RESOLVED_BY);
    WorkItem item = workItems.get(ProcessValues.id(execution, WORK_ITEM_ID));
    if (outcome == null || item.state().isTerminal()) {
      return;
    }
    String guidance = ProcessValues.text(execution, SLA_ESCALATION_GUIDANCE);
    switch (outcome) {
      case "reassign" -> {
        if (item.state() == TaskState.ASSIGNED) {
          asSystem.run(() -> runtime.createMessageCorrelation(MESSAGE_REASSIGN)
              .processInstanceId(execution.getProcessInstanceId())
              .setVariable(NEW_ASSIGNEE, ProcessValues.text(execution, SLA_ESCALATION_NEW_ASSIGNEE))
              .setVariable(REASSIGNED_BY, by)
              .setVariable(REASSIGN_REASON, "SLA escalation: " + guidance)
              .correlateAll());
        }
      }
      case "cancel", "replan" -> asSystem.run(() -> runtime.createMessageCorrelation(MESSAGE_CANCEL)
          .processInstanceId(execution.getProcessInstanceId())
          .setVariable(CANCELLED_BY, by)
          .setVariable(CANCEL_REASON, outcome + " after SLA escalation: " + guidance)
          .correlateAll());
      default -> {
        // resolved: the resolver's guidance is on the escalation record; the main path goes on as it was.
      }
    }
  }
}
