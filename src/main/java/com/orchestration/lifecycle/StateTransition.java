package com.orchestration.lifecycle;

import java.time.Instant;

/**
 * One row of the append-only transition log (SPEC §5.1): task, from, to, when, who ({@code system} or a user),
 * why (free text or a rule id). {@code from} is null for the creation of the task.
 */
public record StateTransition(long id, long workItemId, TaskState from, TaskState to, Instant occurredAt,
    String actor, String reason) {

  public static final String SYSTEM = "system";
}
