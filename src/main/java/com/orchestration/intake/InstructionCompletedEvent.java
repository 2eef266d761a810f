package com.orchestration.intake;

/**
 * An instruction reached COMPLETED (not REJECTED or CANCELLED), published inside the completing transaction; intake
 * does not know who listens (communication celebrates tier ≥ 3 on {@code all}).
 */
public record InstructionCompletedEvent(Instruction instruction) {}
