package com.orchestration.insight;

import com.orchestration.assignment.TaskAssignedEvent;
import com.orchestration.intake.InstructionCancelledEvent;
import com.orchestration.intake.InstructionCompletedEvent;
import com.orchestration.lifecycle.ProgressReportedEvent;
import com.orchestration.lifecycle.TaskClosedEvent;
import com.orchestration.platform.AfterCommitBatch;
import com.orchestration.platform.AfterCommitExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When slips are looked for (SPEC §10.2): after the commit of every event that changes an instruction's projection —
 * a task completed or cancelled ({@link TaskClosedEvent}), progress reported ({@link ProgressReportedEvent}: hours
 * spent and remaining), a task (re)assigned ({@link TaskAssignedEvent}: another estimate factor). Each instruction is
 * checked once per transaction, in a transaction of its own; a failure is logged, never thrown (the work that
 * triggered it has committed, and the next event looks again). And when an instruction is cancelled or completed, its
 * waiting scope review ends in the same transaction.
 *
 * <p>{@code orchestration.insight.slip-checks} (default true) switches the checks off, not the ending of reviews. The
 * test profile does: whether a slip fires depends on the estimate factors, which every test that completes a task
 * moves, so other tests would see scope reviews come and go; the insight tests switch the checks on for themselves.
 */
@Component
class SlipCheckTrigger {

  private static final Logger log = LoggerFactory.getLogger(SlipCheckTrigger.class);

  private final SlipDetection detection;
  private final AfterCommitBatch<String, String> afterCommit;
  private volatile boolean enabled;

  SlipCheckTrigger(SlipDetection detection, AfterCommitExecutor executor,
      @Value("${orchestration.insight.slip-checks:true}") boolean enabled) {
    this.afterCommit = new AfterCommitBatch<>(this::check, executor);
    this.detection = detection;
    this.enabled = enabled;
  }

  /** Switches the after-commit checks on or off (tests); returns the previous setting. */
  boolean enabled(boolean on) {
    boolean previous = enabled;
    enabled = on;
    return previous;
  }

  @EventListener
  void taskClosed(TaskClosedEvent event) {
    if (enabled) {
      afterCommit.add(event.item().instructionKey(), "task closed");
    }
  }

  @EventListener
  void progressReported(ProgressReportedEvent event) {
    if (enabled) {
      afterCommit.add(event.instructionKey(), "progress reported");
    }
  }

  @EventListener
  void taskAssigned(TaskAssignedEvent event) {
    if (enabled) {
      afterCommit.add(event.item().instructionKey(), "task assigned");
    }
  }

  @EventListener
  void instructionCancelled(InstructionCancelledEvent event) {
    detection.instructionEnded(event.instructionKey(), "instruction cancelled by " + event.actor() + ": "
        + event.reason());
  }

  @EventListener
  void instructionCompleted(InstructionCompletedEvent event) {
    detection.instructionEnded(event.instruction().key(), "instruction completed");
  }

  private void check(String instructionKey, String trigger) {
    try {
      detection.check(instructionKey).ifPresent(slip -> log.info("Critical path of {} slipped ({} → {} h) after {}: "
          + "scope review {}", instructionKey, slip.baselineHours(), slip.projectedHours(), trigger,
          slip.processInstanceId()));
    } catch (RuntimeException e) {
      log.warn("Slip check of {} after {} failed; the next event looks again", instructionKey, trigger, e);
    }
  }
}
