package com.orchestration.intake;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Risk level of a strategic task (SPEC §4.4). */
public enum PlanRisk {
  LOW, MEDIUM, HIGH;

  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<PlanRisk> fromJson(String value) {
    return Arrays.stream(values()).filter(r -> r.jsonName().equals(value)).findFirst();
  }

  public static String allowed() {
    return Arrays.stream(values()).map(PlanRisk::jsonName).collect(Collectors.joining(", "));
  }
}
