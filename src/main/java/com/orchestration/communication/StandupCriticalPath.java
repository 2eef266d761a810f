package com.orchestration.communication;

import com.orchestration.communication.StandupFacts.Edge;
import com.orchestration.communication.StandupFacts.Item;
import com.orchestration.communication.StandupLines.CriticalPath;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A simple critical path for the weekly standup (SPEC §9.4; the insight capability refines it, §10.2): the chain of
 * open tactical tasks of one instruction, linked by dependencies, whose remaining hours (uncalibrated) add up to the
 * most. Completed and cancelled dependencies add nothing. Slack is the working time left until the deadline minus
 * that chain's hours.
 */
final class StandupCriticalPath {

  static final String LATE = "late";
  static final String AT_RISK = "at_risk";
  static final String ON_TRACK = "on_track";
  static final String NO_DEADLINE = "no_deadline";

  private StandupCriticalPath() {}

  /**
   * The longest chain through {@code openTasks} (one instruction's open tactical tasks) along {@code edges}; ties
   * go to the chain ending in the lower id. A cycle (plans reject them, SPEC §15) is cut where it closes.
   */
  static CriticalPath of(Collection<Item> openTasks, Collection<Edge> edges) {
    Map<Long, Item> byId = new HashMap<>();
    for (Item item : openTasks) {
      byId.put(item.id(), item);
    }
    Map<Long, List<Long>> dependencies = new HashMap<>();
    for (Edge edge : edges) {
      if (byId.containsKey(edge.workItemId()) && byId.containsKey(edge.dependsOnId())) {
        dependencies.computeIfAbsent(edge.workItemId(), k -> new ArrayList<>()).add(edge.dependsOnId());
      }
    }
    Map<Long, Double> longest = new HashMap<>();
    Map<Long, Long> previous = new HashMap<>();
    List<Long> ids = new ArrayList<>(byId.keySet());
    Collections.sort(ids);
    Long end = null;
    for (long id : ids) {
      double length = longest(id, byId, dependencies, longest, previous, new HashSet<>());
      if (end == null || length > longest.get(end) + 1e-9) {
        end = id;
      }
    }
    if (end == null) {
      return new CriticalPath(List.of(), 0);
    }
    List<String> chain = new ArrayList<>();
    for (Long at = end; at != null; at = previous.get(at)) {
      chain.add(byId.get(at).taskKey());
    }
    Collections.reverse(chain);
    return new CriticalPath(chain, StandupLines.hours(longest.get(end)));
  }

  private static double longest(long id, Map<Long, Item> byId, Map<Long, List<Long>> dependencies,
      Map<Long, Double> longest, Map<Long, Long> previous, Set<Long> visiting) {
    Double known = longest.get(id);
    if (known != null) {
      return known;
    }
    visiting.add(id);
    double best = 0;
    Long bestPrevious = null;
    List<Long> deps = new ArrayList<>(dependencies.getOrDefault(id, List.of()));
    Collections.sort(deps);
    for (long dep : deps) {
      if (visiting.contains(dep)) {
        continue;
      }
      double length = longest(dep, byId, dependencies, longest, previous, visiting);
      if (bestPrevious == null || length > best + 1e-9) {
        best = length;
        bestPrevious = dep;
      }
    }
    visiting.remove(id);
    double total = best + byId.get(id).remaining();
    longest.put(id, total);
    if (bestPrevious != null) {
      previous.put(id, bestPrevious);
    }
    return total;
  }

  /**
   * Working hours from {@code from} to {@code to}: {@code hoursPerDay} per Monday–Friday in {@code zone}, counted in
   * proportion to the part of the day that lies in between (Tuesday 09:00 → Thursday 09:00 = 2 days = 16 h with 8 h
   * days); weekends count nothing. Negative when {@code to} is before {@code from}.
   */
  static double workingHours(Instant from, Instant to, ZoneId zone, double hoursPerDay) {
    if (to.isBefore(from)) {
      return -workingHours(to, from, zone, hoursPerDay);
    }
    double seconds = 0;
    LocalDate day = LocalDate.ofInstant(from, zone);
    LocalDate last = LocalDate.ofInstant(to, zone);
    for (int guard = 0; !day.isAfter(last) && guard < 40_000; guard++, day = day.plusDays(1)) {
      if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      Instant start = day.atStartOfDay(zone).toInstant();
      Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
      Instant a = start.isBefore(from) ? from : start;
      Instant b = end.isAfter(to) ? to : end;
      if (b.isAfter(a)) {
        seconds += Duration.between(a, b).toMillis() / 1000.0 * (86_400.0 / Duration.between(start, end).getSeconds());
      }
    }
    return seconds / 86_400.0 * hoursPerDay;
  }

  /** {@link #LATE} below 0, {@link #AT_RISK} below one working day, else {@link #ON_TRACK}; no slack, no deadline. */
  static String status(Double slackHours, double hoursPerDay) {
    if (slackHours == null) {
      return NO_DEADLINE;
    }
    if (slackHours < 0) {
      return LATE;
    }
    return slackHours < hoursPerDay ? AT_RISK : ON_TRACK;
  }
}
