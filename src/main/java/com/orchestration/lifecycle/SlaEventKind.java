package com.orchestration.lifecycle;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A warning threshold or an escalation threshold (breach) that fired (SPEC §5.3). */
public enum SlaEventKind {
  WARNING, BREACH;

  public static Optional<SlaEventKind> parse(String value) {
    return Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(value.trim())).findFirst();
  }

  public static String allowed() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")).toUpperCase(Locale.ROOT);
  }
}
