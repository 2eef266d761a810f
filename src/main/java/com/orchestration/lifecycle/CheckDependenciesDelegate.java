package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.LifecycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** PENDING waits until every dependency is COMPLETED (SPEC §4.7). */
@Component
class CheckDependenciesDelegate implements JavaDelegate {

  private final LifecycleService lifecycle;

  CheckDependenciesDelegate(LifecycleService lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(DEPENDENCIES_COMPLETE,
        lifecycle.dependenciesComplete(ProcessValues.id(execution, WORK_ITEM_ID)));
  }
}
