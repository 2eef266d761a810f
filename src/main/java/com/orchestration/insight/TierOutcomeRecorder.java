package com.orchestration.insight;

import com.orchestration.intake.InstructionCompletedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the tier outcome of every completed instruction (SPEC §11), inside the completing transaction: the outcome
 * is written exactly when the completion commits, and a failing tier-by-size table fails the completion with its
 * message (a Cockpit incident after the retries) rather than losing the sample.
 */
@Component
class TierOutcomeRecorder {

  private final TierCalibration tiers;

  TierOutcomeRecorder(TierCalibration tiers) {
    this.tiers = tiers;
  }

  @EventListener
  void instructionCompleted(InstructionCompletedEvent completed) {
    tiers.record(completed.instruction());
  }
}
