package com.orchestration.capacity;

/** What a capacity reservation holds: the task itself, or a review of someone else's task (SPEC §7). */
public enum ReservationKind {
  TASK, REVIEW
}
