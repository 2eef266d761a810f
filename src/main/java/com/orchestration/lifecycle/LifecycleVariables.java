package com.orchestration.lifecycle;

/**
 * Process variables of BPMN {@code task-lifecycle} (docs/processes.md). Each name is declared once here; forms,
 * BPMN expressions and Java use the same names.
 */
public final class LifecycleVariables {

  /** Long: the work item (tactical task) this instance runs. */
  public static final String WORK_ITEM_ID = "workItemId";
  /** String: the instruction key, also the business key. */
  public static final String INSTRUCTION_KEY = "instructionKey";
  /** String: {@code TT1.2}. */
  public static final String TASK_KEY = "taskKey";
  /** String: the task's domain. */
  public static final String DOMAIN = "domain";
  /** Integer 0..4: the instruction's tier. */
  public static final String TIER = "tier";

  /** Delegation context shown by every form (SPEC §9.1). */
  public static final String TASK_TITLE = "taskTitle";
  public static final String TASK_DESCRIPTION = "taskDescription";
  public static final String WHY_IT_MATTERS = "whyItMatters";
  public static final String ACCEPTANCE_CRITERIA = "acceptanceCriteria";
  public static final String ESTIMATE_HOURS = "estimateHours";
  public static final String DEADLINE_TEXT = "deadlineText";
  public static final String PRIORITY = "priority";
  public static final String COMPLEXITY = "complexity";
  public static final String DEPENDENCIES_TEXT = "dependenciesText";
  public static final String ESCALATION_PATH = "escalationPath";

  /** Boolean: every dependency is COMPLETED. */
  public static final String DEPENDENCIES_COMPLETE = "dependenciesComplete";

  /** Gates (DMN required-gates) and who reviews. */
  public static final String PEER_REVIEW_REQUIRED = "peerReviewRequired";
  public static final String DOMAIN_APPROVAL_REQUIRED = "domainApprovalRequired";
  public static final String CROSS_FUNCTIONAL_REQUIRED = "crossFunctionalRequired";
  public static final String PEER_REVIEWER_GROUP = "peerReviewerGroup";
  public static final String DOMAIN_LEAD_GROUP = "domainLeadGroup";
  public static final String HANDOFF_REQUIRED = "handoffRequired";
  public static final String HANDOFF_GROUPS = "handoffGroups";
  public static final String HANDOFF_TARGET_DOMAINS = "handoffTargetDomains";
  public static final String MAX_REWORK_LOOPS = "maxReworkLoops";

  /** Assignment. */
  public static final String ASSIGNEE = "assignee";
  public static final String ASSIGNEE_IS_AGENT = "assigneeIsAgent";
  public static final String ASSIGNMENT_FOUND = "assignmentFound";
  public static final String ASSIGNMENT_RATIONALE = "assignmentRationale";
  /** Message {@code reassign}: optional new IC (null = let the assignment service choose), who, why. */
  public static final String NEW_ASSIGNEE = "newAssignee";
  public static final String REASSIGNED_BY = "reassignedBy";
  public static final String REASSIGN_REASON = "reassignReason";

  /** Work (form do-work or the agent's external task). */
  public static final String WORK_ACCEPTED = "workAccepted";
  public static final String WORK_OUTCOME = "workOutcome";
  public static final String SUMMARY = "summary";
  public static final String HOURS_SPENT = "hoursSpent";
  public static final String TESTS_RUN = "testsRun";
  public static final String BLOCKER_TYPE = "blockerType";
  public static final String BLOCKER_DESCRIPTION = "blockerDescription";
  public static final String BLOCKER_TRIED = "blockerTried";
  public static final String BLOCKER_OUTCOME = "blockerOutcome";
  public static final String RESOLUTION_NOTE = "resolutionNote";

  /** Reviews. */
  public static final String PEER_REVIEW_OUTCOME = "peerReviewOutcome";
  public static final String PEER_REVIEW_SUMMARY = "peerReviewSummary";
  public static final String REVIEW_FINDINGS = "reviewFindings";
  public static final String REVIEW_COMMENT = "reviewComment";
  public static final String DOMAIN_APPROVAL_OUTCOME = "domainApprovalOutcome";
  public static final String DOMAIN_CHECKLIST_TEXT = "domainChecklistText";
  public static final String DOMAIN_CHECKLIST_CONFIRMED = "domainChecklistConfirmed";
  public static final String DOMAIN_REVIEW_NOTES = "domainReviewNotes";
  /** Integer: review rounds that sent the task back to IN_PROGRESS. */
  public static final String REWORK_COUNT = "reworkCount";
  public static final String REWORK_LIMIT_REACHED = "reworkLimitReached";

  /** Into the escalation hub (call activity {@code escalation}). */
  public static final String ESCALATION_REASON_TYPE = "escalationReasonType";
  public static final String ESCALATION_REASON_DETAIL = "escalationReasonDetail";
  public static final String ESCALATION_START_LEVEL = "escalationStartLevel";
  public static final String ESCALATION_CROSS_DOMAIN = "escalationCrossDomain";
  public static final String ESCALATION_ARCHITECTURAL = "escalationArchitectural";
  public static final String ESCALATION_CRITICAL_PATH_AT_RISK = "escalationCriticalPathAtRisk";
  /** Out of it. */
  public static final String ESCALATION_OUTCOME = "escalationOutcome";
  public static final String ESCALATION_GUIDANCE = "escalationGuidance";
  public static final String ESCALATION_NEW_ASSIGNEE = "escalationNewAssignee";
  public static final String ESCALATION_RESOLVED_BY = "escalationResolvedBy";
  /** Out of an SLA escalation branch. */
  public static final String SLA_ESCALATION_OUTCOME = "slaEscalationOutcome";
  public static final String SLA_ESCALATION_NEW_ASSIGNEE = "slaEscalationNewAssignee";
  public static final String SLA_ESCALATION_RESOLVED_BY = "slaEscalationResolvedBy";
  public static final String SLA_ESCALATION_GUIDANCE = "slaEscalationGuidance";
  /** java.util.Date: due date of the current state's target, shown in Tasklist (the "Overdue" filter). */
  public static final String SLA_TARGET_DUE = "slaTargetDue";
  /**
   * Boolean input of a "Set state …" task: false when a called process (a gate) loads and times the state's SLA
   * itself, so the lifecycle does not load it a second time.
   */
  public static final String LOAD_SLA = "loadSla";

  /** Message {@code cancel-task}. */
  public static final String CANCELLED_BY = "cancelledBy";
  public static final String CANCEL_REASON = "cancelReason";

  public static final String PROCESS_KEY = "task-lifecycle";
  public static final String MESSAGE_DEPENDENCY_COMPLETED = "dependency-completed";
  public static final String MESSAGE_REASSIGN = "reassign";
  public static final String MESSAGE_CANCEL = "cancel-task";

  private LifecycleVariables() {}
}
