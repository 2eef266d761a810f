package com.orchestration.handoff;

import java.time.Instant;
import java.util.List;

/**
 * One handoff (SPEC §9.3) as {@code GET /api/handoffs} shows it: the package as last submitted, the checklist with
 * done flags, the timing and how often it went back to the preparer.
 *
 * @param toDomains comma+space separated downstream domains
 * @param artifacts one artifact per line, {@code name | type | location | status}
 * @param questions the downstream lead's last questions, null when none are open
 * @param rounds how often the package went back to the preparer (incomplete, or questions)
 */
public record HandoffRecord(long id, long workItemId, String instructionKey, String taskKey, String fromDomain,
    String toDomains, String preparedBy, String summary, String artifacts, List<ChecklistItem> checklist,
    String knownIssues, String contact, String questions, Instant startedAt, Instant preparedAt, Instant acceptedAt,
    String acceptedBy, int rounds, HandoffState state, String processInstanceId) {}
