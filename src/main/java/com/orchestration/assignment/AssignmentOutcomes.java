package com.orchestration.assignment;

import static com.orchestration.lifecycle.LifecycleVariables.*;

import com.orchestration.lifecycle.SlaTimers;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** What every (re)assignment writes into the lifecycle: the assignee, agent access, the ASSIGNED SLA. */
@Component
class AssignmentOutcomes {

  private final AgentAccess agents;
  private final SlaTimers slaTimers;

  AssignmentOutcomes(AgentAccess agents, SlaTimers slaTimers) {
    this.agents = agents;
    this.slaTimers = slaTimers;
  }

  /** {@code item} as read before the (re)assignment: its assignee is the previous one. */
  void apply(DelegateExecution execution, WorkItem item, AssignmentResult result) {
    String previousAssignee = item.assignee();
    if (previousAssignee != null && !previousAssignee.equals(result.assignee())) {
      agents.revoke(execution.getProcessInstanceId(), previousAssignee);
    }
    agents.grant(execution.getProcessInstanceId(), result.assignee());
    execution.setVariable(ASSIGNMENT_FOUND, true);
    execution.setVariable(ASSIGNEE, result.assignee());
    execution.setVariable(ASSIGNEE_IS_AGENT, agents.isAgent(result.assignee()));
    execution.setVariable(ASSIGNMENT_RATIONALE, result.rationale());
    slaTimers.load(execution, TaskState.ASSIGNED, item.estimateHours());
  }
}
