package com.orchestration.insight;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.orchestration.insight.Percentiles.Summary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The metrics of SPEC §10.1 for one period and filter ({@code GET /api/metrics}); definitions in docs/metrics.md.
 * Rates are shares 0..1 and null (written as {@code null}, never left out) when there is nothing to divide by;
 * durations are hours. Maps keyed by state, level, tier or group list every key, with 0 where nothing happened.
 */
@JsonInclude(value = ALWAYS, content = ALWAYS)
record MetricsReport(
    Period period,
    Filters filters,
    List<DayCount> tasksCompletedPerDay,
    Map<String, Long> wipPerState,
    Summary cycleTimeHours,
    Summary leadTimeHours,
    Map<String, Summary> timeInStateHours,
    Map<String, SlaCompliance> slaCompliance,
    SlaBreaches slaBreaches,
    Escalations escalations,
    Blocked blocked,
    Double peerFirstTimeApprovalRate,
    Double domainFirstPassRate,
    Double reworkLoopsPerTask,
    Reassignment reassignment,
    Double estimateAccuracy,
    Utilisation utilisation,
    ForecastSummary forecast,
    Handoffs handoffs,
    Tiers tiers,
    Double qaPassRate,
    Double securityPassRate,
    Map<String, Long> goNoGo,
    Map<String, Long> queueDepthPerGroup,
    List<InstructionProgress> instructionProgress) {

  /** The target of SPEC §10.1: fewer than 10 % of assignments superseded. */
  static final double REASSIGNMENT_TARGET = 0.10;

  /** {@code from} inclusive, {@code to} exclusive. */
  @JsonInclude(value = ALWAYS, content = ALWAYS)
  record Period(Instant from, Instant to) {}

  /** The filters applied; null = not filtered. */
  @JsonInclude(value = ALWAYS, content = ALWAYS)
  record Filters(String domain, String instruction) {}

  /** Tactical tasks that reached COMPLETED on this day (in {@code orchestration.time-zone}). */
  @JsonInclude(value = ALWAYS, content = ALWAYS)
  record DayCount(LocalDate date, long count) {}

  /** State entries in the period and how many of them got an SLA breach while in that state. */
  @JsonInclude(value = ALWAYS, content = ALWAYS)
  record SlaCompliance(long entries, long breached, Double compliance) {}

  /** SLA breaches that fired in the period, per state. */
  @JsonInclude(value = ALWAYS, content = ALWAYS)
  record SlaBreaches(long total, Map<String, Long> perState) {}

  /**
   * @param rate {@code tasksEscalated / tasks}
   * @param count escalation records opened in the period (one per level reached)
   * @param tasks tactical tasks active in the period (any transition in it)
   * @param tasksEscalated of those, tasks with an escalation opened in the period
   */
  @JsonInclude(value = ALWAYS, content = ALWAYS)
  record Escalations(Double rate, long count, Map<String, Long> byLevel, long tasks, long tasksEscalated) {}

  /**
   * @param rate {@code tasksBlocked / tasks} (tasks active in the period)
   * @param meanHours mean length of the BLOCKED stays that began in the period and have ended
   */
  @JsonInclude(value = ALWAYS, content = ALWAYS)
  record Blocked(Double rate, Double meanHours, long tasks, long tasksBlocked) {}

  /** {@code superseded / tasksAssigned} over assignments decided in the period, against the target. */
  @JsonInclude(value = ALWAYS, content = ALWAYS)
  record Reassignment(Double rate, double target, long superseded, long tasksAssigned) {}

  /** Current committed / capacity (SPEC §8.3): system, per domain, per active IC. */
  @JsonInclude(value = ALWAYS, content = ALWAYS)
  record Utilisation(Double system, Map<String, Double> domains, Map<String, Double> people) {}

  /** The 3-working-day forecast (SPEC §8.4) rolled up: system and domains per day, and how much is at risk. */
  @JsonInclude(value = ALWAYS, content = ALWAYS)
  record ForecastSummary(List<LocalDate> days, List<DayLoad> system, Map<String, List<DayLoad>> domains,
      long projectedMisses, long icsWithoutFreeCapacity) {}

  @JsonInclude(value = ALWAYS, content = ALWAYS)
  record DayLoad(LocalDate date, double capacityHours, double plannedHours, Double utilisation) {}

  /**
   * Handoffs started in the period: share accepted, mean hours from start to acceptance, share accepted without a
   * round back to the preparer.
   */
  @JsonInclude(value = ALWAYS, content = ALWAYS)
  record Handoffs(Double acceptanceRate, Double meanHoursToAccept, Double firstTimeAcceptanceRate, long started,
      long accepted) {}

  /**
   * Instructions created in the period by tier (after any override), and how often the tech lead changed the
   * classified tier; {@code accuracy} is the share left unchanged ({@code 1 - overrideRate}).
   */
  @JsonInclude(value = ALWAYS, content = ALWAYS)
  /**
   * @param unchangedRate share of instructions whose tier the TL did not override (1 − overrideRate)
   * @param accuracy SPEC §11: share of the instructions completed in the period whose classified tier is the tier
   *     their actual size implies (as {@code GET /api/calibration}); null for one instruction or without completions
   */
  record Tiers(Map<String, Long> distribution, Double overrideRate, Double unchangedRate, Double accuracy,
      long instructions) {}

  /** Completed tactical tasks / tasks to do, by the rule of {@code InstructionService.progress}. */
  @JsonInclude(value = ALWAYS, content = ALWAYS)
  record InstructionProgress(String instructionKey, String title, int tier, String state, long completed,
      long total, double progress) {}
}
