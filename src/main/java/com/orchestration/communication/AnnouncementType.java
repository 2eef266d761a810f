package com.orchestration.communication;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The announcement types of SPEC §9.2. */
public enum AnnouncementType {
  PRIORITY_CHANGE, RESOURCE_SHIFT, MILESTONE, BLOCKER, CELEBRATION, SLA_BREACH, INCIDENT;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AnnouncementType> parse(String value) {
    return Arrays.stream(values()).filter(t -> t.value().equals(value)).findFirst();
  }

  public static List<String> allowed() {
    return Arrays.stream(values()).map(AnnouncementType::value).toList();
  }
}
