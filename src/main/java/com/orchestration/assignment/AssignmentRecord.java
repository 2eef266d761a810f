package com.orchestration.assignment;

import java.time.Instant;

/** One stored assignment decision (table {@code assignment}); {@code supersededAt} is set once reassigned. */
public record AssignmentRecord(long workItemId, String assignee, Double score, Double skillMatch, Double workload,
    Double complexityFit, Double learningOpportunity, Double recentPerformance, String runnerUp,
    Double runnerUpScore, String rationale, String decidedBy, Instant decidedAt, Instant supersededAt) {}
