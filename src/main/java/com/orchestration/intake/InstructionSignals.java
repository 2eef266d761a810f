package com.orchestration.intake;

import static com.orchestration.intake.InstructionVariables.*;

import com.orchestration.lifecycle.TaskClosedEvent;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.platform.AsSystem;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wakes the processes that wait for tasks: when a task closes, the strategic task (or the instruction) it belongs
 * to checks again whether all its tasks are done, strategic tasks depending on a completed one check their
 * dependencies, and queued instructions check admission (capacity was released, the EM decided, SPEC §4.3), in the
 * order the queue releases them ({@link AdmissionService#queue()}), so the one that goes first checks first.
 *
 * <p>The messages are sent <em>after</em> the closing transaction commits, each in a new transaction, collected
 * once per transaction: a parent process is not locked by its children's completions (two ICs finishing tasks of
 * one strategic task at once do not conflict), and a cancellation of 150 tasks sends one round, not 150. A wake-up
 * that finds nobody waiting (the process is just checking) is dropped; every waiting loop also re-checks hourly.
 */
@Component
class InstructionSignals {

  private static final Logger log = LoggerFactory.getLogger(InstructionSignals.class);
  private static final int ATTEMPTS = 3;

  private final WorkItemService workItems;
  private final InstructionRepository repository;
  private final AdmissionService admission;
  private final RuntimeService runtime;
  private final AsSystem asSystem;
  private final TransactionTemplate newTransaction;

  InstructionSignals(WorkItemService workItems, InstructionRepository repository, AdmissionService admission,
      RuntimeService runtime, AsSystem asSystem, PlatformTransactionManager transactions) {
    this.workItems = workItems;
    this.repository = repository;
    this.admission = admission;
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @EventListener
  void taskClosed(TaskClosedEvent event) {
    Pending pending = pending();
    WorkItem item = event.item();
    pending.capacityFreed = true;
    if (item.kind() == TaskKind.TACTICAL) {
      if (item.parentTaskKey() != null) {
        pending.strategic.add(new StKey(item.instructionKey(), item.parentTaskKey()));
      }
      pending.instructions.add(item.instructionKey());
    } else if (item.state() == TaskState.COMPLETED) {
      for (WorkItem dependant : workItems.dependants(item.id())) {
        pending.dependants.add(dependant.processInstanceId());
      }
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      flush(pending);
    }
  }

  /** An admitted instruction left planning: its estimate no longer counts, queued instructions check again. */
  @EventListener
  void pipelineReleased(InstructionService.PipelineReleased event) {
    wakeTheQueue();
  }

  /** The EM decided, or a queued instruction waits behind one that may go now: the queue checks again. */
  @EventListener
  void queueChanged(AdmissionService.QueueChanged event) {
    wakeTheQueue();
  }

  private void wakeTheQueue() {
    Pending pending = pending();
    pending.capacityFreed = true;
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      flush(pending);
    }
  }

  /** A strategic task completed inside a process: its dependants check their dependencies after commit. */
  void strategicTaskCompleted(WorkItem st) {
    Pending pending = pending();
    for (WorkItem dependant : workItems.dependants(st.id())) {
      pending.dependants.add(dependant.processInstanceId());
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      flush(pending);
    }
  }

  private Pending pending() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return new Pending();
    }
    Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      Pending created = new Pending();
      TransactionSynchronizationManager.bindResource(this, created);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(InstructionSignals.this);
          if (status == STATUS_COMMITTED) {
            InstructionSignals.this.flush(created);
          }
        }
      });
      pending = created;
    }
    return pending;
  }

  private void flush(Pending pending) {
    // Read who is to be woken in a fresh transaction: the closing one has committed and must not be joined.
    java.util.List<String[]> wakeUps = newTransaction.execute(status -> {
      java.util.List<String[]> out = new java.util.ArrayList<>();
      for (StKey st : pending.strategic) {
        workItems.ofInstruction(st.instructionKey()).stream()
            .filter(w -> w.taskKey().equals(st.taskKey()) && w.processInstanceId() != null)
            .findFirst()
            .ifPresent(w -> out.add(new String[] {MESSAGE_TACTICAL_TASK_CLOSED, w.processInstanceId()}));
      }
      for (String key : pending.instructions) {
        repository.find(key).filter(i -> i.processInstanceId() != null && !i.state().isTerminal())
            .ifPresent(i -> out.add(new String[] {MESSAGE_TACTICAL_TASK_CLOSED, i.processInstanceId()}));
      }
      for (String processInstanceId : pending.dependants) {
        if (processInstanceId != null) {
          out.add(new String[] {MESSAGE_STRATEGIC_TASK_COMPLETED, processInstanceId});
        }
      }
      if (pending.capacityFreed) {
        for (Instruction queued : admission.queue()) {
          if (queued.processInstanceId() != null) {
            out.add(new String[] {MESSAGE_CAPACITY_FREED, queued.processInstanceId()});
          }
        }
      }
      return out;
    });
    for (String[] wakeUp : wakeUps) {
      correlate(wakeUp[0], wakeUp[1]);
    }
  }

  private void correlate(String message, String processInstanceId) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        newTransaction.executeWithoutResult(status -> asSystem.run(() -> {
          // Ask first: a correlation nobody waits for is logged as an engine error even when we expect it.
          if (runtime.createExecutionQuery().processInstanceId(processInstanceId)
              .messageEventSubscriptionName(message).count() > 0) {
            runtime.createMessageCorrelation(message).processInstanceId(processInstanceId).correlateWithResult();
          }
        }));
        return;
      } catch (MismatchingMessageCorrelationException notWaiting) {
        return; // it is checking right now, or has moved on; the hourly re-check is the safety net
      } catch (OptimisticLockingException conflict) {
        log.debug("Conflict delivering {} to {} (attempt {}), retrying", message, processInstanceId, attempt);
      } catch (RuntimeException e) {
        log.warn("Could not deliver {} to process instance {}: {}", message, processInstanceId, e.toString());
        return;
      }
    }
    log.info("Gave up delivering {} to {} after {} conflicts; its hourly re-check will pick it up", message,
        processInstanceId, ATTEMPTS);
  }

  private static final class Pending {
    final Set<StKey> strategic = new LinkedHashSet<>();
    final Set<String> instructions = new LinkedHashSet<>();
    final Set<String> dependants = new LinkedHashSet<>();
    boolean capacityFreed;
  }

  private record StKey(String instructionKey, String taskKey) {}
}
