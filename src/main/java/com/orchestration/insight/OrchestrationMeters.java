package com.orchestration.insight;

import com.orchestration.capacity.CapacityOverview;
import com.orchestration.capacity.CapacityService;
import com.orchestration.escalation.EscalationLevel;
import com.orchestration.escalation.EscalationOpenedEvent;
import com.orchestration.intake.InstructionState;
import com.orchestration.lifecycle.SlaThresholdRecordedEvent;
import com.orchestration.lifecycle.SlaEventKind;
import com.orchestration.lifecycle.TaskClosedEvent;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.organization.Domain;
import com.orchestration.organization.OrganizationGroups;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Micrometer meters of SPEC §10.1, scraped at {@code /actuator/prometheus} (docs/metrics.md lists them).
 *
 * <p>Gauges (WIP per state and domain, utilisation per domain and system, queue depth per group, open escalations per
 * level, instructions per state) read one {@link Snapshot}, taken with seven statements at most every
 * {@code orchestration.metrics.gauge-refresh} (default 30 s) — so a scrape costs nothing or one refresh, never a query
 * per gauge. The values are the database's, so every node of a cluster reports the same; aggregate them with max,
 * not sum. The label sets are fixed (states, domains, the organisation's groups, levels), so the series are bounded.
 *
 * <p>Counters (tasks completed and cancelled, SLA warnings and breaches, escalations opened) count the events of
 * this node after their transaction committed — a rolled-back completion counts nothing; sum them across nodes.
 */
@Component
class OrchestrationMeters {

  private static final Logger log = LoggerFactory.getLogger(OrchestrationMeters.class);

  private final MeterRegistry registry;
  private final MetricsRepository repository;
  private final CapacityService capacity;
  private final long refreshNanos;
  private final LongSupplier nanoTime;

  private Snapshot snapshot;
  private long takenAtNanos;

  /**
   * What the gauges show, read at one moment.
   *
   * @param wip open work items per "STATE|domain"
   * @param domainUtilisation null values (no capacity) are reported as NaN
   */
  record Snapshot(Map<String, Long> wip, Double systemUtilisation, Map<Domain, Double> domainUtilisation,
      Map<String, Long> queueDepth, Map<String, Long> openEscalations, Map<String, Long> instructions) {

    static final Snapshot EMPTY = new Snapshot(Map.of(), null, Map.of(), Map.of(), Map.of(), Map.of());
  }

  @Autowired
  OrchestrationMeters(MeterRegistry registry, MetricsRepository repository, CapacityService capacity,
      @Value("${orchestration.metrics.gauge-refresh:PT30S}") Duration refresh) {
    this(registry, repository, capacity, refresh, System::nanoTime);
  }

  /** With a ticker of our own (tests of the refresh interval). */
  OrchestrationMeters(MeterRegistry registry, MetricsRepository repository, CapacityService capacity,
      Duration refresh, LongSupplier nanoTime) {
    this.registry = registry;
    this.repository = repository;
    this.capacity = capacity;
    this.refreshNanos = refresh.toNanos();
    this.nanoTime = nanoTime;
    registerGauges();
    registerCounters();
  }

  private void registerGauges() {
    for (TaskState state : MetricsService.OPEN_STATES) {
      for (Domain domain : Domain.values()) {
        String key = state.name() + "|" + domain.value();
        gauge("orchestration.tasks.wip", "Open work items per state and domain (tactical tasks; strategic tasks "
            + "in IN_PLANNING)", s -> s.wip().getOrDefault(key, 0L), "state", state.name(), "domain", domain.value());
      }
    }
    gauge("orchestration.system.utilisation", "Committed / capacity of all active ICs over the 3-working-day horizon",
        s -> nanIfNull(s.systemUtilisation()));
    for (Domain domain : Domain.values()) {
      gauge("orchestration.domain.utilisation", "Committed / capacity of the domain's active ICs over the horizon",
          s -> nanIfNull(s.domainUtilisation().get(domain)), "domain", domain.value());
    }
    for (String group : OrganizationGroups.all().keySet()) {
      gauge("orchestration.queue.depth", "Open unclaimed user tasks per candidate group",
          s -> s.queueDepth().getOrDefault(group, 0L), "group", group);
    }
    for (EscalationLevel level : EscalationLevel.values()) {
      gauge("orchestration.escalations.open", "Open escalation records per level",
          s -> s.openEscalations().getOrDefault(level.name(), 0L), "level", level.name());
    }
    for (InstructionState state : InstructionState.values()) {
      gauge("orchestration.instructions", "Instructions per state",
          s -> s.instructions().getOrDefault(state.name(), 0L), "state", state.name());
    }
  }

  private void gauge(String name, String description, ToDoubleFunction<Snapshot> value, String... tags) {
    Gauge.builder(name, this, meters -> value.applyAsDouble(meters.snapshot()))
        .description(description).tags(tags).register(registry);
  }

  /** The current snapshot, taken again when it is older than the refresh interval. */
  synchronized Snapshot snapshot() {
    if (snapshot == null || nanoTime.getAsLong() - takenAtNanos >= refreshNanos) {
      refresh();
    }
    return snapshot;
  }

  /** Takes a new snapshot now; a failure keeps the previous one (a scrape must not fail because a query did). */
  synchronized void refresh() {
    try {
      Map<String, Long> wip = new HashMap<>();
      repository.wipPerStateAndDomain().forEach(c -> wip.put(c.state() + "|" + c.domain(), c.count()));
      CapacityOverview overview = capacity.overview();
      Map<Domain, Double> domains = new EnumMap<>(Domain.class);
      overview.domains().forEach(d -> {
        if (d.utilisation() != null) {
          domains.put(d.domain(), d.utilisation());
        }
      });
      Map<String, Long> queues = new HashMap<>();
      repository.queues(new MetricsQuery(null, null, null, null)).forEach(q -> queues.put(q.group(), q.queued()));
      snapshot = new Snapshot(wip, overview.system().utilisation(), domains, queues,
          repository.openEscalationsPerLevel(), repository.instructionsPerState());
    } catch (RuntimeException e) {
      log.warn("Refreshing the orchestration gauges failed; they keep their previous values", e);
      if (snapshot == null) {
        snapshot = Snapshot.EMPTY;
      }
    }
    takenAtNanos = nanoTime.getAsLong();
  }

  // ------------------------------------------------------------------------------------------------ counters

  /**
   * Every counter exists from the start with 0 (a fixed set of label values), so Prometheus' {@code rate()} and
   * {@code increase()} see the first event rather than a series that appears out of nowhere.
   */
  private void registerCounters() {
    for (Domain domain : Domain.values()) {
      for (TaskKind kind : TaskKind.values()) {
        taskCounter(TaskState.COMPLETED, domain, kind);
        taskCounter(TaskState.CANCELLED, domain, kind);
      }
      for (EscalationLevel level : EscalationLevel.values()) {
        escalationCounter(level, domain);
      }
    }
    for (SlaEventKind kind : SlaEventKind.values()) {
      for (TaskState state : MetricsService.OPEN_STATES) {
        slaCounter(kind, state);
      }
    }
  }

  private Counter taskCounter(TaskState closedAs, Domain domain, TaskKind kind) {
    return Counter.builder(closedAs == TaskState.COMPLETED ? "orchestration.tasks.completed"
            : "orchestration.tasks.cancelled")
        .description(closedAs == TaskState.COMPLETED ? "Work items completed (after commit, this node)"
            : "Work items cancelled (after commit, this node)")
        .tags("domain", domain.value(), "kind", kind.name().toLowerCase(Locale.ROOT))
        .register(registry);
  }

  private Counter slaCounter(SlaEventKind kind, TaskState state) {
    return Counter.builder("orchestration.sla.events")
        .description("SLA warnings and breaches recorded (after commit, this node)")
        .tags("kind", kind.name().toLowerCase(Locale.ROOT), "state", state.name())
        .register(registry);
  }

  private Counter escalationCounter(EscalationLevel level, Domain domain) {
    return Counter.builder("orchestration.escalations.opened")
        .description("Escalation levels reached (after commit, this node)")
        .tags("level", level.name(), "domain", domain == null ? "none" : domain.value())
        .register(registry);
  }

  @TransactionalEventListener(fallbackExecution = true)
  void taskClosed(TaskClosedEvent event) {
    taskCounter(event.item().state(), event.item().domain(), event.item().kind()).increment();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void slaThresholdRecorded(SlaThresholdRecordedEvent event) {
    slaCounter(event.event().kind(), event.event().state()).increment();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void escalationOpened(EscalationOpenedEvent event) {
    escalationCounter(event.record().level(), event.domain()).increment();
  }

  private static double nanIfNull(Double value) {
    return value == null ? Double.NaN : value;
  }
}
