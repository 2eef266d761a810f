package com.orchestration.organization;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Experience level (SPEC §3): junior 0–2 years, mid 2–4, senior 4+, staff 8+. Feeds complexity fit (§8.1). */
public enum ExperienceLevel {
  JUNIOR,
  MID,
  SENIOR,
  STAFF;

  @JsonValue
  public String value() {
    return name().toLowerCase();
  }

  public static Optional<ExperienceLevel> parse(String value) {
    return Arrays.stream(values()).filter(l -> l.value().equals(value)).findFirst();
  }

  public static String allowed() {
    return Arrays.stream(values()).map(ExperienceLevel::value).collect(Collectors.joining(", "));
  }
}
