package com.orchestration.lifecycle;

import java.util.EnumSet;
import java.util.Set;

/** The task states of SPEC §5.1. */
public enum TaskState {
  PENDING, IN_PLANNING, ASSIGNED, IN_PROGRESS, BLOCKED, ESCALATED, UNDER_REVIEW, DOMAIN_REVIEW,
  READY_FOR_HANDOFF, COMPLETED, CANCELLED;

  /** States in which the assignee's remaining hours count as committed (SPEC §8.3). */
  public static final Set<TaskState> COUNTING_TOWARDS_WORKLOAD =
      EnumSet.of(ASSIGNED, IN_PROGRESS, BLOCKED, ESCALATED);

  public boolean isTerminal() {
    return this == COMPLETED || this == CANCELLED;
  }

  public boolean isOpen() {
    return !isTerminal();
  }

  public boolean countsTowardsWorkload() {
    return COUNTING_TOWARDS_WORKLOAD.contains(this);
  }
}
