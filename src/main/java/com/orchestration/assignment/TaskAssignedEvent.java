package com.orchestration.assignment;

import com.orchestration.lifecycle.WorkItem;

/**
 * Published inside the transaction that assigned or reassigned a task (SPEC §8.1, §5.2), so other capabilities react
 * without assignment depending on them — e.g. capacity starts a rebalancing after the commit when a threshold is
 * crossed (SPEC §8.5).
 *
 * @param item the task as it is after the (re)assignment
 * @param previousAssignee null on a first assignment
 */
public record TaskAssignedEvent(WorkItem item, String previousAssignee, String assignee, String actor) {}
