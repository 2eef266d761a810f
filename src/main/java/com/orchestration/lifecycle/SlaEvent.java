package com.orchestration.lifecycle;

import java.time.Instant;

/**
 * One SLA threshold that fired (SPEC §5.3): task, state, kind, due, fired at.
 *
 * @param stateEnteredAt when the task entered {@code state}; with work item, state and kind it makes the event unique
 * @param forStandup warnings are listed at the next standup
 * @param notified who or which channel was told; null until the communication capability fills it in
 */
public record SlaEvent(long id, long workItemId, String instructionKey, String taskKey, TaskState state,
    SlaEventKind kind, Instant stateEnteredAt, Instant dueAt, Instant firedAt, String processInstanceId,
    boolean forStandup, String notified) {}
