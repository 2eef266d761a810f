package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.SlaVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Writes the SLA of the state just entered (DMN {@code state-sla}) into the variables the lifecycle's boundary
 * timers and due dates read. Fresh on every entry, so a redeployed table applies to the next state entered.
 */
@Component
public class SlaTimers {

  private final SlaService sla;
  private final WorkItemService workItems;

  SlaTimers(SlaService sla, WorkItemService workItems) {
    this.sla = sla;
    this.workItems = workItems;
  }

  public void load(DelegateExecution execution, TaskState state) {
    load(execution, state, workItems.get(ProcessValues.id(execution, SlaVariables.WORK_ITEM_ID)).estimateHours());
  }

  /** As {@link #load(DelegateExecution, TaskState)}, for a caller that has just read the task (its estimate). */
  public void load(DelegateExecution execution, TaskState state, double estimateHours) {
    Object tier = execution.getVariable(TIER);
    if (!(tier instanceof Number)) {
      throw new IllegalStateException("Variable '" + TIER + "' (0..4) is required to load the SLA, was " + tier);
    }
    SlaDurations durations = sla.durations(state, ((Number) tier).intValue(), estimateHours);
    Date now = ClockUtil.getCurrentTime();
    // Names the service task's input mapping does not declare land in the process instance, where the boundary
    // timers of the next activity and their handlers see them.
    // Only what a timer, a task's due date or a handler reads: every variable is written again on each state entry
    // (and copied into the gates), so the dues of the warning and escalation are derived from these by the handlers.
    execution.setVariable(WARNING_DURATION, durations.warningIso());
    execution.setVariable(ESCALATION_DURATION, durations.escalationIso());
    execution.setVariable(ESCALATION_TARGET, durations.escalationTarget());
    execution.setVariable(LifecycleVariables.SLA_TARGET_DUE, durations.targetDue(now));
    execution.setVariable(ENTERED_STATE, state.name());
    execution.setVariable(ENTERED_AT, now);
  }
}
