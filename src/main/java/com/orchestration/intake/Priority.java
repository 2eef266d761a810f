package com.orchestration.intake;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Instruction priority (SPEC §4.1); it does not change the tier, it matters for admission (§4.3). */
enum Priority {
  CRITICAL, HIGH, NORMAL, LOW;

  String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Priority> fromJson(String value) {
    return Arrays.stream(values()).filter(p -> p.jsonName().equals(value)).findFirst();
  }

  static List<String> jsonNames() {
    return Arrays.stream(values()).map(Priority::jsonName).toList();
  }
}
