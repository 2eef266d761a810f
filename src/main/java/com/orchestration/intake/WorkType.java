package com.orchestration.intake;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The ten work types of SPEC §4.1; {@link #jsonName()} is the value in JSON, forms and the DMN input. */
enum WorkType {
  FIX, FEATURE, REFACTOR, TESTS, REVIEW, DOCS, QUESTION, DEPLOYMENT, INVESTIGATION, MIGRATION;

  String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<WorkType> fromJson(String value) {
    return Arrays.stream(values()).filter(t -> t.jsonName().equals(value)).findFirst();
  }

  static List<String> jsonNames() {
    return Arrays.stream(values()).map(WorkType::jsonName).toList();
  }
}
