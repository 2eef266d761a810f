package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.LifecycleVariables.*;

import com.orchestration.platform.AsSystem;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Set state …" service tasks: moves the task to the state named by the input {@code slaState} through
 * {@link WorkItemService} (state + transition log, this transaction), with who did it and why, then loads that
 * state's SLA from DMN {@code state-sla} into the variables the next wait's boundary timers read — unless the input
 * {@code loadSla} is false: the review states' waits are in the gate processes, which load and time their own SLA.
 */
@Component
class EnterStateDelegate implements JavaDelegate {

  private final WorkItemService workItems;
  private final SlaTimers slaTimers;
  private final AsSystem asSystem;

  EnterStateDelegate(WorkItemService workItems, SlaTimers slaTimers, AsSystem asSystem) {
    this.workItems = workItems;
    this.slaTimers = slaTimers;
    this.asSystem = asSystem;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String stateName = ProcessValues.text(execution, SlaVariables.SLA_STATE);
    TaskState target = TaskState.valueOf(stateName);
    WorkItem item = workItems.get(ProcessValues.id(execution, WORK_ITEM_ID));
    if (target == TaskState.ESCALATED) {
      execution.setVariable("escalationFirstLevelSlaHours", firstLevelSlaHours(item, execution));
    }
    workItems.transition(item, target, item.assignee(), asSystem.currentActor(), reason(item.state(), target, execution));
    if (loadsSla(execution)) {
      slaTimers.load(execution, target, item.estimateHours());
    }
  }

  /** Input {@code loadSla}: absent or true, load the state's SLA here; false (or "false"), a called process does. */
  static boolean loadsSla(DelegateExecution execution) {
    Object load = execution.getVariableLocal(LOAD_SLA);
    if (load == null || Boolean.TRUE.equals(load) || "true".equals(load)) {
      return true;
    }
    if (Boolean.FALSE.equals(load) || "false".equals(load)) {
      return false;
    }
    throw new IllegalStateException("Input '" + LOAD_SLA + "' must be true or false, was " + load);
  }

  /**
   * A blocker escalated to the DL keeps BLOCKED's own escalation time for the next level up (SPEC §5.3: 4 h → DL,
   * 8 h → TL, counted from entering BLOCKED); any other escalation uses the routing table's level SLA (null).
   */
  static Double firstLevelSlaHours(WorkItem item, DelegateExecution execution) {
    if (item.state() != TaskState.BLOCKED) {
      return null;
    }
    java.time.Instant due = SlaDelegateInputs.due(execution, SlaVariables.ESCALATION_DURATION);
    if (due == null) {
      return null;
    }
    double hours = (due.toEpochMilli() - org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime()) / 3_600_000.0;
    return Math.max(0.25, Math.round(hours * 100) / 100.0);
  }

  static String reason(TaskState from, TaskState to, DelegateExecution execution) {
    return switch (to) {
      case BLOCKED -> "blocker (" + ProcessValues.text(execution, BLOCKER_TYPE) + "): "
          + ProcessValues.text(execution, BLOCKER_DESCRIPTION);
      case ESCALATED -> "escalated (" + ProcessValues.text(execution, ESCALATION_REASON_TYPE) + "): "
          + ProcessValues.text(execution, ESCALATION_REASON_DETAIL);
      case UNDER_REVIEW -> "submitted for review: " + ProcessValues.text(execution, SUMMARY);
      case DOMAIN_REVIEW -> "peer approved";
      case READY_FOR_HANDOFF -> "approved; a task of another domain depends on it";
      case IN_PROGRESS -> switch (from) {
        case ASSIGNED -> "work started";
        case BLOCKED -> "blocker resolved: " + ProcessValues.text(execution, RESOLUTION_NOTE);
        case UNDER_REVIEW, DOMAIN_REVIEW -> "changes requested (rework " + execution.getVariable(REWORK_COUNT) + ")";
        case ESCALATED -> "escalation resolved: " + ProcessValues.text(execution, ESCALATION_GUIDANCE);
        default -> "in progress";
      };
      default -> to.name().toLowerCase().replace('_', ' ');
    };
  }
}
