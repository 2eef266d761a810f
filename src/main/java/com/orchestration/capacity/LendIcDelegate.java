package com.orchestration.capacity;

import static com.orchestration.capacity.RebalancingVariables.*;

import com.orchestration.lifecycle.LifecycleVariables;
import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.organization.Domain;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Lend IC": the IC the TL chose becomes a candidate of the overloaded domain until the loan ends (SPEC §8.5), after
 * the days the TL gave, or DMN {@code loan-length}'s when the form left them empty.
 */
@Component
class LendIcDelegate implements JavaDelegate {

  private final RebalancingService rebalancing;
  private final LoanLength loanLength;

  LendIcDelegate(RebalancingService rebalancing, LoanLength loanLength) {
    this.rebalancing = rebalancing;
    this.loanLength = loanLength;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Double days = ProcessValues.number(execution, LOAN_DAYS, "Loan length", 1, RebalancingService.MAX_LOAN_DAYS);
    rebalancing.lend(ProcessValues.id(execution, DOMAIN_REVIEW_ID), ProcessValues.text(execution, LEND_IC),
        days == null ? loanLength.days(Domain.require(LifecycleVariables.DOMAIN,
            ProcessValues.text(execution, LifecycleVariables.DOMAIN))) : days.intValue(), decidedBy(execution),
        ProcessValues.text(execution, DOMAIN_NOTE));
  }

  static String decidedBy(DelegateExecution execution) {
    String by = ProcessValues.text(execution, DOMAIN_DECIDED_BY);
    return by == null ? RebalancingService.SYSTEM : by;
  }
}
