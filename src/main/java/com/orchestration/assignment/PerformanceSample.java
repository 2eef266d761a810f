package com.orchestration.assignment;

/** One completed task of an IC (table {@code performance_sample}): estimate vs actual and first-time approval. */
public record PerformanceSample(double estimateHours, double actualHours, boolean firstTimeApproved) {

  /** How far the actual hours may be from the estimate and still count as accurate: ±20 % (SPEC §8.1, §10.1). */
  public static final double ESTIMATE_TOLERANCE = 0.2;

  /** Within ±{@link #ESTIMATE_TOLERANCE} of the estimate. */
  public boolean withinEstimate() {
    return Math.abs(actualHours - estimateHours) <= ESTIMATE_TOLERANCE * estimateHours + 1e-9;
  }
}
