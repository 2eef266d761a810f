package com.orchestration.insight;

import static com.orchestration.insight.ScopeReviewVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Cancel tasks": the tasks the EM named go through the lifecycle's cancellation with her reason (capacity released);
 * checked again here, in the same transaction as the listener's check, so a task that closed meanwhile is refused.
 */
@Component
class CancelTasksDelegate implements JavaDelegate {

  private final SlipDetection detection;

  CancelTasksDelegate(SlipDetection detection) {
    this.detection = detection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String instructionKey = ProcessValues.text(execution, INSTRUCTION_KEY);
    execution.setVariable(SCOPE_OUTCOME, detection.reduceScope(ProcessValues.id(execution, SLIP_ID),
        detection.tasksToCancel(instructionKey, ProcessValues.text(execution, TASKS_TO_CANCEL)),
        ProcessValues.text(execution, SCOPE_DECIDED_BY), ProcessValues.text(execution, SCOPE_DECISION_REASON)));
  }
}
