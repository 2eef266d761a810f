package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.SlaVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Handler of a state's escalation timer: records the breach once, after its warning if that has not been recorded
 * yet. Starting the escalation (§6) is the escalation capability's; the BPMN calls it after this task. The record is
 * published ({@link SlaThresholdRecordedEvent}); the communication capability announces it.
 */
@Component("recordSlaBreachDelegate")
class SlaRecordBreachDelegate implements JavaDelegate {

  private final SlaService sla;

  SlaRecordBreachDelegate(SlaService sla) {
    this.sla = sla;
  }

  @Override
  public void execute(DelegateExecution execution) {
    sla.recordBreach(ProcessValues.id(execution, SlaVariables.WORK_ITEM_ID), SlaDelegateInputs.state(execution),
        SlaDelegateInputs.instant(execution, ENTERED_AT), SlaDelegateInputs.due(execution, WARNING_DURATION),
        SlaDelegateInputs.due(execution, ESCALATION_DURATION), execution.getProcessInstanceId());
  }
}
