package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.SlaVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Handler of a state's warning timer: records the warning once (a retried job writes nothing) and so marks the task
 * for the next standup. The record is published ({@link SlaThresholdRecordedEvent}); the communication capability
 * announces it on the task's team channel.
 */
@Component("recordSlaWarningDelegate")
class SlaRecordWarningDelegate implements JavaDelegate {

  private final SlaService sla;

  SlaRecordWarningDelegate(SlaService sla) {
    this.sla = sla;
  }

  @Override
  public void execute(DelegateExecution execution) {
    sla.record(ProcessValues.id(execution, SlaVariables.WORK_ITEM_ID), SlaDelegateInputs.state(execution), SlaEventKind.WARNING,
        SlaDelegateInputs.instant(execution, ENTERED_AT), SlaDelegateInputs.due(execution, WARNING_DURATION),
        execution.getProcessInstanceId());
  }
}
