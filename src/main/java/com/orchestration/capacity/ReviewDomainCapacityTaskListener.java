package com.orchestration.capacity;

import static com.orchestration.capacity.RebalancingVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.organization.OrganizationGroups;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Review domain capacity" completes: only the EM; the decision is recorded and announced to the leads. */
@Component
class ReviewDomainCapacityTaskListener implements TaskListener {

  private final RebalancingService rebalancing;

  ReviewDomainCapacityTaskListener(RebalancingService rebalancing) {
    this.rebalancing = rebalancing;
  }

  @Override
  public void notify(DelegateTask task) {
    String by = RebalanceTeamTaskListener.decider(task, EM_DECISION,
        List.of(OrganizationGroups.ENGINEERING_MANAGERS), "the engineering manager");
    String decision = ProcessValues.requiredText(task, EM_DECISION, "Your decision", 2000);
    rebalancing.recordEmDecision(ProcessValues.id(task, DOMAIN_REVIEW_ID), by, decision);
  }
}
