package com.orchestration.intake;

/**
 * Published inside the transaction that cancelled an instruction (SPEC §4.7), after its open tasks were cancelled, so
 * capabilities with work of their own about it (e.g. insight's scope review) end it without intake knowing them.
 */
public record InstructionCancelledEvent(String instructionKey, String actor, String reason) {}
