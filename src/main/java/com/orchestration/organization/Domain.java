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

  public static String allowed() {
    return Arrays.stream(values()).map(Domain::value).collect(Collectors.joining(", "));
  }
}
