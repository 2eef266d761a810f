package com.orchestration.insight;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The critical path method over one instruction's task graph (SPEC §10.2), without a database: a forward pass
 * (earliest start and finish), a backward pass (latest start and finish), slack = latest start − earliest start, and
 * the critical path — the chain of open tasks with zero slack from time 0 to the end, the smallest key first wherever
 * two such chains tie. Durations are whatever the caller says (remaining calibrated hours, original estimates, …).
 *
 * <p>Plans reject dependency cycles (SPEC §15); should one reach this code anyway, it is cut where it closes: when
 * every task left waits for another, the smallest key goes next and its unfinished dependencies are ignored.
 */
final class CriticalPathMath {

  /** Durations are hours; anything closer to zero than this is zero (sums of doubles). */
  static final double EPSILON = 1e-6;

  /** TT1.2 before TT1.10, ST2 before ST10: numbers compare as numbers. */
  static final Comparator<String> KEY_ORDER = CriticalPathMath::compareKeys;

  private static final Pattern NUMBER_OR_TEXT = Pattern.compile("\\d+|\\D+");

  private CriticalPathMath() {}

  /**
   * A task of the graph.
   *
   * @param open still to be done: only open tasks can be critical or on the path (a completed task is history)
   */
  record Node(String key, double duration, boolean open) {}

  /** {@code task} cannot start before {@code dependsOn} finishes. */
  record Edge(String task, String dependsOn) {}

  /** One task's schedule in hours from now (or from the start, for the original and projected lengths). */
  record Schedule(String key, double duration, double earliestStart, double earliestFinish, double latestStart,
      double latestFinish, double slack, boolean critical) {}

  /**
   * @param schedules in the order the tasks can be done (a topological order; smallest key first among equals)
   * @param path the critical path, first to last
   * @param length the longest chain: the project's remaining (or total) duration
   */
  record Result(Map<String, Schedule> schedules, List<String> path, double length) {}

  /** Schedules every node; edges naming a node that is not in the graph are ignored. */
  static Result schedule(Collection<Node> nodes, Collection<Edge> edges) {
    Map<String, Node> byKey = new HashMap<>();
    nodes.forEach(node -> byKey.put(node.key(), node));
    Map<String, List<String>> dependencies = new HashMap<>();
    Map<String, List<String>> dependants = new HashMap<>();
    for (Edge edge : new LinkedHashSet<>(edges)) {
      if (byKey.containsKey(edge.task()) && byKey.containsKey(edge.dependsOn())
          && !edge.task().equals(edge.dependsOn())) {
        dependencies.computeIfAbsent(edge.task(), k -> new ArrayList<>()).add(edge.dependsOn());
        dependants.computeIfAbsent(edge.dependsOn(), k -> new ArrayList<>()).add(edge.task());
      }
    }
    List<String> order = order(byKey.keySet(), dependencies, dependants);
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      position.put(order.get(i), i);
    }

    // Forward pass. An edge counts only from a task placed earlier: that is how a cycle is cut.
    Map<String, Double> earliestStart = new HashMap<>();
    Map<String, Double> earliestFinish = new HashMap<>();
    double length = 0;
    for (String key : order) {
      double start = 0;
      for (String dependency : dependencies.getOrDefault(key, List.of())) {
        if (position.get(dependency) < position.get(key)) {
          start = Math.max(start, earliestFinish.get(dependency));
        }
      }
      earliestStart.put(key, start);
      earliestFinish.put(key, start + duration(byKey.get(key)));
      length = Math.max(length, earliestFinish.get(key));
    }

    // Backward pass.
    Map<String, Double> latestFinish = new HashMap<>();
    Map<String, Double> latestStart = new HashMap<>();
    for (int i = order.size() - 1; i >= 0; i--) {
      String key = order.get(i);
      double finish = length;
      for (String dependant : dependants.getOrDefault(key, List.of())) {
        if (position.get(dependant) > i) {
          finish = Math.min(finish, latestStart.get(dependant));
        }
      }
      latestFinish.put(key, finish);
      latestStart.put(key, finish - duration(byKey.get(key)));
    }

    Map<String, Schedule> schedules = new LinkedHashMap<>();
    for (String key : order) {
      Node node = byKey.get(key);
      double slack = latestStart.get(key) - earliestStart.get(key);
      if (Math.abs(slack) < EPSILON) {
        slack = 0;
      }
      schedules.put(key, new Schedule(key, duration(node), earliestStart.get(key), earliestFinish.get(key),
          latestStart.get(key), latestFinish.get(key), slack, node.open() && slack == 0));
    }
    return new Result(schedules, path(schedules, dependants, position), length);
  }

  /** The longest chain's length, nothing else (original and projected lengths). */
  static double length(Collection<Node> nodes, Collection<Edge> edges) {
    return schedule(nodes, edges).length();
  }

  private static double duration(Node node) {
    return Math.max(0, node.duration());
  }

  /** Kahn's algorithm, the smallest key first among the tasks that may go next; a cycle is cut at its smallest key. */
  private static List<String> order(Collection<String> keys, Map<String, List<String>> dependencies,
      Map<String, List<String>> dependants) {
    Map<String, Integer> waitingFor = new HashMap<>();
    TreeSet<String> left = new TreeSet<>(KEY_ORDER);
    left.addAll(keys);
    PriorityQueue<String> ready = new PriorityQueue<>(KEY_ORDER);
    for (String key : keys) {
      int count = dependencies.getOrDefault(key, List.of()).size();
      waitingFor.put(key, count);
      if (count == 0) {
        ready.add(key);
      }
    }
    List<String> order = new ArrayList<>();
    while (!left.isEmpty()) {
      String next = ready.isEmpty() ? left.first() : ready.poll();
      if (!left.remove(next)) {
        continue;
      }
      order.add(next);
      for (String dependant : dependants.getOrDefault(next, List.of())) {
        if (left.contains(dependant) && waitingFor.merge(dependant, -1, Integer::sum) == 0) {
          ready.add(dependant);
        }
      }
    }
    return order;
  }

  /**
   * From the first open critical task that can start now, follow open critical dependants that start exactly when
   * it finishes, the smallest key at every fork. In CPM every critical task has such a dependant until the end.
   */
  private static List<String> path(Map<String, Schedule> schedules, Map<String, List<String>> dependants,
      Map<String, Integer> position) {
    String current = schedules.values().stream()
        .filter(s -> s.critical() && s.earliestStart() < EPSILON)
        .map(Schedule::key).min(KEY_ORDER).orElse(null);
    List<String> path = new ArrayList<>();
    while (current != null) {
      path.add(current);
      Schedule at = schedules.get(current);
      int here = position.get(current);
      current = dependants.getOrDefault(current, List.of()).stream()
          .filter(d -> position.get(d) > here)
          .map(schedules::get)
          .filter(s -> s.critical() && Math.abs(s.earliestStart() - at.earliestFinish()) < EPSILON)
          .map(Schedule::key).min(KEY_ORDER).orElse(null);
    }
    return path;
  }

  static int compareKeys(String a, String b) {
    Matcher left = NUMBER_OR_TEXT.matcher(a);
    Matcher right = NUMBER_OR_TEXT.matcher(b);
    while (left.find() && right.find()) {
      String x = left.group();
      String y = right.group();
      int result;
      if (Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0))) {
        result = new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y));
      } else {
        result = x.compareTo(y);
      }
      if (result != 0) {
        return result;
      }
    }
    int byLength = Integer.compare(a.length(), b.length());
    return byLength != 0 ? byLength : a.compareTo(b);
  }
}
