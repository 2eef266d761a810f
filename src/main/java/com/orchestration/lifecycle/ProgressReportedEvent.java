package com.orchestration.lifecycle;

/** The assignee reported progress (heartbeat), published in the same transaction; e.g. the ~90 % handoff meeting. */
public record ProgressReportedEvent(long workItemId, String instructionKey, int progressPercent) {}
