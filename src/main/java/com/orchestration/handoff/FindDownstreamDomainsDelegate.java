package com.orchestration.handoff;

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
 * "Find cross-domain dependants", after the last review: a task of another domain that depends on this one makes it
 * go through READY_FOR_HANDOFF, accepted by that domain's lead (SPEC §9.3). Looked up at this point, not at the
 * start, because a plan can gain tasks while this one is being worked.
 */
@Component
class FindDownstreamDomainsDelegate implements JavaDelegate {

  private final WorkItemService workItems;
  private final LifecycleService lifecycle;

  FindDownstreamDomainsDelegate(WorkItemService workItems, LifecycleService lifecycle) {
    this.workItems = workItems;
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    WorkItem item = workItems.get(ProcessValues.id(execution, WORK_ITEM_ID));
    Set<Domain> downstream = new TreeSet<>();
    lifecycle.dependants(item).stream().filter(w -> w.state().isOpen()).map(WorkItem::domain)
        .filter(d -> d != item.domain()).forEach(downstream::add);
    execution.setVariable(HANDOFF_REQUIRED, !downstream.isEmpty());
    execution.setVariable(HANDOFF_GROUPS, downstream.stream().map(OrganizationGroups::leads)
        .collect(Collectors.joining(",")));
    execution.setVariable(HANDOFF_TARGET_DOMAINS, downstream.stream().map(Domain::value)
        .collect(Collectors.joining(", ")));
  }
}
