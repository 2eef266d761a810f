package com.orchestration.insight;

import static com.orchestration.insight.ScopeReviewVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Withdraw review": the instruction ended before the EM decided; the slip is closed as WITHDRAWN. */
@Component
class WithdrawScopeReviewDelegate implements JavaDelegate {

  private final SlipDetection detection;

  WithdrawScopeReviewDelegate(SlipDetection detection) {
    this.detection = detection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String why = ProcessValues.text(execution, INSTRUCTION_ENDED_REASON);
    detection.withdraw(ProcessValues.id(execution, SLIP_ID), why == null ? "the instruction ended" : why);
  }
}
