package com.orchestration.insight;

import java.time.Instant;
import java.util.List;

/**
 * An instruction's critical path slipped beyond DMN {@code critical-path-slip}'s threshold and an EM scope review
 * opened (SPEC §10.2); published once per slip, inside the transaction of process {@code scope-review}'s first step.
 * Insight does not announce: communication listens and posts to {@code domain-leads}.
 *
 * @param slipRatio projected / baseline − 1
 * @param path the critical path's task keys, first to last
 * @param domains the domains of the tasks on the path
 * @param reason the DMN rule's reason
 * @param processInstanceId the scope review (Cockpit)
 */
public record CriticalPathSlippedEvent(String instructionKey, String instructionTitle, int slipNumber,
    double originalHours, double baselineHours, double projectedHours, double slipRatio, double remainingHours,
    Instant projectedCompletion, List<String> path, List<String> domains, String reason, String processInstanceId) {}
