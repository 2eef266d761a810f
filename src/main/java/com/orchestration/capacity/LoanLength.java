package com.orchestration.capacity;

import com.orchestration.organization.Domain;
import com.orchestration.platform.PolicyDecisions;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How long an IC lent to an overloaded domain stays there unless the TL says otherwise (SPEC §8.5): DMN
 * {@code loan-length}, which a process owner changes in Modeler.
 */
@Component
class LoanLength {

  static final String DECISION = "loan-length";

  private final PolicyDecisions policies;

  LoanLength(PolicyDecisions policies) {
    this.policies = policies;
  }

  /** Whole days, 1 to {@link RebalancingService#MAX_LOAN_DAYS}, for a loan to {@code borrowingDomain}. */
  int days(Domain borrowingDomain) {
    PolicyDecisions.Policy policy = policies.evaluate(DECISION, Map.of("domain", borrowingDomain.value()));
    double days = policy.number("loanDays");
    if (days < 1 || days > RebalancingService.MAX_LOAN_DAYS || days != Math.rint(days)) {
      throw new IllegalStateException("Decision '" + DECISION + "' (" + policy.definitionId() + ") must return whole "
          + "loan days from 1 to " + RebalancingService.MAX_LOAN_DAYS + " for domain '" + borrowingDomain.value()
          + "', returned " + days);
    }
    return (int) days;
  }
}
