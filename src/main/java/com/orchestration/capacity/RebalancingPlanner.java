package com.orchestration.capacity;

import com.orchestration.lifecycle.Priority;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The team-rebalancing algorithm of SPEC §8.5, free of database and engine so it is unit-tested directly. For each IC
 * above the cap (most loaded first) it takes their ASSIGNED tasks that have not started, lowest priority first, and
 * moves each to the best eligible IC with room, until the IC is at or under the cap:
 * <ul>
 *   <li>"eligible" and "best" are the assignment ranking's (the {@link Ranker}: skills, availability, workload cap,
 *       caution band, score and its tie-breaks), asked again before every move with the workloads the moves so far
 *       produced, so two moves never count on the same room;</li>
 *   <li>"with room": after the move the target is at or under the cap — nobody is pushed over it;</li>
 *   <li>a task whose remaining hours do not count within the horizon (deadline later) is left alone: moving it
 *       would not lower the workload;</li>
 *   <li>a task nobody can take is reported with every candidate's reason; an IC still above the cap afterwards is
 *       reported in the notes.</li>
 * </ul>
 * Among tasks of equal priority the one due last goes first (no deadline counts as last), then the newest (higher
 * id); so the urgent work stays with the IC who already knows it.
 */
final class RebalancingPlanner {

  static final double EPSILON = 1e-9;

  /** Lowest priority first, then the latest deadline (none = latest), then the newest task. */
  static final Comparator<Queued> MOVE_ORDER = Comparator
      .comparing((Queued q) -> q.priority().ordinal(), Comparator.reverseOrder())
      .thenComparing(Queued::deadline, Comparator.nullsFirst(Comparator.<Instant>reverseOrder()))
      .thenComparing(Queued::workItemId, Comparator.reverseOrder());

  private RebalancingPlanner() {}

  /**
   * An IC the plan moves work from or to, with what capacity counts for them over the horizon.
   *
   * @param estimateFactor the IC's calibrated estimate factor (SPEC §11): a task's remaining hours count that many
   *     times on their plate
   */
  record Ic(String personId, double committedHours, double capacityHours, double estimateFactor, int openTasks) {

    double workload() {
      if (capacityHours > 0) {
        return committedHours / capacityHours;
      }
      return committedHours > EPSILON ? Double.POSITIVE_INFINITY : 0;
    }

    Ic plus(double hours, int tasks) {
      return new Ic(personId, Math.max(0, committedHours + hours), capacityHours, estimateFactor, openTasks + tasks);
    }
  }

  /**
   * A task that could move: ASSIGNED, lifecycle waiting at "Start work", in the domain being rebalanced.
   *
   * @param countsInHorizon its deadline is within the 3-working-day horizon (or it has none)
   */
  record Queued(long workItemId, String instructionKey, String taskKey, String assignee, Priority priority,
      Instant deadline, double remainingHours, boolean countsInHorizon) {

    double hoursFor(Ic ic) {
      return countsInHorizon ? remainingHours * ic.estimateFactor() : 0;
    }
  }

  /** The eligible candidates best first, and every other candidate with why they cannot take the task. */
  record Candidates(List<String> eligibleBestFirst, Map<String, String> excluded) {}

  /** The assignment ranking for one task, given the workloads as the moves so far leave them. */
  @FunctionalInterface
  interface Ranker {
    Candidates rank(Queued task, Map<String, Ic> workloads);
  }

  /** A task of an IC over the cap that stays where it is, and why. */
  record Unmovable(String instructionKey, String taskKey, String assignee, String why) {

    String line() {
      return taskKey + " (" + instructionKey + ") " + assignee + ": " + why;
    }
  }

  /**
   * The proposal: moves in the order they are applied, tasks that cannot move, notes (ICs still over the cap,
   * ICs over the cap with nothing to move), and every IC's workload before and after the moves.
   */
  record Plan(List<RebalancingMove> moves, List<Unmovable> unmovable, List<String> notes,
      Map<String, Double> before, Map<String, Double> after) {

    boolean anyoneOverCap(double cap) {
      return before.values().stream().anyMatch(w -> w > cap + EPSILON);
    }
  }

  static Plan plan(Map<String, Ic> ics, List<Queued> tasks, double cap, Ranker ranker) {
    Map<String, Ic> loads = new LinkedHashMap<>(ics);
    Map<String, Double> before = new LinkedHashMap<>();
    ics.forEach((id, ic) -> before.put(id, ic.workload()));
    List<RebalancingMove> moves = new ArrayList<>();
    List<Unmovable> unmovable = new ArrayList<>();
    List<String> notes = new ArrayList<>();

    List<Ic> overCap = ics.values().stream().filter(ic -> ic.workload() > cap + EPSILON)
        .sorted(Comparator.comparingDouble(Ic::workload).reversed().thenComparing(Ic::personId)).toList();
    for (Ic source : overCap) {
      List<Queued> queue = tasks.stream()
          .filter(t -> t.assignee().equals(source.personId()) && t.countsInHorizon() && t.remainingHours() > EPSILON)
          .sorted(MOVE_ORDER).toList();
      if (queue.isEmpty()) {
        notes.add(source.personId() + " is at " + two(source.workload()) + " (cap " + two(cap) + ") and has no "
            + "ASSIGNED task that has not started and counts within the horizon: nothing to move");
        continue;
      }
      for (Queued task : queue) {
        Ic from = loads.get(source.personId());
        if (from.workload() <= cap + EPSILON) {
          break;
        }
        Candidates candidates = ranker.rank(task, Map.copyOf(loads));
        List<String> why = new ArrayList<>();
        String chosen = null;
        double chosenAfter = 0;
        for (String id : candidates.eligibleBestFirst()) {
          Ic target = loads.get(id);
          if (id.equals(source.personId()) || target == null) {
            continue;
          }
          double after = target.plus(task.hoursFor(target), 1).workload();
          if (after > cap + EPSILON) {
            why.add(id + " would be at " + two(after) + " > " + two(cap));
            continue;
          }
          chosen = id;
          chosenAfter = after;
          break;
        }
        if (chosen == null) {
          candidates.excluded().forEach((id, reason) -> {
            if (!id.equals(source.personId())) {
              why.add(id + ": " + reason);
            }
          });
          unmovable.add(new Unmovable(task.instructionKey(), task.taskKey(), source.personId(),
              why.isEmpty() ? "no other IC in the domain or lent to it" : "nobody eligible with room — "
                  + String.join("; ", why)));
          continue;
        }
        Ic target = loads.get(chosen);
        double removed = task.hoursFor(from);
        Ic fromAfter = from.plus(-removed, -1);
        loads.put(from.personId(), fromAfter);
        loads.put(chosen, target.plus(task.hoursFor(target), 1));
        moves.add(new RebalancingMove(task.instructionKey(), task.taskKey(), from.personId(), chosen, round2(removed),
            from.personId() + " " + two(from.workload()) + " → " + two(fromAfter.workload()) + " (cap " + two(cap)
                + "), " + task.priority().jsonName() + " priority; " + chosen + " " + two(target.workload())
                + " → " + two(chosenAfter)));
      }
      Ic end = loads.get(source.personId());
      if (end.workload() > cap + EPSILON) {
        notes.add(source.personId() + " stays at " + two(end.workload()) + ", above the cap " + two(cap)
            + ", after every possible move");
      }
    }
    Map<String, Double> after = new LinkedHashMap<>();
    loads.forEach((id, ic) -> after.put(id, ic.workload()));
    return new Plan(moves, unmovable, notes, before, after);
  }

  static String two(double value) {
    return Double.isInfinite(value) ? "∞" : String.format(Locale.ROOT, "%.2f", value);
  }

  private static double round2(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
