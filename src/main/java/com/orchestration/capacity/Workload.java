package com.orchestration.capacity;

/**
 * An IC's load over the 3-working-day horizon (SPEC §8.3).
 *
 * @param committedHours calibrated remaining hours of the IC's counting tasks due within the horizon (or with no
 *     deadline), plus the hours of reviews the IC holds
 * @param capacityHours {@code hoursPerDay} × the horizon's working days on which the IC is available
 * @param workload committed / capacity; {@link Double#POSITIVE_INFINITY} when the capacity is 0 (the IC is
 *     unavailable all three days) — then the band is {@link Band#NO_NEW_WORK} with nothing committed and
 *     {@link Band#OVERSUBSCRIBED} with anything committed
 * @param openTasks task reservations (not reviews) whose work item is still open, whatever its deadline
 */
public record Workload(String personId, double committedHours, double capacityHours, double workload, Band band,
    int openTasks) {

  /** Whether the workload is a finite number (false when the IC has no capacity in the horizon). */
  public boolean hasCapacity() {
    return capacityHours > 0;
  }
}
