package com.orchestration.assignment;

import java.util.List;

/**
 * A candidate who cannot take the task, every reason why (for the DL's preview and the TL's escalation), and the
 * factors as they were.
 */
public record Exclusion(String personId, String name, List<String> reasons, ScoredCandidate factors) {

  public Exclusion {
    reasons = List.copyOf(reasons);
  }

  /** {@code "bob: workload 0.97 > 0.95; skill match 0.55 < 0.60"}. */
  public String summary() {
    return personId + ": " + String.join("; ", reasons);
  }
}
