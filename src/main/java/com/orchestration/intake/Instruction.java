package com.orchestration.intake;

import com.orchestration.lifecycle.Priority;
import java.time.Instant;
import java.util.List;

/**
 * An instruction as stored (SPEC §4): the intake fields, the tier (after a TL override, if any) and the tier the
 * DMN classified, the state, and what planning, risk review and go/no-go decided. Decisions with their reasons are
 * in {@link InstructionDecision}.
 *
 * @param riskScores the six risk scores of the strategic plan in {@link RiskScores#CATEGORIES} order, empty before
 */
public record Instruction(
    String key,
    String title,
    String description,
    WorkType workType,
    boolean workTypeInferred,
    List<String> affectedDomains,
    List<String> scopeFlags,
    Priority priority,
    Instant deadline,
    boolean customerCommitment,
    double estimateHours,
    int tier,
    int classifiedTier,
    double tierConfidence,
    String tierReason,
    InstructionState state,
    String objective,
    String answer,
    List<Integer> riskScores,
    String riskOutcome,
    List<String> checkpoints,
    String goNoGo,
    String submittedBy,
    String processInstanceId,
    Instant createdAt,
    Instant updatedAt,
    int version) {

  public Instruction {
    affectedDomains = List.copyOf(affectedDomains);
    scopeFlags = List.copyOf(scopeFlags);
    riskScores = riskScores == null ? List.of() : List.copyOf(riskScores);
    checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
  }

  public boolean tierOverridden() {
    return tier != classifiedTier;
  }
}
