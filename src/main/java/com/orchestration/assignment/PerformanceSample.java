package com.orchestration.assignment;

/** One completed task of an IC (table {@code performance_sample}): estimate vs actual and first-time approval. */
public record PerformanceSample(double estimateHours, double actualHours, boolean firstTimeApproved) {

  /** Within ±20 % of the estimate (SPEC §8.1). */
  public boolean withinEstimate() {
    return Math.abs(actualHours - estimateHours) <= 0.2 * estimateHours + 1e-9;
  }
}
