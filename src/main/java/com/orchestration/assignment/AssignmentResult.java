package com.orchestration.assignment;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of {@link AssignmentService#assign} or {@link AssignmentService#reassign}: the chosen IC with score
 * and rationale, or — when nobody is eligible — every candidate and why each was excluded (for the TL escalation;
 * the task's state is unchanged).
 */
public record AssignmentResult(
    long workItemId,
    String taskKey,
    Outcome outcome,
    String assignee,
    Double score,
    String rationale,
    String runnerUp,
    Double runnerUpScore,
    List<ScoredCandidate> ranked,
    List<Exclusion> excluded,
    List<String> decisionVersions) {

  public enum Outcome { ASSIGNED, NO_ELIGIBLE_CANDIDATE }

  public AssignmentResult {
    ranked = List.copyOf(ranked);
    excluded = List.copyOf(excluded);
    decisionVersions = List.copyOf(decisionVersions);
  }

  public boolean noEligibleCandidate() {
    return outcome == Outcome.NO_ELIGIBLE_CANDIDATE;
  }

  /** One line per excluded candidate, for an escalation to the TL: {@code "bob: workload 0.97 > 0.95"}. */
  public String exclusionSummary() {
    if (excluded.isEmpty()) {
      return "no candidates: the domain has no active IC and none is lent to it";
    }
    return excluded.stream().map(Exclusion::summary).collect(Collectors.joining("\n"));
  }
}
