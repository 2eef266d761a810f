package com.orchestration.intake;

import java.util.List;

/** The six risk categories of a strategic plan, each scored 1–10 (SPEC §4.4); their sum feeds DMN risk-decision. */
public final class RiskScores {

  /** Variable names (form keys) in the order they are stored. */
  public static final List<String> CATEGORIES = List.of(InstructionVariables.RISK_TECHNICAL_COMPLEXITY,
      InstructionVariables.RISK_SCOPE_AMBIGUITY, InstructionVariables.RISK_EXTERNAL_DEPENDENCIES,
      InstructionVariables.RISK_SECURITY_SENSITIVITY, InstructionVariables.RISK_PERFORMANCE_IMPACT,
      InstructionVariables.RISK_DATA_INTEGRITY);

  /** Names a person reads, same order. */
  public static final List<String> LABELS = List.of("technical complexity", "scope ambiguity",
      "external dependencies", "security sensitivity", "performance impact", "data integrity");

  private RiskScores() {}

  public static int sum(List<Integer> scores) {
    return scores.stream().mapToInt(Integer::intValue).sum();
  }
}
