package com.orchestration.insight;

import com.orchestration.capacity.EstimateFactor;
import com.orchestration.organization.Domain;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The suggested estimate a domain lead reads in the breakdown form (SPEC §11): how long the domain's tasks have
 * really taken against their estimates, worked through on an example, and the factors of the team's calibrated ICs.
 */
final class EstimateGuidance {

  /** The estimate the text works through ("if you think 4 h, plan 5.2 h"). */
  static final double EXAMPLE_HOURS = 4;

  private EstimateGuidance() {}

  /**
   * @param domainFactor the domain's factor
   * @param icFactors the domain's ICs by id, in the order they are to be listed; only calibrated ones are named
   */
  static String text(Domain domain, EstimateFactor domainFactor, Map<String, EstimateFactor> icFactors) {
    StringBuilder text = new StringBuilder();
    if (domainFactor.inUse()) {
      text.append(domain.value()).append(" tasks have taken ").append(factor(domainFactor.factor()))
          .append("× their estimate (median of ").append(domainFactor.samples()).append(" recent tasks): if you think ")
          .append(hours(EXAMPLE_HOURS)).append(" h, plan ").append(hours(EXAMPLE_HOURS * domainFactor.factor()))
          .append(" h.");
    } else {
      text.append("No estimate factor for ").append(domain.value()).append(" yet (")
          .append(domainFactor.samples()).append(" of the ").append(EstimateFactor.MIN_SAMPLES)
          .append(" completed tasks needed): estimates are used as given (factor 1.0).");
    }
    List<String> calibrated = new ArrayList<>();
    icFactors.forEach((id, factor) -> {
      if (factor.inUse()) {
        calibrated.add(id + " " + factor(factor.factor()) + "× (" + factor.samples() + " tasks)");
      }
    });
    if (!calibrated.isEmpty()) {
      text.append(" Per IC, applied to their workload once assigned: ").append(String.join(", ", calibrated))
          .append('.');
    }
    return text.toString();
  }

  /** A factor: at most two decimals, at least one (1.0, 1.3, 1.25). */
  static String factor(double value) {
    BigDecimal rounded = twoDecimals(value);
    return rounded.scale() < 1 ? rounded.setScale(1, RoundingMode.UNNECESSARY).toPlainString()
        : rounded.toPlainString();
  }

  /** Hours: at most two decimals, none when whole (4, 5.2, 4.6). */
  static String hours(double value) {
    BigDecimal rounded = twoDecimals(value);
    return rounded.scale() < 0 ? rounded.setScale(0, RoundingMode.UNNECESSARY).toPlainString()
        : rounded.toPlainString();
  }

  private static BigDecimal twoDecimals(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
  }
}
