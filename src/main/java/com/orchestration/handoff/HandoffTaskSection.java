package com.orchestration.handoff;

import com.orchestration.lifecycle.TaskView;
import com.orchestration.lifecycle.WorkItem;
import org.springframework.stereotype.Component;

/** The task's handoffs (package, checklist, timing) in {@code GET /api/tasks/{key}}. */
@Component
class HandoffTaskSection implements TaskView.Section {

  private final HandoffService handoffs;

  HandoffTaskSection(HandoffService handoffs) {
    this.handoffs = handoffs;
  }

  @Override
  public String name() {
    return "handoffs";
  }

  @Override
  public Object of(WorkItem task) {
    return handoffs.forWorkItem(task.id());
  }
}
