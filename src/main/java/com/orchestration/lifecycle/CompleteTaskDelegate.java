package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.LifecycleVariables.*;

import com.orchestration.platform.AsSystem;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** COMPLETED: see {@link LifecycleService#complete}. */
@Component
class CompleteTaskDelegate implements JavaDelegate {

  private final LifecycleService lifecycle;
  private final AsSystem asSystem;

  CompleteTaskDelegate(LifecycleService lifecycle, AsSystem asSystem) {
    this.lifecycle = lifecycle;
    this.asSystem = asSystem;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object rework = execution.getVariable(REWORK_COUNT);
    lifecycle.complete(ProcessValues.id(execution, WORK_ITEM_ID), asSystem.currentActor(),
        rework instanceof Number n ? n.intValue() : 0);
  }
}
