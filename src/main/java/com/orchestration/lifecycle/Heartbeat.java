package com.orchestration.lifecycle;

import java.time.Instant;

/** A stored heartbeat: who reported what progress on which task, and when (engine clock). */
public record Heartbeat(long id, long workItemId, String personId, int progressPercent, double hoursSpent,
    double remainingHours, String note, Instant receivedAt) {}
