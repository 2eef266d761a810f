package com.orchestration.organization;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A person's place in the four-layer hierarchy (SPEC §3), spelled in files and JSON as {@link #value()}. */
public enum Role {
  ENGINEERING_MANAGER("engineering-manager"),
  TECH_LEAD("tech-lead"),
  DOMAIN_LEAD("domain-lead"),
  IC("ic"),
  ARCHITECT("architect");

  private final String value;

  Role(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }

  /** Whether a person of this role works inside one domain (and must name it). */
  public boolean needsDomain() {
    return this == DOMAIN_LEAD || this == IC;
  }

  public static Optional<Role> parse(String value) {
    return Arrays.stream(values()).filter(r -> r.value.equals(value)).findFirst();
  }

  public static String allowed() {
    return Arrays.stream(values()).map(Role::value).collect(Collectors.joining(", "));
  }
}
