package com.orchestration.review;

import java.time.Instant;

/**
 * One decision of a quality gate (table {@code review}, SPEC §7).
 *
 * @param round 1 for the first decision of this gate on this task, 2 after one rework, ...
 * @param author who did the work under review (the task's assignee when the review was decided)
 * @param outcome {@code approve}, {@code changes}, {@code escalate} (gates 1, 2, 4) or {@code pass},
 *     {@code fixable}, {@code blocked} (gate 3)
 * @param findings one {@code SEVERITY: text} per line, or null
 * @param highestSeverity the most severe finding (CRITICAL, HIGH, MEDIUM, LOW), or null without findings
 * @param openedAt when the review task was created
 */
public record ReviewRecord(long id, long workItemId, String instructionKey, String taskKey, ReviewGate gate,
    int round, String reviewer, String author, String outcome, String findings, int findingCount,
    String highestSeverity, Instant openedAt, Instant decidedAt, long durationSeconds) {}
