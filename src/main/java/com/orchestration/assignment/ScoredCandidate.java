package com.orchestration.assignment;

/**
 * One candidate with the five factors of SPEC §8.1 and the weighted score (rounded to 4 decimals, as stored).
 *
 * @param workload before this task; null when the IC has no capacity in the horizon
 * @param lent lent to the task's domain from another one
 */
public record ScoredCandidate(
    String personId,
    String name,
    String level,
    String domain,
    boolean lent,
    double score,
    double skillMatch,
    Double workload,
    double complexityFit,
    double learningOpportunity,
    double recentPerformance,
    String band,
    int openTasks) {}
