package com.orchestration.communication;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How bad an incident is. Informational: every severity suspends the same work (SPEC §9.5); the severity is shown in
 * the announcement and helps people decide how urgently to join.
 */
public enum IncidentSeverity {
  /** Customers cannot work, or data is at risk. */
  SEV1,
  /** A major function is degraded for many users. */
  SEV2,
  /** A minor or contained problem that still needs the team's attention. */
  SEV3;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<IncidentSeverity> parse(String value) {
    return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
  }

  public static List<String> allowed() {
    return Arrays.stream(values()).map(IncidentSeverity::value).toList();
  }
}
