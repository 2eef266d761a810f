package com.orchestration.organization;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Whether a person is a human (works in Tasklist) or an automated agent (works through external tasks). */
public enum Kind {
  HUMAN,
  AGENT;

  public static Optional<Kind> parse(String value) {
    return Arrays.stream(values()).filter(k -> k.name().equals(value)).findFirst();
  }

  public static String allowed() {
    return Arrays.stream(values()).map(Kind::name).collect(Collectors.joining(", "));
  }
}
