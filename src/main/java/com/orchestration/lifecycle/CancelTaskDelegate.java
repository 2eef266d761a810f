package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.LifecycleVariables.*;

import com.orchestration.platform.AsSystem;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** CANCELLED, by request (message {@code cancel-task}) or after an escalation decided replan/cancel. */
@Component
class CancelTaskDelegate implements JavaDelegate {

  private final LifecycleService lifecycle;
  private final WorkItemService workItems;
  private final AsSystem asSystem;

  CancelTaskDelegate(LifecycleService lifecycle, WorkItemService workItems, AsSystem asSystem) {
    this.lifecycle = lifecycle;
    this.workItems = workItems;
    this.asSystem = asSystem;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ProcessValues.id(execution, WORK_ITEM_ID);
    if (workItems.get(id).state().isTerminal()) {
      return;
    }
    String by = ProcessValues.text(execution, CANCELLED_BY);
    String reason = ProcessValues.text(execution, CANCEL_REASON);
    lifecycle.cancel(id, by == null ? asSystem.currentActor() : by, reason == null ? "cancelled" : reason);
  }
}
