package com.orchestration.organization;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The six fixed domains (SPEC §1); each is also a skill name in the taxonomy. */
public enum Domain {
  FRONTEND,
  BACKEND,
  QA,
  DEVOPS,
  DATA,
  SECURITY;

  @JsonValue
  public String value() {
    return name().toLowerCase();
  }

  public static Optional<Domain> parse(String value) {
    return Arrays.stream(values()).filter(d -> d.value().equals(value)).findFirst();
  }

  /**
   * The domain named by {@code value}, or a 400 naming {@code field} and the six allowed values — the one check every
   * API and form input uses.
   */
  public static Domain require(String field, String value) {
    return parse(value == null ? null : value.strip()).orElseThrow(() -> new com.orchestration.platform
        .InvalidInputException(field, "Unknown domain '" + value + "'; allowed: " + allowed()));
  }

  public static String allowed() {
    return Arrays.stream(values()).map(Domain::value).collect(Collectors.joining(", "));
  }
}
