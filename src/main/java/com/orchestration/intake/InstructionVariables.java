package com.orchestration.intake;

/**
 * Variable names of the {@code instruction} and {@code strategic-task} processes, shared by the BPMN, the forms
 * (field keys) and Java. Catalogue with types: docs/processes.md.
 */
public final class InstructionVariables {

  public static final String PROCESS_KEY = "instruction";
  public static final String STRATEGIC_PROCESS_KEY = "strategic-task";

  /** Message: a task of this instruction (or strategic task) closed; the waiting loop checks again. */
  public static final String MESSAGE_TACTICAL_TASK_CLOSED = "tactical-task-closed";
  /** Message: a strategic task completed; strategic tasks that depend on it check again. */
  public static final String MESSAGE_STRATEGIC_TASK_COMPLETED = "strategic-task-completed";
  /** Message: capacity was released somewhere; a queued instruction checks admission again. */
  public static final String MESSAGE_CAPACITY_FREED = "capacity-freed";
  /** Message: cancel the instruction (TL or EM, with a reason). */
  public static final String MESSAGE_CANCEL_INSTRUCTION = "cancel-instruction";

  // intake (start form / POST /api/instructions)
  public static final String TITLE = "title";
  public static final String DESCRIPTION = "description";
  public static final String WORK_TYPE = "workType";
  public static final String AFFECTED_DOMAINS = "affectedDomains";
  public static final String SCOPE_FLAGS = "scopeFlags";
  public static final String PRIORITY = "priority";
  public static final String DEADLINE = "deadline";
  public static final String CUSTOMER_COMMITMENT = "customerCommitment";
  public static final String ESTIMATE_HOURS = "estimateHours";

  /** String INS-YYYYMMDD-NNN, also the business key. */
  public static final String INSTRUCTION_KEY = "instructionKey";
  /** Integer 0..4, after a TL override. */
  public static final String TIER = "tier";
  public static final String TIER_REASON = "tierReason";
  /** Boolean: the TL changed the tier in a planning form; the flow re-routes by the new tier. */
  public static final String TIER_CHANGED = "tierChanged";
  public static final String TIER_OVERRIDE = "tierOverride";
  public static final String TIER_OVERRIDE_REASON = "tierOverrideReason";

  // admission and arbitration
  /** String admit | arbitrate | queue. */
  public static final String ADMISSION = "admission";
  public static final String ADMISSION_REASON = "admissionReason";
  public static final String ARBITRATION_REASON = "arbitrationReason";
  public static final String COMPETING_INSTRUCTION_KEY = "competingInstructionKey";
  /** String start | wait (EM). */
  public static final String PRIORITY_DECISION = "priorityDecision";
  public static final String PRIORITY_RATIONALE = "priorityRationale";

  // tier 0
  public static final String ANSWER = "answer";

  // planning
  public static final String TACTICAL_TASKS = "tacticalTasks";
  public static final String STRATEGIC_TASKS = "strategicTasks";
  /** JSON (string) of a plan submitted through the API instead of the textarea. */
  public static final String TACTICAL_TASKS_JSON = "tacticalTasksJson";
  public static final String STRATEGIC_TASKS_JSON = "strategicTasksJson";
  public static final String OBJECTIVE = "objective";
  public static final String PLAN_FEEDBACK = "planFeedback";
  public static final String PLAN_SUMMARY = "planSummary";
  public static final String CORE_ARCHITECTURE = "coreArchitecture";
  public static final String RISK_TECHNICAL_COMPLEXITY = "riskTechnicalComplexity";
  public static final String RISK_SCOPE_AMBIGUITY = "riskScopeAmbiguity";
  public static final String RISK_EXTERNAL_DEPENDENCIES = "riskExternalDependencies";
  public static final String RISK_SECURITY_SENSITIVITY = "riskSecuritySensitivity";
  public static final String RISK_PERFORMANCE_IMPACT = "riskPerformanceImpact";
  public static final String RISK_DATA_INTEGRITY = "riskDataIntegrity";

  // plan architecture review (gate 4) and risk review
  public static final String PLAN_ARCHITECTURE_REQUIRED = "planArchitectureRequired";
  public static final String ARCHITECTURE_SUBJECT = "architectureSubject";
  public static final String ARCHITECTURE_CONTEXT = "architectureContext";
  public static final String ARCHITECTURE_REASON = "architectureReason";
  public static final String ARCHITECTURE_OUTCOME = "architectureOutcome";
  public static final String ARCHITECTURE_FINDINGS = "architectureFindings";
  public static final String RISK_SUM = "riskSum";
  public static final String RISK_OUTCOME = "riskOutcome";
  public static final String RISK_REASON = "riskReason";
  public static final String EM_TASK_REQUIRED = "emTaskRequired";
  /** String approve | conditions | changes | reject (EM). */
  public static final String RISK_DECISION = "riskDecision";
  public static final String CHECKPOINTS = "checkpoints";
  public static final String RISK_CONDITIONS = "riskConditions";
  public static final String RISK_NOTES = "riskNotes";

  // strategic tasks
  /** List of ST keys, the multi-instance collection. */
  public static final String STRATEGIC_TASK_KEYS = "strategicTaskKeys";
  public static final String STRATEGIC_TASK_KEY = "strategicTaskKey";
  public static final String WORK_ITEM_ID = "workItemId";
  public static final String DOMAIN = "domain";
  public static final String DOMAIN_LEAD_GROUP = "domainLeadGroup";
  public static final String ST_TITLE = "stTitle";
  public static final String ST_DESCRIPTION = "stDescription";
  public static final String ST_ACCEPTANCE_CRITERIA = "stAcceptanceCriteria";
  public static final String EXISTING_TASK_KEYS_TEXT = "existingTaskKeysText";
  /**
   * String, task-local on "Break down strategic task": the domain's and its ICs' estimate factors as a suggested
   * estimate (SPEC §11), set by insight's {@code estimateGuidanceTaskListener}; shown read-only in the form.
   */
  public static final String ESTIMATE_GUIDANCE = "estimateGuidance";
  public static final String CHECKPOINT = "checkpoint";
  public static final String STRATEGIC_DEPENDENCIES_COMPLETE = "strategicDependenciesComplete";
  public static final String BREAKDOWN_SUMMARY = "breakdownSummary";
  public static final String BREAKDOWN_WARNINGS = "breakdownWarnings";
  /** String approve | changes | rebalance (TL). */
  public static final String BREAKDOWN_DECISION = "breakdownDecision";
  public static final String BREAKDOWN_NOTES = "breakdownNotes";
  public static final String REBALANCE_MOVES = "rebalanceMoves";
  public static final String CROSS_FUNCTIONAL_REQUIRED = "crossFunctionalRequired";
  public static final String ARCHITECTURE_REVIEW_REQUIRED = "architectureReviewRequired";
  public static final String CROSS_FUNCTIONAL_OUTCOME = "crossFunctionalOutcome";
  public static final String CROSS_FUNCTIONAL_FINDINGS = "crossFunctionalFindings";
  public static final String SECURITY_SENSITIVE = "securitySensitive";
  public static final String TASK_KEY = "taskKey";
  public static final String CHECKPOINT_SUMMARY = "checkpointSummary";
  /** String continue | changes (EM). */
  public static final String CHECKPOINT_DECISION = "checkpointDecision";
  public static final String CHECKPOINT_NOTES = "checkpointNotes";

  // waiting for tasks, closing
  public static final String ALL_TASKS_CLOSED = "allTasksClosed";
  /** String complete | validate | go-no-go: what follows when the tasks are done. */
  public static final String CLOSING_STEP = "closingStep";
  public static final String INSTRUCTION_GATE_PASSED = "instructionGatePassed";
  public static final String GO_NO_GO_CONTEXT = "goNoGoContext";
  public static final String SECURITY_REVIEW = "securityReview";
  public static final String GO_NO_GO_NOTES = "goNoGoNotes";
  public static final String REEVALUATION_DATE = "reevaluationDate";
  /** String GO | GO_WITH_CAVEATS | NO_GO. */
  public static final String GO_NO_GO_DECISION = "goNoGoDecision";
  public static final String GO_NO_GO_REASON = "goNoGoReason";
  public static final String REMEDIATION_TASKS = "remediationTasks";
  public static final String REMEDIATION_REASON = "remediationReason";

  // cancellation
  public static final String CANCELLED_BY = "cancelledBy";
  public static final String CANCEL_REASON = "cancelReason";

  private InstructionVariables() {}
}
