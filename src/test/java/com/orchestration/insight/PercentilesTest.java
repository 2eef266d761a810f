package com.orchestration.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** p50/p90 are nearest-rank percentiles: always an observed value, rank ceil(p·n/100). */
class PercentilesTest {

  @Test
  void nearestRankPicksAnObservedValueWhereLinearInterpolationWouldNot() {
    List<Double> oneToTen = IntStream.rangeClosed(1, 10).mapToObj(i -> (double) i).toList();

    Percentiles.Summary summary = Percentiles.of(oneToTen);

    // linear interpolation would give 5.5 and 9.1
    assertThat(summary).isEqualTo(new Percentiles.Summary(5.0, 9.0, 10));
  }

  @Test
  void ranksRoundUpAndIgnoreInputOrder() {
    assertThat(Percentiles.of(List.of(10.0, 1.0, 2.0))).isEqualTo(new Percentiles.Summary(2.0, 10.0, 3));
    assertThat(Percentiles.of(List.of(4.0, 2.0))).isEqualTo(new Percentiles.Summary(2.0, 4.0, 2));
    assertThat(Percentiles.of(List.of(7.5))).isEqualTo(new Percentiles.Summary(7.5, 7.5, 1));
  }

  @Test
  void theRankIsExactForEveryCountSoFloatingPointNeverPushesItUp() {
    for (int n = 1; n <= 1000; n++) {
      double[] values = IntStream.rangeClosed(1, n).asDoubleStream().toArray();
      assertThat(Percentiles.nearestRank(values, 90)).as("n=%d", n).isEqualTo(Math.ceil(n * 9 / 10.0));
      assertThat(Percentiles.nearestRank(values, 50)).as("n=%d", n).isEqualTo(Math.ceil(n / 2.0));
    }
  }

  @Test
  void noValuesGiveNullPercentilesAndCountZero() {
    assertThat(Percentiles.of(List.of())).isEqualTo(new Percentiles.Summary(null, null, 0));
  }

  @Test
  void refusesAPercentileOutsideOneToHundred() {
    assertThatThrownBy(() -> Percentiles.nearestRank(new double[] {1}, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.nearestRank(new double[] {1}, 101))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
