package com.orchestration.insight;

import com.orchestration.platform.FiredRule;
import com.orchestration.platform.PolicyDecisions;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * DMN {@code critical-path-slip} (SPEC §10.2): does a slip of the critical path call for the EM's scope review? The
 * threshold (20 %) and the tiers it applies to live in the table, so a process owner changes them in Modeler. The
 * ratio is continuous, so the table is evaluated every time, never from {@link PolicyDecisions}' cache (which is for
 * inputs with few distinct values).
 */
@Component
class SlipPolicy {

  static final String DECISION = "critical-path-slip";

  /**
   * @param ruleId the rule that decided ({@code rule_<reason>})
   * @param reason its output {@code reason}, for the slip record and the announcement
   */
  record Verdict(boolean scopeReview, String reason, String ruleId) {}

  private final PolicyDecisions policies;

  SlipPolicy(PolicyDecisions policies) {
    this.policies = policies;
  }

  Verdict evaluate(double slipRatio, int tier) {
    PolicyDecisions.Policy policy = policies.evaluateUncached(DECISION,
        Map.of("slipRatio", ratio(slipRatio), "tier", tier));
    String ruleId = policy.firedRules().stream().map(FiredRule::ruleId).findFirst().orElse(null);
    return new Verdict(Boolean.TRUE.equals(policy.value("scopeReview")), String.valueOf(policy.value("reason")),
        ruleId);
  }

  /** A ratio as the API shows it and the table is asked: to 0.001. */
  static double ratio(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
