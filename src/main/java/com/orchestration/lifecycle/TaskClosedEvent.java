package com.orchestration.lifecycle;

/**
 * Published inside the transaction that moved a task to COMPLETED or CANCELLED, so other capabilities (capacity
 * releases reservations, agents lose access) react atomically without the lifecycle depending on them.
 */
public record TaskClosedEvent(WorkItem item, String actor, String reason) {}
