package com.orchestration.intake;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code orchestration.intake.*}: the estimate admission adds to the load for an instruction that does not give
 * one, per tier (SPEC §4.2 "typical size"). Hours.
 */
@ConfigurationProperties("orchestration.intake")
public record IntakeProperties(Map<Integer, Double> defaultEstimateHours) {

  public IntakeProperties {
    defaultEstimateHours = defaultEstimateHours == null || defaultEstimateHours.isEmpty()
        ? Map.of(0, 0.25, 1, 0.5, 2, 4.0, 3, 24.0, 4, 80.0) : Map.copyOf(defaultEstimateHours);
  }

  double defaultEstimate(int tier) {
    return defaultEstimateHours.getOrDefault(tier, 8.0);
  }
}
