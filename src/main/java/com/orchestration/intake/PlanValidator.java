package com.orchestration.intake;

import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.organization.Domain;
import com.orchestration.organization.SkillLevel;
import com.orchestration.organization.SkillTaxonomy;
import com.orchestration.platform.InvalidInputException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates a strategic plan (SPEC §4.4) or a tactical breakdown (§4.6) — from the textarea ({@link PlanParser})
 * or from JSON alike. Errors throw {@link InvalidInputException} before anything is stored; a task count outside
 * the tier's range is only a warning (§4.4).
 */
public final class PlanValidator {

  /** Strategic days per task (SPEC §4.4). */
  static final double MIN_STRATEGIC_DAYS = 1;
  static final double MAX_STRATEGIC_DAYS = 5;

  /**
   * Task counts per tier, SPEC §4.2 (tier 2: 3–8 tactical; tier 3: 5–15 strategic; tier 4: 10–30 strategic) and
   * §4.6 (a tactical breakdown of one strategic task: 3–10). Outside → warning. A later step may move this to DMN.
   */
  static final Map<Integer, CountRange> STRATEGIC_COUNTS = Map.of(
      3, new CountRange(5, 15),
      4, new CountRange(10, 30));
  static final Map<Integer, CountRange> TACTICAL_COUNTS = Map.of(
      2, new CountRange(3, 8),
      3, new CountRange(3, 10),
      4, new CountRange(3, 10));

  record CountRange(int min, int max) {
    boolean contains(int count) {
      return count >= min && count <= max;
    }
  }

  /** Orders keys by their numbers: ST2 before ST10, TT1.2 before TT1.10. */
  static final Comparator<String> KEY_ORDER = PlanValidator::compareKeys;

  private static final Pattern NUMBER_OR_TEXT = Pattern.compile("\\d+|\\D+");

  /** Longest description or acceptance criteria of one task: the forms' textarea limit. */
  static final int MAX_TEXT = 4000;
  static final int MAX_KEY = 16;

  private PlanValidator() {}

  public static PlanValidation validate(List<PlanTask> tasks, int tier, SkillTaxonomy taxonomy,
      Set<String> existingKeys) {
    return validate(tasks, tier, taxonomy::isKnown, existingKeys);
  }

  /**
   * As {@link #validate(List, int, SkillTaxonomy, Set)}, naming fields after {@code list} (the caller's field:
   * {@code strategicTasks} or {@code tacticalTasks}) even when the first task's key is unreadable.
   */
  public static PlanValidation validate(List<PlanTask> tasks, int tier, SkillTaxonomy taxonomy,
      Set<String> existingKeys, String list) {
    return validate(tasks, tier, taxonomy::isKnown, existingKeys, list);
  }

  /** As {@link #validate(List, int, SkillTaxonomy, Set)} with any test of skill names. */
  public static PlanValidation validate(List<PlanTask> tasks, int tier, Predicate<String> knownSkill,
      Set<String> existingKeys) {
    return validate(tasks, tier, knownSkill, existingKeys, null);
  }

  private static PlanValidation validate(List<PlanTask> tasks, int tier, Predicate<String> knownSkill,
      Set<String> existingKeys, String expectedList) {
    if (tier < 0 || tier > 4) {
      throw new InvalidInputException("tier", "Tier " + tier + " is not a tier; allowed: 0–4");
    }
    Set<String> existing = existingKeys == null ? Set.of() : existingKeys;
    if (tasks == null || tasks.isEmpty()) {
      throw new InvalidInputException("tasks", "The plan has no tasks; write at least one task");
    }
    TaskKind kind = tasks.get(0).kind();
    String list = kind == null && expectedList != null ? expectedList : listName(kind);

    Map<String, Integer> indexOfKey = new LinkedHashMap<>();
    for (int i = 0; i < tasks.size(); i++) {
      PlanTask task = tasks.get(i);
      checkTask(task, i, kind, list, knownSkill);
      Integer first = indexOfKey.putIfAbsent(task.key(), i);
      if (first != null) {
        throw new InvalidInputException(at(list, i, "key"),
            "Duplicate task key '" + task.key() + "' (tasks " + (first + 1) + " and " + (i + 1) + ")");
      }
    }
    for (int i = 0; i < tasks.size(); i++) {
      PlanTask task = tasks.get(i);
      for (String dependency : task.dependencies()) {
        if (!indexOfKey.containsKey(dependency) && !existing.contains(dependency)) {
          throw new InvalidInputException(at(list, i, "dependencies"), "Task " + task.key() + " depends on '"
              + dependency + "', which is neither in this plan nor an existing task");
        }
      }
    }
    List<String> cycle = findCycle(tasks, indexOfKey);
    if (!cycle.isEmpty()) {
      throw new InvalidInputException(at(list, indexOfKey.get(cycle.get(0)), "dependencies"),
          "Dependency cycle: " + String.join(" → ", cycle));
    }

    List<String> warnings = new ArrayList<>();
    countWarning(kind, tier, tasks.size()).ifPresent(warnings::add);
    int parallelGroups = (int) tasks.stream()
        .filter(t -> t.dependencies().stream().noneMatch(indexOfKey::containsKey))
        .count();
    return new PlanValidation(warnings, tasks.size(), parallelGroups);
  }

  private static void checkTask(PlanTask task, int i, TaskKind kind, String list, Predicate<String> knownSkill) {
    String key = task.key();
    if (key != null && key.length() > MAX_KEY) {
      throw new InvalidInputException(at(list, i, "key"), "Task " + (i + 1) + ": a key has at most " + MAX_KEY
          + " characters; allowed: " + (kind == TaskKind.STRATEGIC ? "ST<n>, e.g. ST1" : "TT<st>.<n>, e.g. TT1.2"));
    }
    if (key == null || key.isBlank()) {
      throw new InvalidInputException(at(list, i, "key"), "Task " + (i + 1) + " has no key; allowed: "
          + (kind == TaskKind.TACTICAL ? "TT<st>.<n>, e.g. TT1.2" : "ST<n>, e.g. ST1"));
    }
    if (task.kind() == null) {
      throw new InvalidInputException(at(list, i, "key"),
          "'" + key + "' is not a task key; allowed: ST<n> (strategic) or TT<st>.<n> (tactical)");
    }
    if (task.kind() != kind) {
      throw new InvalidInputException(at(list, i, "kind"), "Task " + key + " is not a " + kindName(kind)
          + " task; a plan holds either strategic (ST<n>) or tactical (TT<st>.<n>) tasks, not both");
    }
    Pattern keyPattern = kind == TaskKind.STRATEGIC ? PlanParser.STRATEGIC_KEY : PlanParser.TACTICAL_KEY;
    if (!keyPattern.matcher(key).matches()) {
      throw new InvalidInputException(at(list, i, "key"), "'" + key + "' is not a " + kindName(kind)
          + " key; allowed: " + (kind == TaskKind.STRATEGIC ? "ST<n>, e.g. ST1" : "TT<st>.<n>, e.g. TT1.2"));
    }
    if (task.domain() == null) {
      throw new InvalidInputException(at(list, i, "domain"),
          "Task " + key + " has no domain; allowed: " + Domain.allowed());
    }
    if (task.description() == null || task.description().isBlank()) {
      throw new InvalidInputException(at(list, i, "description"), "Task " + key + " has no description");
    }
    if (task.description().length() > MAX_TEXT) {
      throw new InvalidInputException(at(list, i, "description"), "Task " + key + ": the description is limited to "
          + MAX_TEXT + " characters (" + task.description().length() + " given)");
    }
    if (task.acceptanceCriteria() != null && task.acceptanceCriteria().length() > MAX_TEXT) {
      throw new InvalidInputException(at(list, i, "acceptanceCriteria"), "Task " + key + ": the acceptance "
          + "criteria are limited to " + MAX_TEXT + " characters (" + task.acceptanceCriteria().length() + " given)");
    }
    double estimate = task.estimate();
    if (kind == TaskKind.TACTICAL) {
      if (!(estimate > 0)) {
        throw new InvalidInputException(at(list, i, "estimate"),
            "Task " + key + ": estimate " + number(estimate) + " h must be more than 0 h");
      }
      if (estimate > WorkItemService.MAX_TACTICAL_ESTIMATE_HOURS) {
        throw new InvalidInputException(at(list, i, "estimate"), "Task " + key + ": estimate " + number(estimate)
            + " h is more than one day (" + number(WorkItemService.MAX_TACTICAL_ESTIMATE_HOURS)
            + " h); split the task");
      }
    } else {
      if (!(estimate > 0)) {
        throw new InvalidInputException(at(list, i, "estimate"),
            "Task " + key + ": estimate " + number(estimate) + " days must be more than 0; allowed: 1–5 days");
      }
      if (estimate < MIN_STRATEGIC_DAYS || estimate > MAX_STRATEGIC_DAYS) {
        throw new InvalidInputException(at(list, i, "estimate"),
            "Task " + key + ": estimate " + number(estimate) + " days is outside 1–5 days");
      }
    }
    for (Map.Entry<String, SkillLevel> skill : task.requiredSkills().entrySet()) {
      requireSkill(knownSkill, at(list, i, "requiredSkills"), key, skill.getKey());
      if (skill.getValue() == null) {
        throw new InvalidInputException(at(list, i, "requiredSkills"), "Task " + key + ": skill '"
            + skill.getKey() + "' has no level; allowed: " + SkillLevel.allowed());
      }
    }
    for (String skill : task.niceToHaveSkills()) {
      requireSkill(knownSkill, at(list, i, "niceToHaveSkills"), key, skill);
    }
  }

  private static void requireSkill(Predicate<String> knownSkill, String field, String key, String skill) {
    if (skill == null || !knownSkill.test(skill)) {
      throw new InvalidInputException(field, "Task " + key + " names the unknown skill '" + skill
          + "'; see GET /api/skills for known skills");
    }
  }

  private static java.util.Optional<String> countWarning(TaskKind kind, int tier, int count) {
    if (kind == TaskKind.STRATEGIC) {
      CountRange range = STRATEGIC_COUNTS.get(tier);
      if (range == null) {
        return java.util.Optional.of("Tier " + tier + " has no strategic planning (tiers 3–4 do); this plan has "
            + count + " strategic tasks");
      }
      return range.contains(count) ? java.util.Optional.empty() : java.util.Optional.of("A tier " + tier
          + " plan has " + range.min() + "–" + range.max() + " strategic tasks; this one has " + count);
    }
    CountRange range = TACTICAL_COUNTS.get(tier);
    if (range == null || range.contains(count)) {
      return java.util.Optional.empty();
    }
    String what = tier == 2 ? "A tier 2 plan has " : "A tactical breakdown at tier " + tier + " has ";
    return java.util.Optional.of(what + range.min() + "–" + range.max() + " tactical tasks; this one has " + count);
  }

  /**
   * The first dependency cycle found by a depth-first search that visits keys (and each task's dependencies) in
   * {@link #KEY_ORDER}; returned starting and ending at its smallest key, in dependency order
   * (A depends on B: A → B). Empty when there is none.
   */
  static List<String> findCycle(List<PlanTask> tasks, Map<String, Integer> indexOfKey) {
    Map<String, List<String>> edges = new HashMap<>();
    for (PlanTask task : tasks) {
      edges.put(task.key(), task.dependencies().stream().filter(indexOfKey::containsKey).distinct()
          .sorted(KEY_ORDER).toList());
    }
    List<String> keys = indexOfKey.keySet().stream().sorted(KEY_ORDER).toList();
    Map<String, Integer> state = new HashMap<>(); // absent: unvisited, 1: on the path, 2: done
    for (String start : keys) {
      if (state.containsKey(start)) {
        continue;
      }
      Deque<String> path = new ArrayDeque<>();
      Deque<java.util.Iterator<String>> next = new ArrayDeque<>();
      path.push(start);
      next.push(edges.get(start).iterator());
      state.put(start, 1);
      while (!path.isEmpty()) {
        java.util.Iterator<String> it = next.peek();
        if (!it.hasNext()) {
          state.put(path.pop(), 2);
          next.pop();
          continue;
        }
        String dependency = it.next();
        Integer s = state.get(dependency);
        if (s == null) {
          path.push(dependency);
          next.push(edges.get(dependency).iterator());
          state.put(dependency, 1);
        } else if (s == 1) {
          List<String> onPath = new ArrayList<>(path);
          Collections.reverse(onPath); // start … current
          List<String> cycle = new ArrayList<>(onPath.subList(onPath.indexOf(dependency), onPath.size()));
          String smallest = Collections.min(cycle, KEY_ORDER);
          Collections.rotate(cycle, -cycle.indexOf(smallest));
          cycle.add(smallest);
          return cycle;
        }
      }
    }
    return List.of();
  }

  static int compareKeys(String a, String b) {
    Matcher ma = NUMBER_OR_TEXT.matcher(a);
    Matcher mb = NUMBER_OR_TEXT.matcher(b);
    while (ma.find() && mb.find()) {
      String ta = ma.group();
      String tb = mb.group();
      int c;
      if (Character.isDigit(ta.charAt(0)) && Character.isDigit(tb.charAt(0))) {
        c = new java.math.BigInteger(ta).compareTo(new java.math.BigInteger(tb));
      } else {
        c = ta.compareTo(tb);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  private static String listName(TaskKind kind) {
    return kind == TaskKind.STRATEGIC ? "strategicTasks" : kind == TaskKind.TACTICAL ? "tacticalTasks" : "tasks";
  }

  private static String kindName(TaskKind kind) {
    return kind == TaskKind.STRATEGIC ? "strategic" : "tactical";
  }

  private static String at(String list, int index, String part) {
    return list + "[" + index + "]." + part;
  }

  private static String number(double value) {
    return value == Math.rint(value) && !Double.isInfinite(value)
        ? Long.toString((long) value) : Double.toString(value);
  }
}
