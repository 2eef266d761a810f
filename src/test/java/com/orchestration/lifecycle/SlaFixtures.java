package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.WorkItemDrafts.newInstructionKey;
import static com.orchestration.lifecycle.WorkItemDrafts.tactical;

import com.orchestration.organization.Domain;
import java.util.List;

/** Backend tasks of the demo organisation in a given state, assigned to alice (backend IC). */
final class SlaFixtures {

  static final String ASSIGNEE = "alice";

  private SlaFixtures() {}

  static WorkItem assignedTask(WorkItemService service, double estimateHours) {
    WorkItem item = service.createAll(List.of(tactical(newInstructionKey(), "TT1.1", Domain.BACKEND, estimateHours)),
        "tom", "tactical plan approved").get(0);
    return service.transition(item, TaskState.ASSIGNED, ASSIGNEE, StateTransition.SYSTEM, "best skill match");
  }

  static WorkItem inProgressTask(WorkItemService service, double estimateHours) {
    WorkItem assigned = assignedTask(service, estimateHours);
    return service.transition(assigned, TaskState.IN_PROGRESS, ASSIGNEE, ASSIGNEE, "started");
  }
}
