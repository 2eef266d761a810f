package com.orchestration.intake;

import static com.orchestration.intake.InstructionVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.platform.AsSystem;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Review checkpoint" (EM, SPEC §4.5): after a strategic task she named, before it completes — continue, or
 * request changes (its domain lead adds tasks).
 */
@Component
class CheckpointReviewTaskListener implements TaskListener {

  private final InstructionService instructions;
  private final WorkItemService workItems;
  private final AsSystem asSystem;

  CheckpointReviewTaskListener(InstructionService instructions, WorkItemService workItems, AsSystem asSystem) {
    this.instructions = instructions;
    this.workItems = workItems;
    this.asSystem = asSystem;
  }

  @Override
  public void notify(DelegateTask task) {
    String key = InstructionSteps.key(task);
    String stKey = ProcessValues.text(task, STRATEGIC_TASK_KEY);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      List<WorkItem> tasks = workItems.ofInstruction(key).stream()
          .filter(i -> stKey.equals(i.parentTaskKey())).toList();
      task.setVariable(CHECKPOINT_SUMMARY, tasks.stream().map(i -> i.taskKey() + " · " + i.state() + " · "
          + i.title() + " (" + i.hoursSpent() + " of " + i.estimateHours() + " h)").collect(Collectors.joining("\n")));
      return;
    }
    String decision = ProcessValues.oneOf(task, CHECKPOINT_DECISION, "The checkpoint decision",
        List.of("continue", "changes"));
    String notes = ProcessValues.text(task, CHECKPOINT_NOTES);
    if ("changes".equals(decision)) {
      notes = ProcessValues.requiredText(task, CHECKPOINT_NOTES, "What must be added", 4000);
      task.setVariable(PLAN_FEEDBACK, "The engineering manager asked at the checkpoint:\n" + notes);
    }
    instructions.record(key, "checkpoint", stKey, decision, notes == null ? "—" : notes, asSystem.currentActor());
  }
}
