package com.orchestration.lifecycle;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Complexity of a tactical task (SPEC §4.6); feeds complexityFit and learningOpportunity (§8.1). */
public enum Complexity {
  SIMPLE, MODERATE, HIGH;

  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Complexity> fromJson(String value) {
    return Arrays.stream(values()).filter(c -> c.jsonName().equals(value)).findFirst();
  }

  public static List<String> jsonNames() {
    return Arrays.stream(values()).map(Complexity::jsonName).toList();
  }
}
