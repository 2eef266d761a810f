package com.orchestration.insight;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Where work piles up now (SPEC §10.2, {@code GET /api/insight/bottlenecks}); rules in docs/metrics.md. Each part is
 * null when there is nothing to report (no open work, no queue, nobody over capacity).
 *
 * @param stateOrGate the first of {@code ranking}
 * @param ranking every state or gate with open work, largest {@code score} (WIP × mean wait) first
 * @param group the candidate group with the most unclaimed tasks
 * @param overloadedIc the IC with the most committed hours beyond their capacity
 * @param asOf the time the waits are measured to
 */
@JsonInclude(value = ALWAYS, content = ALWAYS)
record BottleneckReport(Stage stateOrGate, List<Stage> ranking, GroupQueue group, OverloadedIc overloadedIc,
    Instant asOf) {

  /**
   * A state (kind {@code state}) or a quality gate (kind {@code gate}: UNDER_REVIEW = peer review, DOMAIN_REVIEW =
   * domain approval, {@code gate-cross-functional} and {@code gate-architecture-review} = their open user tasks).
   *
   * @param meanWaitHours mean time the open items have spent in it so far
   * @param score {@code wip × meanWaitHours}
   */
  @JsonInclude(value = ALWAYS, content = ALWAYS)
  record Stage(String name, String kind, long wip, double meanWaitHours, double score) {}

  /** @param oldestWaitHours how long the oldest unclaimed task has been waiting */
  @JsonInclude(value = ALWAYS, content = ALWAYS)
  record GroupQueue(String group, long queued, double oldestWaitHours) {}

  /**
   * @param workload committed / capacity; null when the IC has no capacity in the horizon (unavailable)
   * @param hoursOver committed − capacity over the 3-working-day horizon, more than 0
   */
  @JsonInclude(value = ALWAYS, content = ALWAYS)
  record OverloadedIc(String personId, String domain, Double workload, String band, double committedHours,
      double capacityHours, double hoursOver) {}
}
