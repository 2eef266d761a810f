package com.orchestration.capacity;

/**
 * The band boundaries of SPEC §8.3 as DMN {@code capacity-bands} gives them. Comparisons allow 1e-9 of floating
 * point noise, so 21.6 h of 24 h is exactly 0.90 (caution), not "just above".
 */
public record Bands(double cautionFrom, double noNewWorkFrom, double oversubscribedFrom) {

  static final double EPSILON = 1e-9;

  /** The boundaries the spec names; the DMN ships with these. */
  public static final Bands SPEC_DEFAULTS = new Bands(0.75, 0.90, 1.10);

  public Bands {
    if (!(cautionFrom <= noNewWorkFrom && noNewWorkFrom <= oversubscribedFrom)) {
      throw new IllegalStateException("capacity-bands must be ordered cautionFrom <= noNewWorkFrom <= "
          + "oversubscribedFrom, were " + cautionFrom + ", " + noNewWorkFrom + ", " + oversubscribedFrom);
    }
  }

  public Band band(double workload) {
    if (workload > oversubscribedFrom + EPSILON) {
      return Band.OVERSUBSCRIBED;
    }
    if (workload > noNewWorkFrom + EPSILON) {
      return Band.NO_NEW_WORK;
    }
    if (workload >= cautionFrom - EPSILON) {
      return Band.CAUTION;
    }
    return Band.HEALTHY;
  }

  /** The band of an IC or domain; no capacity at all is "no new work", or "oversubscribed" if work is waiting. */
  public Band band(double committed, double capacity) {
    if (capacity <= 0) {
      return committed > EPSILON ? Band.OVERSUBSCRIBED : Band.NO_NEW_WORK;
    }
    return band(committed / capacity);
  }
}
