package com.orchestration.lifecycle;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Priority of an instruction and of its tasks (SPEC §4.1). Ordered from most to least urgent. */
public enum Priority {
  CRITICAL, HIGH, NORMAL, LOW;

  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Priority> fromJson(String value) {
    return Arrays.stream(values()).filter(p -> p.jsonName().equals(value)).findFirst();
  }

  public static List<String> jsonNames() {
    return Arrays.stream(values()).map(Priority::jsonName).toList();
  }
}
