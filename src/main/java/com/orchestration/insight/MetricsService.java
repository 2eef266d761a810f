package com.orchestration.insight;

import com.orchestration.capacity.CapacityClock;
import com.orchestration.capacity.CapacityOverview;
import com.orchestration.capacity.CapacityService;
import com.orchestration.capacity.Forecast;
import com.orchestration.capacity.ForecastService;
import com.orchestration.escalation.EscalationLevel;
import com.orchestration.insight.MetricsReport.Blocked;
import com.orchestration.insight.MetricsReport.DayCount;
import com.orchestration.insight.MetricsReport.DayLoad;
import com.orchestration.insight.MetricsReport.Escalations;
import com.orchestration.insight.MetricsReport.Filters;
import com.orchestration.insight.MetricsReport.ForecastSummary;
import com.orchestration.insight.MetricsReport.Handoffs;
import com.orchestration.insight.MetricsReport.InstructionProgress;
import com.orchestration.insight.MetricsReport.Period;
import com.orchestration.insight.MetricsReport.Reassignment;
import com.orchestration.insight.MetricsReport.SlaBreaches;
import com.orchestration.insight.MetricsReport.SlaCompliance;
import com.orchestration.insight.MetricsReport.Tiers;
import com.orchestration.insight.MetricsReport.Utilisation;
import com.orchestration.insight.MetricsRepository.Completion;
import com.orchestration.insight.MetricsRepository.HandoffTiming;
import com.orchestration.insight.MetricsRepository.ReviewCount;
import com.orchestration.insight.MetricsRepository.StateEntry;
import com.orchestration.insight.MetricsRepository.TierCount;
import com.orchestration.insight.Percentiles.Summary;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.organization.Domain;
import com.orchestration.organization.OrganizationGroups;
import com.orchestration.platform.NotFoundException;
import com.orchestration.review.ReviewGate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the metrics of SPEC §10.1 ({@code GET /api/metrics}) from our tables and Camunda's runtime tables: one
 * set-based statement per metric family ({@link MetricsRepository}), percentiles and durations in Java
 * ({@link Percentiles}, nearest rank). Utilisation and the forecast come from the capacity capability as they are.
 * Every definition is in docs/metrics.md.
 */
@Service
class MetricsService {

  /** The states a work item can wait in, in lifecycle order: the keys of every per-state map. */
  static final List<TaskState> OPEN_STATES = Arrays.stream(TaskState.values()).filter(TaskState::isOpen).toList();

  static final List<String> GO_NO_GO_OUTCOMES = List.of("GO", "NO_GO", "GO_WITH_CAVEATS");

  private final MetricsRepository repository;
  private final CapacityService capacity;
  private final ForecastService forecasts;
  private final CapacityClock clock;
  private final TierCalibration tierCalibration;

  MetricsService(MetricsRepository repository, CapacityService capacity, ForecastService forecasts,
      CapacityClock clock, TierCalibration tierCalibration) {
    this.tierCalibration = tierCalibration;
    this.repository = repository;
    this.capacity = capacity;
    this.forecasts = forecasts;
    this.clock = clock;
  }

  /** Parses the request parameters against the current clock and zone; 400 naming the parameter when wrong. */
  MetricsQuery query(String from, String to, String domain, String instruction) {
    return MetricsQuery.parse(from, to, domain, instruction, clock.now(), clock.zone());
  }

  /** 404 when the query names an instruction key nothing carries. */
  void requireKnownInstruction(MetricsQuery q) {
    if (q.instruction() != null && !repository.instructionExists(q.instruction())) {
      throw new NotFoundException("instruction", q.instruction());
    }
  }

  /**
   * The whole report, in one transaction (one connection for all statements). Not read-only: the capacity bands come
   * from a DMN evaluation, and an uncached one writes decision history.
   */
  @Transactional
  MetricsReport report(MetricsQuery q) {
    requireKnownInstruction(q);
    List<Completion> completions = repository.completions(q);
    List<StateEntry> entries = repository.stateEntries(q);
    MetricsRepository.Activity activity = repository.activity(q);
    Map<String, Long> levels = repository.escalationsPerLevel(q);
    List<ReviewCount> reviews = repository.reviews(q);
    MetricsRepository.Reassignments reassignments = repository.reassignments(q);
    MetricsRepository.EstimateAccuracy accuracy = repository.estimateAccuracy(q);
    Map<String, Long> breaches = repository.breachesPerState(q);

    return new MetricsReport(
        new Period(q.from(), q.to()),
        new Filters(q.domain() == null ? null : q.domain().value(), q.instruction()),
        perDay(completions, q, clock.zone()),
        perState(repository.wip(q)),
        Percentiles.of(completions.stream().filter(c -> c.assignedAt() != null)
            .map(c -> hours(c.assignedAt(), c.completedAt())).toList()),
        Percentiles.of(completions.stream().map(c -> hours(c.createdAt(), c.completedAt())).toList()),
        timeInState(entries),
        slaCompliance(entries),
        new SlaBreaches(breaches.values().stream().mapToLong(Long::longValue).sum(), perState(breaches)),
        new Escalations(ratio(activity.escalated(), activity.tasks()),
            levels.values().stream().mapToLong(Long::longValue).sum(),
            keyed(Arrays.stream(EscalationLevel.values()).map(Enum::name).toList(), levels), activity.tasks(),
            activity.escalated()),
        new Blocked(ratio(activity.blocked(), activity.tasks()), mean(entries.stream()
            .filter(e -> e.state().equals(TaskState.BLOCKED.name()) && e.leftAt() != null)
            .map(e -> hours(e.enteredAt(), e.leftAt())).toList()), activity.tasks(), activity.blocked()),
        share(reviews, ReviewGate.PEER_REVIEW, true, "approve"),
        share(reviews, ReviewGate.DOMAIN_APPROVAL, true, "approve"),
        ratio(completions.stream().mapToLong(Completion::reworkLoops).sum(), completions.size()),
        new Reassignment(ratio(reassignments.superseded(), reassignments.tasksAssigned()),
            MetricsReport.REASSIGNMENT_TARGET, reassignments.superseded(), reassignments.tasksAssigned()),
        ratio(accuracy.withinTwentyPercent(), accuracy.samples()),
        utilisation(capacity.overview(), q.domain()),
        forecast(forecasts.forecast(), q.domain()),
        handoffs(repository.handoffs(q)),
        tiers(repository.tiers(q), q.instruction() != null ? null : tierCalibration.accuracy(q.from(), q.to(),
            q.domain() == null ? null : q.domain().value())),
        share(reviews, ReviewGate.CROSS_FUNCTIONAL_QA, false, "pass"),
        share(reviews, ReviewGate.CROSS_FUNCTIONAL_SECURITY, false, "pass"),
        keyed(GO_NO_GO_OUTCOMES, repository.goNoGo(q)),
        queueDepth(repository.queues(q), q.domain()),
        repository.progress(q).stream().map(p -> new InstructionProgress(p.instructionKey(), p.title(), p.tier(),
            p.state(), p.completed(), p.total(), p.total() == 0 ? 0 : (double) p.completed() / p.total())).toList());
  }

  // ------------------------------------------------------------------------------------------------ families

  /** Every day of the period (zone of {@code orchestration.time-zone}), 0 where nothing completed. */
  static List<DayCount> perDay(List<Completion> completions, MetricsQuery q, ZoneId zone) {
    Map<LocalDate, Long> counts = new LinkedHashMap<>();
    if (q.to().isAfter(q.from())) {
      LocalDate last = LocalDate.ofInstant(q.to().minusNanos(1), zone);
      for (LocalDate day = LocalDate.ofInstant(q.from(), zone); !day.isAfter(last); day = day.plusDays(1)) {
        counts.put(day, 0L);
      }
    }
    for (Completion c : completions) {
      counts.merge(LocalDate.ofInstant(c.completedAt(), zone), 1L, Long::sum);
    }
    return counts.entrySet().stream().map(e -> new DayCount(e.getKey(), e.getValue())).toList();
  }

  /** Stays that ended (the next transition is known), per state. */
  static Map<String, Summary> timeInState(List<StateEntry> entries) {
    Map<String, Summary> result = new LinkedHashMap<>();
    for (TaskState state : OPEN_STATES) {
      result.put(state.name(), Percentiles.of(entries.stream()
          .filter(e -> e.state().equals(state.name()) && e.leftAt() != null)
          .map(e -> hours(e.enteredAt(), e.leftAt())).toList()));
    }
    return result;
  }

  static Map<String, SlaCompliance> slaCompliance(List<StateEntry> entries) {
    Map<String, SlaCompliance> result = new LinkedHashMap<>();
    for (TaskState state : OPEN_STATES) {
      long all = entries.stream().filter(e -> e.state().equals(state.name())).count();
      long breached = entries.stream().filter(e -> e.state().equals(state.name()) && e.breached()).count();
      result.put(state.name(), new SlaCompliance(all, breached, ratio(all - breached, all)));
    }
    return result;
  }

  /** Share of a gate's decisions (first rounds only, or all) with this outcome. */
  static Double share(List<ReviewCount> reviews, ReviewGate gate, boolean firstRoundOnly, String outcome) {
    Predicate<ReviewCount> counted = r -> r.gate().equals(gate.value()) && (!firstRoundOnly || r.round() == 1);
    long all = reviews.stream().filter(counted).mapToLong(ReviewCount::count).sum();
    long matching = reviews.stream().filter(counted.and(r -> r.outcome().equals(outcome)))
        .mapToLong(ReviewCount::count).sum();
    return ratio(matching, all);
  }

  static Utilisation utilisation(CapacityOverview overview, Domain domain) {
    Map<String, Double> domains = new LinkedHashMap<>();
    overview.domains().stream().filter(d -> domain == null || d.domain() == domain)
        .forEach(d -> domains.put(d.domain().value(), d.utilisation()));
    Map<String, Double> people = new LinkedHashMap<>();
    overview.people().stream().filter(p -> domain == null || p.domain() == domain)
        .forEach(p -> people.put(p.personId(), p.workload()));
    return new Utilisation(overview.system().utilisation(), domains, people);
  }

  static ForecastSummary forecast(Forecast forecast, Domain domain) {
    Map<String, List<DayLoad>> domains = new LinkedHashMap<>();
    forecast.domains().stream().filter(d -> domain == null || d.domain() == domain)
        .forEach(d -> domains.put(d.domain().value(), days(d.days())));
    List<Forecast.IcForecast> people = forecast.people().stream()
        .filter(p -> domain == null || p.domain() == domain).toList();
    return new ForecastSummary(forecast.days(), days(forecast.system()), domains,
        people.stream().mapToLong(p -> p.projectedMisses().size()).sum(),
        people.stream().filter(p -> p.availableFrom() == null).count());
  }

  private static List<DayLoad> days(List<Forecast.DayLoad> days) {
    return days.stream().map(d -> new DayLoad(d.date(), d.capacityHours(), d.plannedHours(), d.utilisation()))
        .toList();
  }

  static Handoffs handoffs(List<HandoffTiming> handoffs) {
    List<HandoffTiming> accepted = handoffs.stream().filter(h -> h.acceptedAt() != null).toList();
    return new Handoffs(ratio(accepted.size(), handoffs.size()),
        mean(accepted.stream().map(h -> hours(h.startedAt(), h.acceptedAt())).toList()),
        ratio(accepted.stream().filter(h -> h.rounds() == 0).count(), accepted.size()), handoffs.size(),
        accepted.size());
  }

  /**
   * @param sizeAccuracy SPEC §11 tier accuracy of the instructions completed in the period (classified tier = the tier
   *     their actual size implies, DMN tier-by-size — the figure of {@code GET /api/calibration}); null for one
   *     instruction or without completions
   */
  static Tiers tiers(List<TierCount> counts, Double sizeAccuracy) {
    Map<String, Long> distribution = new LinkedHashMap<>();
    for (int tier = 0; tier <= 4; tier++) {
      distribution.put(String.valueOf(tier), 0L);
    }
    long all = 0;
    long overridden = 0;
    for (TierCount c : counts) {
      distribution.merge(String.valueOf(c.tier()), c.count(), Long::sum);
      all += c.count();
      overridden += c.tier() != c.classifiedTier() ? c.count() : 0;
    }
    Double overrideRate = ratio(overridden, all);
    return new Tiers(distribution, overrideRate, overrideRate == null ? null : ratio(all - overridden, all),
        sizeAccuracy, all);
  }

  /** Every group of the organisation (or of the domain) with 0, plus any other group that has a queue. */
  static Map<String, Long> queueDepth(List<MetricsRepository.GroupQueue> queues, Domain domain) {
    Collection<String> groups = domain == null ? OrganizationGroups.all().keySet() : MetricsRepository.groupsOf(domain);
    Map<String, Long> depth = new LinkedHashMap<>();
    groups.forEach(g -> depth.put(g, 0L));
    queues.forEach(queue -> depth.put(queue.group(), queue.queued()));
    return depth;
  }

  // ------------------------------------------------------------------------------------------------ arithmetic

  static Map<String, Long> perState(Map<String, Long> counts) {
    return keyed(OPEN_STATES.stream().map(Enum::name).toList(), counts);
  }

  /** The given keys in order with 0 where absent, then any other key the data has. */
  static Map<String, Long> keyed(List<String> keys, Map<String, Long> counts) {
    Map<String, Long> result = new LinkedHashMap<>();
    keys.forEach(k -> result.put(k, counts.getOrDefault(k, 0L)));
    counts.forEach(result::putIfAbsent);
    return result;
  }

  static double hours(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 3_600_000.0;
  }

  /** {@code part / whole}, or null when the whole is 0 (nothing to divide by). */
  static Double ratio(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  static Double mean(List<Double> values) {
    return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
  }

}
