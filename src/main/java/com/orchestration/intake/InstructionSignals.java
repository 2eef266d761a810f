package com.orchestration.intake;

import static com.orchestration.intake.InstructionVariables.*;

import com.orchestration.lifecycle.TaskClosedEvent;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.platform.AfterCommitBatch;
import com.orchestration.platform.AfterCommitExecutor;
import com.orchestration.platform.AsSystem;
import java.util.List;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wakes the processes that wait for tasks: when a task closes, the strategic task (or the instruction) it belongs
 * to checks again whether all its tasks are done, strategic tasks depending on a completed one check their
 * dependencies, and queued instructions check admission (capacity was released, the EM decided, SPEC §4.3), in the
 * order the queue releases them ({@link AdmissionService#queue()}), so the one that goes first checks first.
 *
 * <p>The messages are sent <em>after</em> the closing transaction commits ({@link AfterCommitBatch}, on the threads of
 * {@link AfterCommitExecutor}), each in a new transaction, collected once per transaction: a parent process is not
 * locked by its children's completions (two ICs finishing tasks of one strategic task at once do not conflict), the
 * closing request does not wait for them, and a cancellation of 150 tasks sends one round, not 150. A wake-up that
 * finds nobody waiting (the process is just checking) is dropped; every waiting loop also re-checks hourly.
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
  private final AfterCommitBatch<WakeUp, Boolean> afterCommit;

  InstructionSignals(WorkItemService workItems, InstructionRepository repository, AdmissionService admission,
      RuntimeService runtime, AsSystem asSystem, PlatformTransactionManager transactions,
      AfterCommitExecutor executor) {
    this.workItems = workItems;
    this.repository = repository;
    this.admission = admission;
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.afterCommit = new AfterCommitBatch<>((wakeUp, unused) -> wake(wakeUp), executor);
  }

  @EventListener
  void taskClosed(TaskClosedEvent event) {
    WorkItem item = event.item();
    if (item.kind() == TaskKind.TACTICAL) {
      if (item.parentTaskKey() != null) {
        afterCommit.add(new StrategicTaskOf(item.instructionKey(), item.parentTaskKey()), true);
      }
      afterCommit.add(new InstructionOf(item.instructionKey()), true);
    } else if (item.state() == TaskState.COMPLETED) {
      dependantsOf(item);
    }
    afterCommit.add(Queue.INSTANCE, true); // capacity was released: last, after the task's own processes
  }

  /** An admitted instruction left planning: its estimate no longer counts, queued instructions check again. */
  @EventListener
  void pipelineReleased(InstructionService.PipelineReleased event) {
    afterCommit.add(Queue.INSTANCE, true);
  }

  /** The EM decided, or a queued instruction waits behind one that may go now: the queue checks again. */
  @EventListener
  void queueChanged(AdmissionService.QueueChanged event) {
    afterCommit.add(Queue.INSTANCE, true);
  }

  /** A strategic task completed inside a process: its dependants check their dependencies after commit. */
  void strategicTaskCompleted(WorkItem st) {
    dependantsOf(st);
  }

  private void dependantsOf(WorkItem completed) {
    for (WorkItem dependant : workItems.dependants(completed.id())) {
      if (dependant.processInstanceId() != null) {
        afterCommit.add(new Dependant(dependant.processInstanceId()), true);
      }
    }
  }

  /** After the commit: who is to be woken is read in a fresh transaction (the closing one must not be joined). */
  private void wake(WakeUp wakeUp) {
    List<String> instances;
    try {
      instances = newTransaction.execute(status -> wakeUp.processInstances(this));
    } catch (RuntimeException e) {
      // the other wake-ups of this commit still go; the waiting loops' hourly re-check covers this one
      log.warn("Could not read whom to wake for {}: {}", wakeUp, e.toString());
      return;
    }
    for (String processInstanceId : instances) {
      correlate(wakeUp.message(), processInstanceId);
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

  /** Who is woken after a commit, and with which message; each distinct one once per transaction. */
  private sealed interface WakeUp permits StrategicTaskOf, InstructionOf, Dependant, Queue {
    String message();

    /** The process instances to wake, read in the wake-up's own transaction. */
    List<String> processInstances(InstructionSignals signals);
  }

  /** The strategic task a closed tactical task belongs to: are all its tasks done? */
  private record StrategicTaskOf(String instructionKey, String taskKey) implements WakeUp {
    public String message() {
      return MESSAGE_TACTICAL_TASK_CLOSED;
    }

    public List<String> processInstances(InstructionSignals signals) {
      return signals.workItems.find(instructionKey, taskKey).map(WorkItem::processInstanceId).stream()
          .filter(java.util.Objects::nonNull).toList();
    }
  }

  /** The instruction a closed tactical task belongs to. */
  private record InstructionOf(String key) implements WakeUp {
    public String message() {
      return MESSAGE_TACTICAL_TASK_CLOSED;
    }

    public List<String> processInstances(InstructionSignals signals) {
      return signals.repository.find(key).filter(i -> i.processInstanceId() != null && !i.state().isTerminal())
          .map(Instruction::processInstanceId).stream().toList();
    }
  }

  /** A strategic task whose dependency completed. */
  private record Dependant(String processInstanceId) implements WakeUp {
    public String message() {
      return MESSAGE_STRATEGIC_TASK_COMPLETED;
    }

    public List<String> processInstances(InstructionSignals signals) {
      return List.of(processInstanceId);
    }
  }

  /** Every queued instruction, in the order the queue releases them. */
  private enum Queue implements WakeUp {
    INSTANCE;

    public String message() {
      return MESSAGE_CAPACITY_FREED;
    }

    public List<String> processInstances(InstructionSignals signals) {
      return signals.admission.queue().stream().map(Instruction::processInstanceId)
          .filter(java.util.Objects::nonNull).toList();
    }
  }
}
