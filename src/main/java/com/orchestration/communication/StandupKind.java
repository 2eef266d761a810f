package com.orchestration.communication;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a standup run produces: daily (per IC and per domain) or weekly (TL → EM). */
enum StandupKind {
  DAILY(Set.of(StandupLevel.IC, StandupLevel.DOMAIN)),
  WEEKLY(Set.of(StandupLevel.WEEKLY));

  private final Set<StandupLevel> levels;

  StandupKind(Set<StandupLevel> levels) {
    this.levels = levels;
  }

  /** The report levels a run of this kind writes (and replaces). */
  Set<StandupLevel> levels() {
    return levels;
  }

  String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<StandupKind> parse(String value) {
    return Arrays.stream(values()).filter(k -> k.value().equals(value)).findFirst();
  }
}
