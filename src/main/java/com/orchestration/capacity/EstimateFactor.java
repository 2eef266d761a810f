package com.orchestration.capacity;

/**
 * A calibrated estimate factor (SPEC §11) with what it rests on: the median actual/estimate of the newest
 * {@code samples} completed tasks (at most 20), clamped to 0.5–3.0, used only once there are 5.
 *
 * @param factor the factor workload, forecast and the suggested estimates apply: 1.0 while {@code inUse} is false
 * @param samples how many recent samples the median is taken over (0..20)
 * @param inUse true with at least 5 samples; before that estimates are used as given
 */
public record EstimateFactor(double factor, int samples, boolean inUse) {

  /** How many of the newest samples the median is taken over. */
  public static final int WINDOW = 20;
  /** How many samples a factor needs before it is used. */
  public static final int MIN_SAMPLES = 5;

  /** No calibration yet: estimates are used as given. */
  public static final EstimateFactor NONE = new EstimateFactor(1.0, 0, false);
}
