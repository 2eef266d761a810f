package com.orchestration.communication;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** An incident is open from its declaration until the EM resolves it. */
public enum IncidentState {
  OPEN, RESOLVED;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
