package com.orchestration.escalation;

import java.util.Set;

/**
 * The variables of process {@code escalation} (docs/escalation.md). Inputs come from the caller's
 * {@code camunda:in}, outputs go back through {@code camunda:out}; the rest live only inside the process.
 */
public final class EscalationVariables {

  // Inputs (camunda:in from the caller)
  /** Long: the work item (task) that is escalated. */
  public static final String WORK_ITEM_ID = "workItemId";
  /** String: the instruction key; also the business key. */
  public static final String INSTRUCTION_KEY = "instructionKey";
  /** String: the task key within the instruction, e.g. TT1.2. */
  public static final String TASK_KEY = "taskKey";
  /** String: the task's domain (frontend, backend, qa, devops, data, security): picks the DL group. */
  public static final String DOMAIN = "domain";
  /** Integer 0..4: the instruction's tier. */
  public static final String TIER = "tier";
  /** String: one of {@link #REASON_TYPES}; anything else routes as {@code other} (fail-safe to the TL). */
  public static final String REASON_TYPE = "reasonType";
  /** String: free text — the blocker, what was tried, or the excluded candidates and why. */
  public static final String REASON_DETAIL = "reasonDetail";
  /** Boolean: other domains are involved. */
  public static final String CROSS_DOMAIN = "crossDomain";
  /** Boolean: the question is architectural (technical uncertainty goes to the architects). */
  public static final String ARCHITECTURAL = "architectural";
  /** Boolean: the critical path of the instruction is at risk. */
  public static final String CRITICAL_PATH_AT_RISK = "criticalPathAtRisk";
  /** String: for {@code sla_breach}, the state whose SLA was breached; else null. */
  public static final String SLA_STATE = "slaState";
  /** String, optional: DL, TL or EM — where an SLA breach starts (SPEC §5.3 table). */
  public static final String START_LEVEL = "startLevel";
  /** Number, optional: the first level's SLA in hours when the caller's SLA table says so (else the DMN's). */
  public static final String FIRST_LEVEL_SLA_HOURS = "firstLevelSlaHours";

  // Outputs (camunda:out to the caller)
  /** String: resolved | reassign | replan | cancel. */
  public static final String OUTCOME = "escalationOutcome";
  /** String: the resolver's guidance or note (may be null for reassign). */
  public static final String GUIDANCE = "escalationGuidance";
  /** String or null: for reassign, the IC the resolver chose; null = let the assignment service choose. */
  public static final String NEW_ASSIGNEE = "escalationNewAssignee";
  /** String: the user who decided. */
  public static final String RESOLVED_BY = "escalationResolvedBy";
  /** Long: the escalation record of the level that decided (its parents are the earlier levels). */
  public static final String ESCALATION_ID = "escalationId";

  // Inside the process
  /** String: the current level (DL, TL, EM, ARCHITECT). */
  public static final String LEVEL = "escalationLevel";
  /** String: the candidate group of the resolver task. */
  public static final String RESOLVER_GROUP = "escalationResolverGroup";
  /** String, ISO-8601 duration: the current level's SLA, e.g. PT8H. */
  public static final String LEVEL_SLA = "escalationLevelSla";
  /** Date: when the current level's SLA runs out — the task's due date and the timer's date. */
  public static final String DUE_DATE = "escalationDueDate";
  /** Boolean: the current level may cancel (TL, EM). */
  public static final String CANCEL_ALLOWED = "escalationCancelAllowed";
  /** Boolean: there is a level above the current one (false at EM). */
  public static final String HIGHER_LEVEL_EXISTS = "escalationHigherLevelExists";
  /** String: the levels so far, e.g. "DL → TL → EM", shown in the form. */
  public static final String PATH = "escalationPath";
  /** String: the levels' history as text, shown in the form ("what was tried"). */
  public static final String HISTORY = "escalationHistory";

  // Form fields of resolve-escalation (the form does not write the outputs directly: the listener validates first)
  /** String: resolved | reassign | escalate | replan | cancel. */
  public static final String RESOLUTION = "resolution";
  /** String: guidance for the IC, or the note for escalate/replan/cancel. */
  public static final String FORM_GUIDANCE = "guidance";
  /** String, optional: the IC to reassign to. */
  public static final String FORM_NEW_ASSIGNEE = "newAssignee";

  public static final Set<String> REASON_TYPES = Set.of("technical_uncertainty", "missing_dependency",
      "external_dependency", "scope_ambiguity", "no_eligible_ic", "sla_breach", "rework_limit", "other");

  /** currentLevel input of the DMN before the first level. */
  static final String NO_LEVEL_YET = "none";

  private EscalationVariables() {}
}
