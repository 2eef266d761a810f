package com.orchestration.lifecycle;

import java.time.Duration;
import java.time.Instant;

/**
 * An IN_PROGRESS task whose assignee has been silent too long (SPEC §5.2): a standup warning.
 *
 * @param silentSince the last heartbeat, or when the task (last) entered IN_PROGRESS if that is later
 */
public record HeartbeatSilence(long workItemId, String instructionKey, String taskKey, String assignee,
    Instant silentSince, Duration silence) {}
