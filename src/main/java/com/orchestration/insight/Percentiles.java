package com.orchestration.insight;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.Collection;

/**
 * Percentiles by the <em>nearest-rank</em> method: the p-th percentile of n sorted values is the value at rank
 * {@code ceil(p/100 · n)} (1-based). It is always a value that was observed — "p90 = 9 h" means one task really
 * took 9 h and 90 % took at most that — and needs no interpolation rule anyone has to remember. Values are fetched
 * by one set-based query per metric family and ranked here (SQL's {@code percentile_cont} interpolates and
 * {@code percentile_disc} is not spelled the same way on H2 and PostgreSQL).
 */
public final class Percentiles {

  private Percentiles() {}

  /** p50, p90 and the number of values; both percentiles null when there are none. */
  @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
  record Summary(Double p50, Double p90, int count) {}

  static Summary of(Collection<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return new Summary(nearestRank(sorted, 50), nearestRank(sorted, 90), sorted.length);
  }

  /**
   * The p-th percentile (1 ≤ p ≤ 100) of ascending values, or null when there are none. The rank is computed in
   * whole numbers ({@code ceil(p·n/100)}), so no floating-point error can push it one place up.
   */
  public static Double nearestRank(double[] ascending, int p) {
    if (p < 1 || p > 100) {
      throw new IllegalArgumentException("A percentile is 1 to 100, was " + p);
    }
    if (ascending.length == 0) {
      return null;
    }
    long rank = ((long) p * ascending.length + 99) / 100;
    return ascending[(int) rank - 1];
  }
}
