package com.orchestration.handoff;

/**
 * Process variables of BPMN {@code handoff} (docs/handoff.md). The inputs keep the lifecycle's names
 * ({@code workItemId}, {@code instructionKey}, {@code taskKey}, {@code domain}, {@code tier}, {@code assignee},
 * {@code summary}, {@code handoffTargetDomains}, {@code handoffGroups}: constants in
 * {@link com.orchestration.lifecycle.LifecycleVariables}); these are the handoff's own.
 */
public final class HandoffVariables {

  public static final String PROCESS_KEY = "handoff";
  public static final String DECISION_KEY = "handoff-checklist";

  /** Long: the handoff record (out to the caller). */
  public static final String HANDOFF_ID = "handoffId";
  /** String {@code accepted}: out to the caller once the downstream lead accepted. */
  public static final String HANDOFF_OUTCOME = "handoffOutcome";

  /** String: the checklist as Markdown lines, shown in both forms. */
  public static final String CHECKLIST_TEXT = "handoffChecklistText";
  /** Json array of {label, value}: the options of the form's checklist component ({@code valuesKey}). */
  public static final String CHECKLIST_OPTIONS = "handoffChecklistOptions";

  /** Form prepare-handoff. */
  public static final String CHECKLIST_DONE = "checklistDone";
  public static final String ARTIFACTS = "artifacts";
  public static final String KNOWN_ISSUES = "knownIssues";
  public static final String CONTACT = "contact";

  /** Out of "Check handoff package". */
  public static final String PACKAGE_COMPLETE = "handoffPackageComplete";
  /** String: what is missing, one per line, or {@code none}. */
  public static final String MISSING = "handoffMissing";

  /** Form review-handoff. */
  public static final String DECISION = "handoffDecision";
  /** String: the downstream lead's questions, or {@code none}. */
  public static final String QUESTIONS = "handoffQuestions";
  /** String: the questions field of the review form (copied to {@link #QUESTIONS} when sent back). */
  public static final String QUESTIONS_INPUT = "reviewQuestions";

  public static final String NONE = "none";

  private HandoffVariables() {}
}
