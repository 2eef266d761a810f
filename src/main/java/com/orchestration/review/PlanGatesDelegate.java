package com.orchestration.review;

import static com.orchestration.lifecycle.LifecycleVariables.*;

import com.orchestration.lifecycle.LifecycleService;
import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.organization.Domain;
import com.orchestration.organization.OrganizationGroups;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Plan quality gates": asks the DMN which gates this task passes and who reviews it, and reads the rework limit and
 * the domain checklist.
 */
@Component
class PlanGatesDelegate implements JavaDelegate {

  private final GatePlan gatePlan;
  private final WorkItemService workItems;

  PlanGatesDelegate(GatePlan gatePlan, WorkItemService workItems) {
    this.gatePlan = gatePlan;
    this.workItems = workItems;
  }

  @Override
  public void execute(DelegateExecution execution) {
    WorkItem item = workItems.get(ProcessValues.id(execution, WORK_ITEM_ID));
    int tier = ((Number) execution.getVariable(TIER)).intValue();
    Set<String> gates = gatePlan.forTask(tier, item.securitySensitive(), item.architectural());
    execution.setVariable("securitySensitive", item.securitySensitive());
    execution.setVariable(PEER_REVIEW_REQUIRED, gates.contains(GatePlan.PEER_REVIEW));
    execution.setVariable(DOMAIN_APPROVAL_REQUIRED, gates.contains(GatePlan.DOMAIN_APPROVAL));
    execution.setVariable(CROSS_FUNCTIONAL_REQUIRED, gates.contains(GatePlan.CROSS_FUNCTIONAL));
    execution.setVariable(PEER_REVIEWER_GROUP, OrganizationGroups.team(item.domain()));
    execution.setVariable(DOMAIN_LEAD_GROUP, OrganizationGroups.leads(item.domain()));
    GatePlan.ReworkLimit limit = gatePlan.reworkLimit();
    execution.setVariable(MAX_REWORK_LOOPS, limit.maxLoops());
    execution.setVariable("reworkEscalationLevel", limit.escalationLevel());
    execution.setVariable(DOMAIN_CHECKLIST_TEXT, gatePlan.domainChecklist(item.domain().value()).stream()
        .map(line -> "☐ " + line).collect(Collectors.joining("\n")));
    // Cross-domain for the escalation ladder: a dependency on, or a dependant in, another domain.
    execution.setVariable(ESCALATION_CROSS_DOMAIN,
        java.util.stream.Stream.concat(workItems.dependencies(item.id()).stream(), workItems.dependants(item.id()).stream())
            .anyMatch(w -> w.domain() != item.domain()));
    execution.setVariable(ESCALATION_ARCHITECTURAL, item.architectural());
    execution.setVariable(ESCALATION_CRITICAL_PATH_AT_RISK, false);
  }
}
