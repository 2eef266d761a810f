package com.orchestration.capacity;

import static com.orchestration.capacity.RebalancingVariables.*;

import com.orchestration.lifecycle.LifecycleVariables;
import com.orchestration.organization.Domain;
import com.orchestration.platform.AsSystem;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts {@code capacity-rebalancing} for a domain without storms (SPEC §8.5): at most one open instance per domain
 * (business key {@code rebalancing-<domain>}), checked under a lock on the domain's {@code rebalancing_domain} row so
 * two triggers at the same moment — on one node or several — start one instance, not two.
 */
@Component
public class RebalancingStarter {

  /** What a start attempt did. {@code processInstanceId} is the new instance, or the open one that stopped it. */
  public record StartResult(Domain domain, boolean started, String processInstanceId, String message) {}

  private final RebalancingService rebalancing;
  private final RebalancingRepository repository;
  private final RebalancingProperties properties;
  private final RuntimeService runtime;
  private final AsSystem asSystem;
  private final TransactionTemplate newTransaction;

  RebalancingStarter(RebalancingService rebalancing, RebalancingRepository repository,
      RebalancingProperties properties, RuntimeService runtime, AsSystem asSystem,
      PlatformTransactionManager transactions) {
    this.rebalancing = rebalancing;
    this.repository = repository;
    this.properties = properties;
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * After an assignment or a completion committed: starts when a threshold is crossed, no rebalancing of the domain
   * is open and the domain's last proposal was not rejected within the cooldown. Own transaction.
   */
  StartResult startAfterEvent(Domain domain, String trigger) {
    return newTransaction.execute(status -> {
      // Checked before taking the lock: most commits cross no threshold and should not queue on the domain's row.
      if (!rebalancing.needsRebalancing(domain)) {
        return new StartResult(domain, false, null, domain.value() + " needs no rebalancing");
      }
      return start(domain, trigger, true, true);
    });
  }

  /** The hourly run: starts where a threshold is crossed and nothing is open. In the caller's transaction. */
  StartResult startIfNeeded(Domain domain, String trigger) {
    return start(domain, trigger, false, false);
  }

  /** Someone asked for a run now: starts unless one is open, whatever the thresholds. Own transaction. */
  StartResult startNow(Domain domain) {
    return newTransaction.execute(status -> start(domain, "manual", false, true));
  }

  /**
   * Someone decided that a domain needs a run now, inside a process step (e.g. the EM's scope review adds capacity,
   * SPEC §10.2): like {@link #startNow} — whatever the thresholds, unless one is open — but in the caller's
   * transaction, so the start commits or rolls back with the decision.
   */
  public StartResult startManually(Domain domain) {
    return start(domain, "manual", false, true);
  }

  private StartResult start(Domain domain, String trigger, boolean respectCooldown, boolean always) {
    repository.lockDomain(domain);
    Optional<ProcessInstance> open = openInstance(domain);
    if (open.isPresent()) {
      return new StartResult(domain, false, open.get().getId(), "a rebalancing of " + domain.value()
          + " is already open (" + open.get().getId() + ")");
    }
    if (respectCooldown && rebalancing.recentlyRejected(domain, properties.rejectionCooldown())) {
      return new StartResult(domain, false, null, "the last rebalancing of " + domain.value() + " was rejected less "
          + "than " + properties.rejectionCooldown().toMinutes() + " minutes ago; the hourly run will look again");
    }
    if (!always && !rebalancing.needsRebalancing(domain)) {
      return new StartResult(domain, false, null, domain.value() + " needs no rebalancing");
    }
    ProcessInstance instance = asSystem.call(() -> runtime.startProcessInstanceByMessage(MESSAGE_REQUESTED,
        businessKey(domain), Map.of(LifecycleVariables.DOMAIN, domain.value(), TRIGGER, trigger)));
    return new StartResult(domain, true, instance.getId(), "started");
  }

  Optional<ProcessInstance> openInstance(Domain domain) {
    return asSystem.call(() -> runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(businessKey(domain)).list().stream().findFirst());
  }
}
