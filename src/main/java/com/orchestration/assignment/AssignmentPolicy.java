package com.orchestration.assignment;

import com.orchestration.platform.FiredRule;
import com.orchestration.platform.PolicyDecisions;
import java.util.List;

/**
 * The policy DMN {@code assignment-scoring} returns for one (priority, complexity, level): the complexity fit, the
 * five weights of the weighted-sum score and the eligibility thresholds. Java applies it to every candidate of that
 * level with plain arithmetic; the numbers are the process owner's.
 *
 * @param definitionId the deployed decision version that answered
 */
public record AssignmentPolicy(
    double complexityFit,
    double weightSkill,
    double weightWorkload,
    double weightComplexityFit,
    double weightLearning,
    double weightPerformance,
    double minSkillMatch,
    double maxWorkload,
    double cautionFrom,
    double cautionMinSkillMatch,
    String definitionId,
    List<FiredRule> firedRules) {

  public AssignmentPolicy {
    firedRules = firedRules == null ? List.of() : List.copyOf(firedRules);
  }

  static AssignmentPolicy from(PolicyDecisions.Policy policy) {
    return new AssignmentPolicy(
        policy.number("complexityFit"),
        policy.number("weightSkill"),
        policy.number("weightWorkload"),
        policy.number("weightComplexityFit"),
        policy.number("weightLearning"),
        policy.number("weightPerformance"),
        policy.number("minSkillMatch"),
        policy.number("maxWorkload"),
        policy.number("cautionFrom"),
        policy.number("cautionMinSkillMatch"),
        policy.definitionId(),
        policy.firedRules());
  }

  /** The weighted sum of SPEC §8.1; only the weights come from the DMN, the shape of the formula is fixed. */
  double score(double skillMatch, double workload, double learningOpportunity, double recentPerformance) {
    return weightSkill * skillMatch
        + weightWorkload * (1 - workload)
        + weightComplexityFit * complexityFit
        + weightLearning * learningOpportunity
        + weightPerformance * recentPerformance;
  }
}
