package com.orchestration.assignment;

import com.orchestration.lifecycle.TaskView;
import com.orchestration.lifecycle.WorkItem;
import org.springframework.stereotype.Component;

/** Who got the task and why (score, factors, runner-up, rationale) in {@code GET /api/tasks/{key}}. */
@Component
class AssignmentTaskSection implements TaskView.Section {

  private final AssignmentService assignment;

  AssignmentTaskSection(AssignmentService assignment) {
    this.assignment = assignment;
  }

  @Override
  public String name() {
    return "assignments";
  }

  @Override
  public Object of(WorkItem task) {
    return assignment.history(task.id());
  }
}
