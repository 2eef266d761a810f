package com.orchestration.insight;

import com.orchestration.capacity.CapacityClock;
import com.orchestration.capacity.CapacityOverview.PersonLoad;
import com.orchestration.capacity.CapacityService;
import com.orchestration.insight.BottleneckReport.GroupQueue;
import com.orchestration.insight.BottleneckReport.OverloadedIc;
import com.orchestration.insight.BottleneckReport.Stage;
import com.orchestration.insight.MetricsRepository.GateTask;
import com.orchestration.insight.MetricsRepository.OpenItem;
import com.orchestration.lifecycle.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bottleneck report of SPEC §10.2: the state or gate with the largest WIP × mean wait, the candidate group with
 * the longest queue, and the IC most over capacity — measured now, optionally for one domain or instruction. The
 * ranking rules are static functions so they are tested without a database.
 */
@Service
class BottleneckService {

  /** The review states are the peer-review and domain-approval gates (SPEC §7). */
  static final Set<String> GATE_STATES = Set.of(TaskState.UNDER_REVIEW.name(), TaskState.DOMAIN_REVIEW.name());

  private static final Set<String> STATE_NAMES = java.util.Arrays.stream(TaskState.values()).map(Enum::name)
      .collect(java.util.stream.Collectors.toSet());

  private static final double EPSILON = 1e-9;

  private final MetricsRepository repository;
  private final MetricsService metrics;
  private final CapacityService capacity;
  private final CapacityClock clock;

  BottleneckService(MetricsRepository repository, MetricsService metrics, CapacityService capacity,
      CapacityClock clock) {
    this.repository = repository;
    this.metrics = metrics;
    this.capacity = capacity;
    this.clock = clock;
  }

  MetricsQuery query(String domain, String instruction) {
    return MetricsQuery.current(domain, instruction, clock.now());
  }

  /** In one transaction, not read-only (see {@link MetricsService#report}). */
  @Transactional
  BottleneckReport report(MetricsQuery q) {
    metrics.requireKnownInstruction(q);
    Instant now = q.to();
    List<Stage> ranking = rank(repository.openItems(q), repository.gateTasks(q), now);
    Set<String> holders = q.instruction() == null ? null : repository.assigneesOfOpenWork(q.instruction());
    List<PersonLoad> people = capacity.overview().people().stream()
        .filter(p -> q.domain() == null || p.domain() == q.domain())
        .filter(p -> holders == null || holders.contains(p.personId()))
        .toList();
    return new BottleneckReport(ranking.isEmpty() ? null : ranking.get(0), ranking,
        longestQueue(repository.queues(q), now), mostOverCapacity(people), now);
  }

  /**
   * States and gates with open work, by score (WIP × mean hours waited so far) descending, then WIP descending, then
   * name. A wait that would be negative (a clock moved back) counts as 0.
   */
  static List<Stage> rank(List<OpenItem> items, List<GateTask> gateTasks, Instant now) {
    Map<String, List<Instant>> since = new LinkedHashMap<>();
    items.forEach(i -> since.computeIfAbsent(i.state(), s -> new ArrayList<>()).add(i.enteredAt()));
    gateTasks.forEach(t -> since.computeIfAbsent(t.gate(), s -> new ArrayList<>()).add(t.createdAt()));
    List<Stage> stages = new ArrayList<>();
    since.forEach((name, times) -> {
      double mean = meanWait(times, now);
      boolean gate = GATE_STATES.contains(name) || !STATE_NAMES.contains(name);
      stages.add(new Stage(name, gate ? "gate" : "state", times.size(), mean, times.size() * mean));
    });
    stages.sort(Comparator.comparingDouble(Stage::score).reversed()
        .thenComparing(Comparator.comparingLong(Stage::wip).reversed())
        .thenComparing(Stage::name));
    return stages;
  }

  /** The group with the most queued tasks; ties: the one whose oldest task waits longest, then the name. */
  static GroupQueue longestQueue(List<MetricsRepository.GroupQueue> queues, Instant now) {
    return queues.stream()
        .filter(q -> q.queued() > 0)
        .sorted(Comparator.comparingLong(MetricsRepository.GroupQueue::queued).reversed()
            .thenComparing(MetricsRepository.GroupQueue::oldest, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(MetricsRepository.GroupQueue::group))
        .findFirst()
        .map(q -> new GroupQueue(q.group(), q.queued(), q.oldest() == null ? 0 : waitHours(q.oldest(), now)))
        .orElse(null);
  }

  /**
   * The IC with the most hours committed beyond their capacity over the horizon (committed − capacity &gt; 0); ties:
   * the higher workload (no capacity at all counts as the highest), then the id. Null when nobody is over.
   */
  static OverloadedIc mostOverCapacity(Collection<PersonLoad> people) {
    return people.stream()
        .filter(p -> p.committed() - p.capacity() > EPSILON)
        .sorted(Comparator.comparingDouble((PersonLoad p) -> p.committed() - p.capacity()).reversed()
            .thenComparing((PersonLoad p) -> p.workload() == null ? Double.POSITIVE_INFINITY : p.workload(),
                Comparator.reverseOrder())
            .thenComparing(PersonLoad::personId))
        .findFirst()
        .map(p -> new OverloadedIc(p.personId(), p.domain() == null ? null : p.domain().value(), p.workload(),
            p.band() == null ? null : p.band().name(), p.committed(), p.capacity(), p.committed() - p.capacity()))
        .orElse(null);
  }

  private static double meanWait(List<Instant> since, Instant now) {
    return since.stream().mapToDouble(t -> t == null ? 0 : waitHours(t, now)).sum() / since.size();
  }

  private static double waitHours(Instant since, Instant now) {
    return Math.max(0, MetricsService.hours(since, now));
  }
}
