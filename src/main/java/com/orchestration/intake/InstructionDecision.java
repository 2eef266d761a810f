package com.orchestration.intake;

import java.time.Instant;

/**
 * One recorded decision about an instruction: what kind ({@code classification}, {@code admission},
 * {@code arbitration}, {@code tier-override}, {@code plan-warning}, {@code plan-architecture}, {@code risk},
 * {@code risk-review}, {@code breakdown-review}, {@code strategic-gate}, {@code checkpoint}, {@code instruction-gate},
 * {@code go-no-go}, {@code cancellation}, …), about what ({@code subject}: an ST key, or null for the instruction),
 * the outcome, the reason (DMN rules that fired, or a person's words), who and when.
 */
public record InstructionDecision(long id, String instructionKey, String kind, String subject, String outcome,
    String reason, String actor, Instant occurredAt) {}
