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

  private final SlaTimers slaTimers;

  SlaLoadDurationsDelegate(SlaTimers slaTimers) {
    this.slaTimers = slaTimers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    slaTimers.load(execution, SlaDelegateInputs.state(execution));
  }
}
