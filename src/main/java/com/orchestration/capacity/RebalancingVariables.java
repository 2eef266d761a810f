package com.orchestration.capacity;

/**
 * Process variables of BPMN {@code capacity-rebalancing} (docs/rebalancing.md). {@code domain} is the lifecycle's
 * name ({@link com.orchestration.lifecycle.LifecycleVariables#DOMAIN}); these are the rebalancing's own.
 */
final class RebalancingVariables {

  static final String PROCESS_KEY = "capacity-rebalancing";
  static final String BUSINESS_KEY_PREFIX = "rebalancing-";
  /** The message that starts one domain's rebalancing (the process's other start is the hourly timer). */
  static final String MESSAGE_REQUESTED = "rebalancing-requested";

  /** String: what started the instance — timer, assignment, completion, manual. */
  static final String TRIGGER = "rebalancingTrigger";

  // --- team (DL) ---------------------------------------------------------------------------------------------
  /** Long: the team proposal (rebalancing_proposal.id), set when an IC is above the cap. */
  static final String PROPOSAL_ID = "rebalancingProposalId";
  /** Boolean: some IC of the domain (or lent to it) is above the cap (DMN capacity-bands oversubscribedFrom). */
  static final String IC_OVER_CAP = "icOverCap";
  /** Boolean: orchestration.rebalancing.auto when the proposal was made. */
  static final String AUTO = "rebalancingAuto";
  /** String: the proposed moves, one per line ({@link RebalancingMove#LINE_FORMAT}). */
  static final String PROPOSED_MOVES = "proposedMoves";
  /** String (Markdown): the proposal as the form shows it — moves, what cannot move, workloads before/after. */
  static final String PROPOSAL_TEXT = "proposalText";
  /** Form rebalance-team: approve, edit, reject. */
  static final String TEAM_DECISION = "teamDecision";
  /** Form rebalance-team: the DL's moves (prefilled with the proposal), one per line. */
  static final String EDITED_MOVES = "editedMoves";
  /** Form rebalance-team: why the DL rejects (required then) or a note. */
  static final String TEAM_NOTE = "teamNote";
  /** Boolean: approved or edited — the moves run. */
  static final String MOVES_APPROVED = "movesApproved";
  /** String: who decided the moves (the DL, or system in auto mode). */
  static final String MOVES_DECIDED_BY = "movesDecidedBy";
  /** Integer: moves executed. */
  static final String MOVES_APPLIED = "movesApplied";

  // --- domain (TL, EM) ---------------------------------------------------------------------------------------
  /** Boolean: the domain's utilisation is above DMN capacity-bands noNewWorkFrom. */
  static final String DOMAIN_OVERLOADED = "domainOverloaded";
  /** Long: the domain review (rebalancing_proposal.id of kind domain). */
  static final String DOMAIN_REVIEW_ID = "domainReviewId";
  /** String (Markdown): utilisation of every domain, the options, for the TL and EM forms. */
  static final String DOMAIN_REVIEW_TEXT = "domainReviewText";
  /** Json [{label, value}]: ICs that can be lent (form select valuesKey). */
  static final String LEND_OPTIONS = "lendOptions";
  /** Json [{label, value}]: strategic tasks that can be deferred (form checklist valuesKey). */
  static final String DEFER_OPTIONS = "deferOptions";
  /** Form rebalance-domains: lend, defer, escalate, dismiss. */
  static final String DOMAIN_ACTION = "domainAction";
  /** Form rebalance-domains: the IC to lend. */
  static final String LEND_IC = "lendIc";
  /** Form rebalance-domains: for how many days (1–30). */
  static final String LOAN_DAYS = "loanDays";
  /** Form rebalance-domains: the strategic tasks to defer (Json array of INS-…/ST… keys, or one per line). */
  static final String DEFER_TASKS = "deferTasks";
  /** Form rebalance-domains: the TL's note (required to escalate or dismiss). */
  static final String DOMAIN_NOTE = "domainNote";
  /** Form review-domain-capacity: what the EM decided. */
  static final String EM_DECISION = "emDecision";

  // --- hourly run ----------------------------------------------------------------------------------------------
  /** Integer: loans past their end that the hourly run returned. */
  static final String LOANS_RETURNED = "loansReturned";
  /** Integer: domain rebalancings the hourly run started. */
  static final String REBALANCINGS_STARTED = "rebalancingsStarted";

  /** String: who decided the domain action (the TL or EM). */
  static final String DOMAIN_DECIDED_BY = "domainDecidedBy";

  static final String NONE = "none";

  private RebalancingVariables() {}

  static String businessKey(com.orchestration.organization.Domain domain) {
    return BUSINESS_KEY_PREFIX + domain.value();
  }
}
