package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.SlaVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Runs each time the lifecycle enters a state, before the state's wait: loads that state's SLA from DMN
 * {@code state-sla} and writes the timer durations and due times the boundary timers use (docs/sla.md). Writing them
 * fresh on every entry is what makes a redeployed table apply to the next state entered.
 */
@Component("loadSlaDurationsDelegate")
class SlaLoadDurationsDelegate implements JavaDelegate {

  private final SlaService sla;
  private final WorkItemService workItems;

  SlaLoadDurationsDelegate(SlaService sla, WorkItemService workItems) {
    this.sla = sla;
    this.workItems = workItems;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long workItemId = SlaDelegateInputs.workItemId(execution);
    TaskState state = SlaDelegateInputs.state(execution);
    Object tier = execution.getVariable(TIER);
    if (!(tier instanceof Number)) {
      throw new IllegalStateException("Variable '" + TIER + "' (0..4) is required to load the SLA, was " + tier);
    }
    WorkItem item = workItems.get(workItemId);
    SlaDurations durations = sla.durations(state, ((Number) tier).intValue(), item.estimateHours());
    Date now = ClockUtil.getCurrentTime();
    // setVariable on a name the service task's input mapping does not declare lands in the process instance, so the
    // boundary timers of the next activity and their handlers see it.
    execution.setVariable(TARGET_DURATION, durations.targetIso());
    execution.setVariable(WARNING_DURATION, durations.warningIso());
    execution.setVariable(ESCALATION_DURATION, durations.escalationIso());
    execution.setVariable(ESCALATION_TARGET, durations.escalationTarget());
    execution.setVariable(ESCALATION_ACTION, durations.escalationAction());
    execution.setVariable(WARNING_DUE, durations.warningDue(now));
    execution.setVariable(ESCALATION_DUE, durations.escalationDue(now));
    execution.setVariable(ENTERED_STATE, state.name());
    execution.setVariable(ENTERED_AT, now);
  }
}
