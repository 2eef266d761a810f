package com.orchestration.lifecycle;

import java.time.Instant;

/** Filters for {@link SlaService#events}; every null filter matches everything. */
public record SlaEventQuery(String instructionKey, String taskKey, SlaEventKind kind, TaskState state,
    Instant since) {

  public static SlaEventQuery all() {
    return new SlaEventQuery(null, null, null, null, null);
  }
}
