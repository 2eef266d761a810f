package com.orchestration.review;

import com.orchestration.platform.PolicyDecisions;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The minimum coverage of DMN {@code qa-acceptance} (SPEC §7). */
@Component
class QaAcceptance {

  private final PolicyDecisions policies;

  QaAcceptance(PolicyDecisions policies) {
    this.policies = policies;
  }

  int minCoverage(int tier, boolean securityCritical) {
    return (int) policies.evaluate(CrossFunctionalVariables.QA_ACCEPTANCE_DECISION,
        Map.of("tier", tier, "securityCritical", securityCritical)).number("minCoverage");
  }
}
