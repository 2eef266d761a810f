package com.orchestration.insight;

import java.util.List;

/**
 * Process variables of BPMN {@code scope-review} (docs/critical-path.md, docs/processes.md). Each name is declared
 * once here; the form {@code review-scope}, the BPMN expressions and Java use the same names. The delegation context
 * (SPEC §9.1) uses the lifecycle's names, so every form reads alike.
 */
final class ScopeReviewVariables {

  static final String PROCESS_KEY = "scope-review";
  /** Correlated when the instruction is cancelled or completed while the review waits: the review ends. */
  static final String MESSAGE_INSTRUCTION_ENDED = "instruction-ended";

  /** Long: critical_path_slip.id. */
  static final String SLIP_ID = "slipId";
  /** Integer: the slip's number within its instruction (1, 2, …). */
  static final String SLIP_NUMBER = "slipNumber";
  /** String: the instruction key, also the business key. */
  static final String INSTRUCTION_KEY = "instructionKey";
  static final String INSTRUCTION_TITLE = "instructionTitle";
  /** String (Markdown): original vs baseline vs projected hours, the slip, the rule, projected completion. */
  static final String SLIP_SUMMARY = "slipSummary";
  /** String (Markdown): the critical path, one table row per task. */
  static final String CRITICAL_PATH_TEXT = "criticalPathText";
  /** String: the open tactical tasks that reduce-scope may cancel, comma-separated. */
  static final String OPEN_TASKS_TEXT = "openTasksText";

  /** Delegation context (SPEC §9.1), the lifecycle's names. */
  static final String WHY_IT_MATTERS = "whyItMatters";
  static final String ACCEPTANCE_CRITERIA = "acceptanceCriteria";
  static final String ESTIMATE_HOURS = "estimateHours";
  static final String DEADLINE_TEXT = "deadlineText";
  static final String DEPENDENCIES_TEXT = "dependenciesText";
  static final String ESCALATION_PATH = "escalationPath";

  /** Form review-scope: accept, reduce-scope, add-capacity. */
  static final String SCOPE_DECISION = "scopeDecision";
  static final String ACCEPT = "accept";
  static final String REDUCE_SCOPE = "reduce-scope";
  static final String ADD_CAPACITY = "add-capacity";
  static final List<String> DECISIONS = List.of(ACCEPT, REDUCE_SCOPE, ADD_CAPACITY);
  /** Form review-scope: open tactical task keys to cancel, one per line (reduce-scope only). */
  static final String TASKS_TO_CANCEL = "tasksToCancel";
  /** Form review-scope: why (required; it becomes the cancellation reason of every cancelled task). */
  static final String SCOPE_DECISION_REASON = "scopeDecisionReason";
  /** String: the EM who decided (the complete listener, from the authenticated user). */
  static final String SCOPE_DECIDED_BY = "scopeDecidedBy";
  /** String: what the decision did (new baseline, tasks cancelled, rebalancings started), for Cockpit. */
  static final String SCOPE_OUTCOME = "scopeOutcome";
  /** String: why the review ended without a decision (the instruction was cancelled or completed). */
  static final String INSTRUCTION_ENDED_REASON = "instructionEndedReason";

  private ScopeReviewVariables() {}
}
