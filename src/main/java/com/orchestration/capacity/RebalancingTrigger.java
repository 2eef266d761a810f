package com.orchestration.capacity;

import com.orchestration.assignment.TaskAssignedEvent;
import com.orchestration.lifecycle.TaskClosedEvent;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.organization.Domain;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

  RebalancingTrigger(RebalancingStarter starter) {
    this.starter = starter;
  }

  @EventListener
  void taskAssigned(TaskAssignedEvent event) {
    schedule(event.item().domain(), "assignment");
  }

  @EventListener
  void taskClosed(TaskClosedEvent event) {
    if (event.item().kind() == TaskKind.TACTICAL) {
      schedule(event.item().domain(), "completion");
    }
  }

  private void schedule(Domain domain, String trigger) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      check(domain, trigger);
      return;
    }
    @SuppressWarnings("unchecked")
    Map<Domain, String> pending = (Map<Domain, String>) TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      Map<Domain, String> bound = new LinkedHashMap<>();
      TransactionSynchronizationManager.bindResource(this, bound);
      TransactionSynchronizationManager.registerSynchronization(new AfterCommit(bound));
      pending = bound;
    }
    pending.putIfAbsent(domain, trigger);
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

  private final class AfterCommit implements TransactionSynchronization {

    private final Map<Domain, String> pending;

    AfterCommit(Map<Domain, String> pending) {
      this.pending = pending;
    }

    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResourceIfPossible(RebalancingTrigger.this);
    }

    @Override
    public void resume() {
      TransactionSynchronizationManager.bindResource(RebalancingTrigger.this, pending);
    }

    @Override
    public void afterCommit() {
      // Unbind first: the checks run in transactions of their own, whose events start a fresh collection.
      TransactionSynchronizationManager.unbindResourceIfPossible(RebalancingTrigger.this);
      Map<Domain, String> domains = new LinkedHashMap<>(pending);
      domains.forEach(RebalancingTrigger.this::check);
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(RebalancingTrigger.this);
    }
  }
}
