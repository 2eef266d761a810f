package com.orchestration.communication;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Report levels (SPEC §9.4): per IC, per domain (DL → TL), weekly (TL → EM). */
enum StandupLevel {
  IC, DOMAIN, WEEKLY;

  /** The weekly report's stored subject (a NULL would not be unique, see V10__standups.sql). */
  static final String WEEKLY_SUBJECT = "*";

  String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<StandupLevel> parse(String value) {
    return Arrays.stream(values()).filter(l -> l.value().equals(value)).findFirst();
  }

  static String allowed() {
    return Arrays.stream(values()).map(StandupLevel::value).collect(Collectors.joining(", "));
  }
}
