package com.orchestration.lifecycle;

/**
 * Process variables the SLA delegates read and write (docs/sla.md). The task-lifecycle BPMN sets {@link #SLA_STATE}
 * with {@code camunda:inputOutput} on each "Load SLA" service task and uses the duration variables in its boundary
 * timers' {@code timeDuration}.
 */
public final class SlaVariables {

  /** Long: the work item (task) the process instance runs. Read. */
  public static final String WORK_ITEM_ID = "workItemId";
  /** Integer 0..4: the instruction's tier. Read. */
  public static final String TIER = "tier";
  /** String, a {@link TaskState} name: the state being entered (input mapping of the service task). Read. */
  public static final String SLA_STATE = "slaState";

  /** String, ISO-8601 duration ({@code PT4H}); {@link SlaDurations#NO_TIMER} when the table has none. Written. */
  public static final String WARNING_DURATION = "slaWarningDuration";
  public static final String ESCALATION_DURATION = "slaEscalationDuration";
  /** String: DL, TL or EM, or null (ESCALATED: the escalation process routes to the next level). Written. */
  public static final String ESCALATION_TARGET = "slaEscalationTarget";
  /** String: the state the durations belong to, so timer handlers know it without their own input mapping. Written. */
  public static final String ENTERED_STATE = "slaEnteredState";
  /** java.util.Date: when the state was entered; part of the once-per-entry key of SLA events. Written. */
  public static final String ENTERED_AT = "slaEnteredAt";

  private SlaVariables() {}
}
