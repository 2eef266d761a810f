package com.orchestration.capacity;

import com.orchestration.assignment.TaskAssignedEvent;
import com.orchestration.lifecycle.TaskClosedEvent;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.organization.Domain;
import com.orchestration.platform.AfterCommitBatch;
import com.orchestration.platform.AfterCommitExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts a rebalancing when an assignment or a completion crosses a threshold (SPEC §8.5). The events arrive inside
 * the transaction that assigned or closed the task; the domains they touch are collected per transaction and checked
 * once each, after the commit — so the check sees the committed workloads, a rolled-back assignment starts nothing,
 * and a plan that assigns 150 tasks in one transaction checks each domain once. A failure here is logged, never
 * thrown: the work that triggered it has committed, and the hourly run looks again.
 */
@Component
class RebalancingTrigger {

  private static final Logger log = LoggerFactory.getLogger(RebalancingTrigger.class);

  private final RebalancingStarter starter;
  private final AfterCommitBatch<Domain, String> afterCommit;

  RebalancingTrigger(RebalancingStarter starter, AfterCommitExecutor executor) {
    this.starter = starter;
    this.afterCommit = new AfterCommitBatch<>(this::check, executor);
  }

  @EventListener
  void taskAssigned(TaskAssignedEvent event) {
    afterCommit.add(event.item().domain(), "assignment");
  }

  @EventListener
  void taskClosed(TaskClosedEvent event) {
    if (event.item().kind() == TaskKind.TACTICAL) {
      afterCommit.add(event.item().domain(), "completion");
    }
  }

  private void check(Domain domain, String trigger) {
    try {
      RebalancingStarter.StartResult result = starter.startAfterEvent(domain, trigger);
      if (result.started()) {
        log.info("Rebalancing of {} started after {}: {}", domain.value(), trigger, result.processInstanceId());
      }
    } catch (RuntimeException e) {
      log.warn("Rebalancing check of {} after {} failed; the hourly run will look again", domain.value(), trigger, e);
    }
  }
}
