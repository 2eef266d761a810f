package com.orchestration.handoff;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where a handoff stands: the preparer works on the package, the downstream lead reviews it, or accepted it. */
public enum HandoffState {
  PREPARING,
  IN_REVIEW,
  ACCEPTED;

  static Optional<HandoffState> parse(String value) {
    return Arrays.stream(values()).filter(s -> s.name().equals(value)).findFirst();
  }

  static String allowed() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
