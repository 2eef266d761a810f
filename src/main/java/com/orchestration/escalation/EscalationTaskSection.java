package com.orchestration.escalation;

import com.orchestration.lifecycle.TaskView;
import com.orchestration.lifecycle.WorkItem;
import org.springframework.stereotype.Component;

/** "Why is this blocked, who owns it" in {@code GET /api/tasks/{key}}: the task's escalations, every level. */
@Component
class EscalationTaskSection implements TaskView.Section {

  private final EscalationService escalations;

  EscalationTaskSection(EscalationService escalations) {
    this.escalations = escalations;
  }

  @Override
  public String name() {
    return "escalations";
  }

  @Override
  public Object of(WorkItem task) {
    return escalations.forWorkItem(task.id());
  }
}
