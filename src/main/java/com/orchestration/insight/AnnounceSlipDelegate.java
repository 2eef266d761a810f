package com.orchestration.insight;

import com.orchestration.lifecycle.ProcessValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Announce slip": publishes {@link CriticalPathSlippedEvent}; communication posts it to domain-leads. */
@Component
class AnnounceSlipDelegate implements JavaDelegate {

  private final SlipDetection detection;

  AnnounceSlipDelegate(SlipDetection detection) {
    this.detection = detection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    detection.announce(ProcessValues.id(execution, ScopeReviewVariables.SLIP_ID), execution.getProcessInstanceId());
  }
}
