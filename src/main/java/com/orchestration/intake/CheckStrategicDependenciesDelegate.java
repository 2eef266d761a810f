package com.orchestration.intake;

import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.lifecycle.WorkItemService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Check strategic dependencies": a strategic task is broken down once every ST it depends on is COMPLETED, so
 * its domain lead plans against finished work and may name those tasks as dependencies (rolling-wave planning).
 */
@Component
class CheckStrategicDependenciesDelegate implements JavaDelegate {

  private final WorkItemService workItems;

  CheckStrategicDependenciesDelegate(WorkItemService workItems) {
    this.workItems = workItems;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(InstructionVariables.STRATEGIC_DEPENDENCIES_COMPLETE,
        workItems.dependenciesComplete(ProcessValues.id(execution, InstructionVariables.WORK_ITEM_ID)));
  }
}
