package com.orchestration.intake;

import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * "Complete strategic task": COMPLETED (all its tasks done, its gates passed); dependants are woken after commit, and
 * the milestone is published ({@link StrategicTaskCompletedEvent}) for whoever announces it.
 */
@Component
class CompleteStrategicTaskDelegate implements JavaDelegate {

  private final WorkItemService workItems;
  private final InstructionService instructions;
  private final InstructionSignals signals;
  private final ApplicationEventPublisher events;

  CompleteStrategicTaskDelegate(WorkItemService workItems, InstructionService instructions,
      InstructionSignals signals, ApplicationEventPublisher events) {
    this.workItems = workItems;
    this.instructions = instructions;
    this.signals = signals;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    WorkItem st = workItems.transition(ProcessValues.id(execution, InstructionVariables.WORK_ITEM_ID),
        TaskState.COMPLETED, "system", "all tactical tasks completed and strategic gates passed");
    instructions.record(st.instructionKey(), "strategic-task", st.taskKey(), "COMPLETED",
        "all tactical tasks completed and strategic gates passed", "system");
    signals.strategicTaskCompleted(st);
    events.publishEvent(new StrategicTaskCompletedEvent(st));
  }
}
