package com.orchestration.capacity;

import static com.orchestration.capacity.RebalancingVariables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orchestration.lifecycle.LifecycleVariables;
import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.organization.Domain;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * "Assess domain load": the domain's utilisation against DMN capacity-bands {@code noNewWorkFrom}; when above, a
 * domain review with the TL's options — ICs to lend and strategic tasks to defer — as Json for the form's select and
 * checklist, and as Markdown to read; the loan length the form suggests is DMN {@code loan-length}'s.
 */
@Component
class AssessDomainLoadDelegate implements JavaDelegate {

  private final RebalancingService rebalancing;
  private final LoanLength loanLength;
  private final ObjectMapper json;

  AssessDomainLoadDelegate(RebalancingService rebalancing, LoanLength loanLength, ObjectMapper json) {
    this.rebalancing = rebalancing;
    this.loanLength = loanLength;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Domain domain = Domain.require(LifecycleVariables.DOMAIN, ProcessValues.text(execution, LifecycleVariables.DOMAIN));
    String trigger = ProcessValues.text(execution, TRIGGER);
    RebalancingService.DomainReview review = rebalancing.assessDomain(domain, trigger == null ? "manual" : trigger,
        execution.getProcessInstanceId());
    execution.setVariable(DOMAIN_OVERLOADED, review.overloaded());
    if (!review.overloaded()) {
      return;
    }
    execution.setVariable(DOMAIN_REVIEW_ID, review.reviewId());
    execution.setVariable(DOMAIN_REVIEW_TEXT, review.text());
    try {
      execution.setVariable(LEND_OPTIONS, SpinValues.jsonValue(json.writeValueAsString(review.lendOptions())).create());
      execution.setVariable(DEFER_OPTIONS,
          SpinValues.jsonValue(json.writeValueAsString(review.deferOptions())).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Domain review options cannot be written as JSON", e);
    }
    execution.setVariable(LOAN_DAYS, loanLength.days(domain));
  }
}
