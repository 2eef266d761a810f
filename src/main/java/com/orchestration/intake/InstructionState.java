package com.orchestration.intake;

/**
 * Where an instruction stands (SPEC §4): received and classified, waiting for admission (queue or EM arbitration),
 * being planned, in risk review, executing its tasks, in instruction-level validation (tier 2) or go/no-go
 * (tier 3–4), and one of three ends.
 */
public enum InstructionState {
  RECEIVED, QUEUED, ARBITRATION, PLANNING, RISK_REVIEW, EXECUTING, VALIDATION, GO_NO_GO, COMPLETED, CANCELLED,
  REJECTED;

  public boolean isTerminal() {
    return this == COMPLETED || this == CANCELLED || this == REJECTED;
  }

  /** Admitted but not yet turned into tasks: its estimate counts towards the admission load (SPEC §4.3). */
  public boolean isAdmittedPipeline() {
    return this == PLANNING || this == RISK_REVIEW;
  }
}
