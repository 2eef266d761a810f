package com.orchestration.insight;

import com.orchestration.capacity.CapacityClock;
import com.orchestration.capacity.CapacityService;
import com.orchestration.insight.CriticalPathMath.Edge;
import com.orchestration.insight.CriticalPathMath.Node;
import com.orchestration.insight.CriticalPathMath.Schedule;
import com.orchestration.insight.CriticalPathRepository.Baseline;
import com.orchestration.insight.CriticalPathRepository.Dependency;
import com.orchestration.insight.CriticalPathRepository.InstructionRow;
import com.orchestration.insight.CriticalPathRepository.Item;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.organization.Domain;
import com.orchestration.platform.AsSystem;
import com.orchestration.platform.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Critical paths of instructions (SPEC §10.2), the one critical path of the product: the API, the dashboard, the
 * weekly standup (§9.4) and slip detection all read it here. Definitions and formulas: docs/critical-path.md.
 *
 * <p>The graph: the instruction's tactical tasks and its strategic tasks that are not broken down yet (one node each,
 * estimate = days × 8 h as intake stores it), linked by their dependencies; a dependency between strategic tasks
 * becomes one from every task of the later ST to every task of the earlier one, because process
 * {@code strategic-task} breaks an ST down only once every ST it depends on is COMPLETED. Cancelled tasks are not in
 * it. A node's duration is its remaining hours calibrated with the assignee's estimate factor, or the domain's
 * while nobody holds it (SPEC §11); completed tasks take 0.
 *
 * <p>Reads are set-based: any number of instructions cost one query per table, the estimate factors are read once per
 * call, and the open Camunda user tasks of all lifecycles of an instruction come from one task query.
 */
@Service
public class CriticalPathService {


  private final CriticalPathRepository repository;
  private final CapacityService capacity;
  private final CapacityClock clock;
  private final SlipPolicy policy;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final AsSystem asSystem;
  /** Hours of a working day (default 8, SPEC §4.4's days × 8): projected completion lays remaining hours onto them. */
  private final double hoursPerWorkingDay;

  CriticalPathService(CriticalPathRepository repository, CapacityService capacity, CapacityClock clock,
      SlipPolicy policy, TaskService tasks, RuntimeService runtime, AsSystem asSystem,
      @Value("${orchestration.working-hours-per-day:8}") double hoursPerWorkingDay) {
    this.repository = repository;
    this.capacity = capacity;
    this.clock = clock;
    this.policy = policy;
    this.tasks = tasks;
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.hoursPerWorkingDay = hoursPerWorkingDay;
  }

  /**
   * The critical path of one instruction, with the open Camunda user task of each lifecycle.
   *
   * @throws NotFoundException (404) when neither an instruction nor a task has this key
   */
  public CriticalPath of(String instructionKey) {
    CriticalPath path = compute(List.of(instructionKey), true).get(instructionKey);
    if (path == null) {
      throw new NotFoundException("instruction", instructionKey);
    }
    return path;
  }

  /** Critical paths of many instructions at once (no user task ids); keys with neither record nor task are absent. */
  public Map<String, CriticalPath> of(Collection<String> instructionKeys) {
    return compute(new LinkedHashSet<>(instructionKeys), false);
  }

  private Map<String, CriticalPath> compute(Collection<String> keys, boolean withUserTasks) {
    Instant now = clock.now();
    List<Item> allItems = repository.items(keys);
    Map<String, InstructionRow> instructions = repository.instructions(keys);
    Map<String, Baseline> baselines = repository.baselines(keys);
    Map<String, CriticalPath.ScopeReview> slips = repository.latestSlips(keys);
    Map<Long, Item> byId = new HashMap<>();
    Map<String, List<Item>> itemsOf = new HashMap<>();
    Set<String> assignees = new TreeSet<>();
    for (Item item : allItems) {
      byId.put(item.id(), item);
      itemsOf.computeIfAbsent(item.instructionKey(), k -> new ArrayList<>()).add(item);
      if (item.assignee() != null && item.state().isOpen()) {
        assignees.add(item.assignee());
      }
    }
    Map<String, List<Dependency>> dependenciesOf = new HashMap<>();
    for (Dependency dependency : repository.dependencies(keys)) {
      Item item = byId.get(dependency.workItemId());
      if (item != null) {
        dependenciesOf.computeIfAbsent(item.instructionKey(), k -> new ArrayList<>()).add(dependency);
      }
    }
    Factors factors = new Factors(assignees.isEmpty() ? Map.of() : capacity.estimateFactors(assignees),
        capacity.domainEstimateFactors());

    Map<String, CriticalPath> paths = new LinkedHashMap<>();
    for (String key : keys) {
      List<Item> items = itemsOf.getOrDefault(key, List.of());
      if (items.isEmpty() && !instructions.containsKey(key)) {
        continue;
      }
      Map<String, String> userTasks = withUserTasks ? userTasks(key, items) : Map.of();
      paths.put(key, path(key, now, items, byId, dependenciesOf.getOrDefault(key, List.of()), factors,
          instructions.get(key), baselines.get(key), slips.get(key), userTasks));
    }
    return paths;
  }

  /** The person factors of the assignees and the domain factors, each read once per call. */
  record Factors(Map<String, Double> people, Map<Domain, Double> domains) {

    double of(Item item) {
      if (item.assignee() != null) {
        return people.getOrDefault(item.assignee(), 1.0);
      }
      return item.domain() == null ? 1.0 : domains.getOrDefault(item.domain(), 1.0);
    }
  }

  private CriticalPath path(String key, Instant now, List<Item> items, Map<Long, Item> byId,
      List<Dependency> dependencies, Factors factors, InstructionRow instruction, Baseline baseline,
      CriticalPath.ScopeReview slip, Map<String, String> userTasks) {
    Graph graph = graph(items, byId, dependencies);

    List<Node> remaining = new ArrayList<>();
    List<Node> original = new ArrayList<>();
    List<Node> projected = new ArrayList<>();
    Map<String, Double> factorOf = new HashMap<>();
    for (Item item : graph.nodes().values()) {
      boolean open = item.state().isOpen();
      double factor = factors.of(item);
      factorOf.put(item.taskKey(), factor);
      double left = open ? item.remaining() * factor : 0;
      remaining.add(new Node(item.taskKey(), left, open));
      original.add(new Node(item.taskKey(), item.estimateHours(), open));
      projected.add(new Node(item.taskKey(), item.hoursSpent() + left, open));
    }
    // What is done is done: a completed task starts and finishes at 0, whatever it once waited for.
    List<Edge> ahead = graph.edges().stream()
        .filter(e -> graph.nodes().get(e.task()).state().isOpen()).toList();
    CriticalPathMath.Result schedule = CriticalPathMath.schedule(remaining, ahead);
    double originalHours = hours(originalPlan(items, byId, dependencies)
        .map(plan -> CriticalPathMath.length(plan.nodes(), plan.edges()))
        .orElseGet(() -> CriticalPathMath.length(original, graph.edges())));
    double projectedHours = hours(CriticalPathMath.length(projected, graph.edges()));
    double baselineHours = effectiveBaseline(originalHours, baseline);
    Double slipRatio = baselineHours > CriticalPathMath.EPSILON
        ? SlipPolicy.ratio(projectedHours / baselineHours - 1) : null;
    SlipPolicy.Verdict verdict = instruction != null && slipRatio != null
        ? policy.evaluate(slipRatio, instruction.tier()) : null;
    boolean anythingOpen = graph.nodes().values().stream().anyMatch(i -> i.state().isOpen());
    double remainingHours = hours(schedule.length());

    Map<String, List<String>> dependsOn = new HashMap<>();
    for (Edge edge : graph.edges()) {
      dependsOn.computeIfAbsent(edge.task(), k -> new ArrayList<>()).add(edge.dependsOn());
    }
    List<CriticalPath.Task> taskViews = new ArrayList<>();
    for (Schedule s : schedule.schedules().values()) {
      Item item = graph.nodes().get(s.key());
      List<String> waitsFor = dependsOn.getOrDefault(s.key(), List.of()).stream().distinct()
          .sorted(CriticalPathMath.KEY_ORDER).toList();
      taskViews.add(new CriticalPath.Task(item.taskKey(), item.kind(), item.title(), item.domain(), item.state(),
          item.assignee(), hours(s.duration()), SlipPolicy.ratio(factorOf.get(s.key())), hours(s.earliestStart()),
          hours(s.earliestFinish()), hours(s.latestStart()), hours(s.latestFinish()), hours(s.slack()),
          s.critical(), waitsFor, item.processInstanceId(),
          item.processInstanceId() == null ? null : userTasks.get(item.processInstanceId())));
    }
    return new CriticalPath(key, now, taskViews, schedule.path(), remainingHours, originalHours, hours(baselineHours),
        projectedHours, slipRatio,
        anythingOpen ? WorkingTime.plusHours(now, remainingHours, clock.zone(), hoursPerWorkingDay) : null,
        verdict != null && verdict.scopeReview(), slip, verdict);
  }

  /**
   * What a slip is measured against: the EM's accepted baseline, else the original estimate — and never less than the
   * projection at her last decision on a slip ({@code referenceHours}), so after "reduce scope" or "add capacity" the
   * next slip is counted from where she decided. The API's {@code slipRatio}/{@code slipping} and the slip check use
   * this one number.
   */
  static double effectiveBaseline(double originalHours, Baseline baseline) {
    if (baseline == null) {
      return originalHours;
    }
    double accepted = baseline.baselineHours() != null ? baseline.baselineHours() : originalHours;
    return baseline.referenceHours() == null ? accepted : Math.max(accepted, baseline.referenceHours());
  }

  /** A graph of nodes with durations and its edges. */
  record Plan(List<Node> nodes, Set<Edge> edges) {}

  /**
   * The original estimate of an instruction with strategic tasks is its strategic plan as approved: each strategic task
   * with its own estimate (days × 8 h) along the strategic dependencies. Breakdowns, the TL's moves and remediation
   * tasks change the tactical graph, not this — so a breakdown that needs more than its strategic task promised shows
   * as a slip (SPEC §10.2: the projection against the original estimate). Empty without strategic tasks (tier 0–2:
   * the tactical plan is the original, by its estimates).
   */
  static java.util.Optional<Plan> originalPlan(List<Item> items, Map<Long, Item> byId,
      List<Dependency> dependencies) {
    List<Node> nodes = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (Item item : items) {
      if (item.kind() == TaskKind.STRATEGIC && item.state() != TaskState.CANCELLED) {
        nodes.add(new Node(item.taskKey(), item.estimateHours(), item.state().isOpen()));
        keys.add(item.taskKey());
      }
    }
    if (nodes.isEmpty()) {
      return java.util.Optional.empty();
    }
    Set<Edge> edges = new LinkedHashSet<>();
    for (Dependency dependency : dependencies) {
      Item task = byId.get(dependency.workItemId());
      Item on = byId.get(dependency.dependsOnId());
      if (task != null && on != null && keys.contains(task.taskKey()) && keys.contains(on.taskKey())
          && task.kind() == TaskKind.STRATEGIC && on.kind() == TaskKind.STRATEGIC
          && Objects.equals(task.instructionKey(), on.instructionKey())) {
        edges.add(new Edge(task.taskKey(), on.taskKey()));
      }
    }
    return java.util.Optional.of(new Plan(nodes, edges));
  }

  /** The nodes (by task key) and edges of one instruction's graph. */
  record Graph(Map<String, Item> nodes, Set<Edge> edges) {}

  static Graph graph(List<Item> items, Map<Long, Item> byId, List<Dependency> dependencies) {
    Map<String, List<Item>> tacticalOf = new HashMap<>();
    Set<String> brokenDown = new HashSet<>();
    for (Item item : items) {
      if (item.kind() == TaskKind.TACTICAL && item.parentTaskKey() != null) {
        brokenDown.add(item.parentTaskKey());
        if (item.state() != TaskState.CANCELLED) {
          tacticalOf.computeIfAbsent(item.parentTaskKey(), k -> new ArrayList<>()).add(item);
        }
      }
    }
    Map<String, Item> nodes = new LinkedHashMap<>();
    items.stream()
        .filter(i -> i.state() != TaskState.CANCELLED)
        .filter(i -> i.kind() == TaskKind.TACTICAL || !brokenDown.contains(i.taskKey()))
        .sorted(Comparator.comparing(Item::taskKey, CriticalPathMath.KEY_ORDER))
        .forEach(i -> nodes.put(i.taskKey(), i));
    Set<Edge> edges = new LinkedHashSet<>();
    for (Dependency dependency : dependencies) {
      Item task = byId.get(dependency.workItemId());
      Item on = byId.get(dependency.dependsOnId());
      if (task == null || on == null || !Objects.equals(task.instructionKey(), on.instructionKey())) {
        continue;
      }
      for (Item from : members(task, nodes, tacticalOf, brokenDown)) {
        for (Item to : members(on, nodes, tacticalOf, brokenDown)) {
          if (!from.taskKey().equals(to.taskKey())) {
            edges.add(new Edge(from.taskKey(), to.taskKey()));
          }
        }
      }
    }
    return new Graph(nodes, edges);
  }

  /** The nodes a work item stands for: itself, or for a broken-down strategic task its tactical tasks. */
  private static List<Item> members(Item item, Map<String, Item> nodes, Map<String, List<Item>> tacticalOf,
      Set<String> brokenDown) {
    if (item.kind() == TaskKind.STRATEGIC && brokenDown.contains(item.taskKey())) {
      return tacticalOf.getOrDefault(item.taskKey(), List.of());
    }
    return nodes.containsKey(item.taskKey()) ? List.of(item) : List.of();
  }

  /**
   * Lifecycle instance id → an open user task of it or of a gate or escalation it called (their business key is the
   * instruction's): the lifecycle's own task first, else the oldest. Two engine queries per instruction, as the
   * system — the caller need not see the tasks to be shown their ids.
   */
  private Map<String, String> userTasks(String key, List<Item> items) {
    Set<String> lifecycles = new HashSet<>();
    items.stream().map(Item::processInstanceId).filter(Objects::nonNull).forEach(lifecycles::add);
    if (lifecycles.isEmpty()) {
      return Map.of();
    }
    return asSystem.call(() -> {
      Map<String, String> rootOf = new HashMap<>();
      for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list()) {
        rootOf.put(instance.getId(), instance.getRootProcessInstanceId() == null ? instance.getId()
            : instance.getRootProcessInstanceId());
      }
      Map<String, String> own = new HashMap<>();
      Map<String, String> called = new HashMap<>();
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(key).orderByTaskCreateTime().asc()
          .orderByTaskId().asc().list();
      for (Task task : open) {
        String root = rootOf.getOrDefault(task.getProcessInstanceId(), task.getProcessInstanceId());
        if (lifecycles.contains(task.getProcessInstanceId())) {
          own.putIfAbsent(task.getProcessInstanceId(), task.getId());
        } else if (lifecycles.contains(root)) {
          called.putIfAbsent(root, task.getId());
        }
      }
      called.putAll(own);
      return called;
    });
  }

  static double hours(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
