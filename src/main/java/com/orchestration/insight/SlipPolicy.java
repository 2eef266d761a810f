package com.orchestration.insight;

import com.orchestration.platform.FiredRule;
import com.orchestration.platform.PolicyDecisions;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * DMN {@code critical-path-slip} (SPEC §10.2): does a slip of the critical path call for the EM's scope review? The
 * threshold (20 %) and the tiers it applies to live in the table, so a process owner changes them in Modeler. The
 * ratio is rounded to 0.001 before it is asked, so {@link PolicyDecisions} answers repeated checks from its cache
 * (one evaluation costs ~0.5 ms, and every heartbeat checks).
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
    PolicyDecisions.Policy policy = policies.evaluate(DECISION, Map.of("slipRatio", ratio(slipRatio), "tier", tier));
    String ruleId = policy.firedRules().stream().map(FiredRule::ruleId).findFirst().orElse(null);
    return new Verdict(Boolean.TRUE.equals(policy.value("scopeReview")), String.valueOf(policy.value("reason")),
        ruleId);
  }

  static double ratio(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
