package com.orchestration.review;

/**
 * Process variables of BPMN {@code gate-cross-functional} (SPEC §7 gate 3), declared once; the forms
 * {@code validate-qa} / {@code validate-security}, the DMN {@code qa-acceptance} and Java use these names. Inputs
 * besides these: {@code workItemId}, {@code instructionKey}, {@code taskKey}, {@code domain}, {@code tier},
 * {@code summary} (names in {@code LifecycleVariables}).
 */
public final class CrossFunctionalVariables {

  public static final String PROCESS_KEY = "gate-cross-functional";

  /** In, Boolean: the task is security-sensitive, so security validates too. */
  public static final String SECURITY_SENSITIVE = "securitySensitive";

  /** Form validate-qa. */
  public static final String QA_COVERAGE = "qaCoverage";
  public static final String SECURITY_CRITICAL = "securityCritical";
  public static final String QA_OUTCOME = "qaOutcome";
  public static final String QA_FINDINGS = "qaFindings";
  /** Set when "Validate quality" opens: the minimums of DMN qa-acceptance for this tier, as the form shows them. */
  public static final String QA_MIN_COVERAGE_TEXT = "qaMinCoverageText";

  /** Form validate-security. */
  public static final String SECURITY_OUTCOME = "securityOutcome";
  public static final String SECURITY_FINDINGS = "securityFindings";

  /** Out: {@code pass}, {@code fixable} or {@code blocked}, and every finding, prefixed by who found it. */
  public static final String CROSS_FUNCTIONAL_OUTCOME = "crossFunctionalOutcome";
  public static final String CROSS_FUNCTIONAL_FINDINGS = "crossFunctionalFindings";

  public static final String QA_ACCEPTANCE_DECISION = "qa-acceptance";

  private CrossFunctionalVariables() {}
}
