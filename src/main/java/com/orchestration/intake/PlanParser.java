package com.orchestration.intake;

import com.orchestration.lifecycle.Complexity;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.organization.Domain;
import com.orchestration.organization.SkillLevel;
import com.orchestration.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a plan typed into a form textarea, one task per line (Tasklist 7.24 cannot submit dynamic lists,
 * CAMUNDA-NOTES). The format is documented in {@code docs/plans.md}:
 *
 * <pre>
 * ST1 | backend | 3 | Build the order API | deps: ST2, ST3 | skills: java:advanced | complexity: high | risk: medium | security | criteria: ...
 * TT1.2 | backend | 4 | Write the controller | deps: TT1.1 | skills: java:intermediate | nice: postgresql | security | criteria: ...
 * </pre>
 *
 * The first four parts are positional (key, domain, estimate, description); the rest are {@code name: value}
 * parts or flags in any order. Blank lines and lines starting with {@code #} are ignored. This class checks the
 * syntax only; {@link PlanValidator} checks the plan (keys, dependencies, cycles, ranges, skills).
 */
public final class PlanParser {

  static final Pattern STRATEGIC_KEY = Pattern.compile("ST[1-9][0-9]*");
  static final Pattern TACTICAL_KEY = Pattern.compile("TT[1-9][0-9]*(\\.[1-9][0-9]*)?");

  private static final List<String> STRATEGIC_PARTS =
      List.of("deps:", "skills:", "nice:", "complexity:", "risk:", "criteria:", "security", "architectural");
  private static final List<String> TACTICAL_PARTS =
      List.of("deps:", "skills:", "nice:", "complexity:", "criteria:", "security", "architectural");

  private PlanParser() {}

  /** Parses strategic plan lines (SPEC §4.4); the estimate is in days. */
  public static List<PlanTask> parseStrategic(String text) {
    return parse(text, TaskKind.STRATEGIC);
  }

  /** Parses tactical task lines (SPEC §4.6); the estimate is in hours. */
  public static List<PlanTask> parseTactical(String text) {
    return parse(text, TaskKind.TACTICAL);
  }

  private static List<PlanTask> parse(String text, TaskKind kind) {
    List<PlanTask> tasks = new ArrayList<>();
    if (text == null) {
      return tasks;
    }
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      tasks.add(new Line(kind, i + 1).parse(line));
    }
    return tasks;
  }

  /** One line being parsed; knows its number for the error messages. */
  private static final class Line {

    private final TaskKind kind;
    private final int number;
    private final String field;

    Line(TaskKind kind, int number) {
      this.kind = kind;
      this.number = number;
      this.field = (kind == TaskKind.STRATEGIC ? "strategicTasks" : "tacticalTasks") + " line " + number;
    }

    PlanTask parse(String line) {
      String[] parts = line.split("\\|", -1);
      for (int i = 0; i < parts.length; i++) {
        parts[i] = parts[i].strip();
      }
      boolean strategic = kind == TaskKind.STRATEGIC;
      String unit = strategic ? "days" : "hours";
      if (parts.length < 4) {
        throw error("expected at least 4 parts separated by '|' (<key> | <domain> | <" + unit
            + "> | <description>), found " + parts.length);
      }
      String key = parts[0];
      Pattern keyPattern = strategic ? STRATEGIC_KEY : TACTICAL_KEY;
      if (!keyPattern.matcher(key).matches()) {
        throw error("key: '" + key + "' is not a " + (strategic ? "strategic" : "tactical") + " key; allowed: "
            + (strategic ? "ST<n>, e.g. ST1" : "TT<st>.<n>, e.g. TT1.2 (or TT<n> at tier 2)"));
      }
      Domain domain = Domain.parse(parts[1].toLowerCase(Locale.ROOT)).orElseThrow(() ->
          error("domain: '" + parts[1] + "' is not a domain; allowed: " + Domain.allowed()));
      double estimate;
      try {
        estimate = Double.parseDouble(parts[2]);
      } catch (NumberFormatException e) {
        throw error(unit + ": '" + parts[2] + "' is not a number; allowed: "
            + (strategic ? "1–5 days" : "more than 0 and at most 8 hours"));
      }
      String description = parts[3];
      if (description.isEmpty()) {
        throw error("description: is empty; write what the task delivers");
      }

      List<String> dependencies = List.of();
      Map<String, SkillLevel> skills = Map.of();
      Set<String> nice = Set.of();
      Complexity complexity = null;
      PlanRisk risk = null;
      boolean security = false;
      boolean architectural = false;
      String criteria = null;
      List<String> allowedParts = strategic ? STRATEGIC_PARTS : TACTICAL_PARTS;
      Set<String> seen = new LinkedHashSet<>();
      for (int i = 4; i < parts.length; i++) {
        String part = parts[i];
        if (part.isEmpty()) {
          continue;
        }
        int colon = part.indexOf(':');
        String name = (colon < 0 ? part : part.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        String value = colon < 0 ? null : part.substring(colon + 1).strip();
        String token = colon < 0 ? name : name + ":";
        if (!allowedParts.contains(token)) {
          throw error("'" + part + "' is not a known part; allowed: " + String.join(", ", allowedParts));
        }
        if (!seen.add(name)) {
          throw error(name + ": is given twice");
        }
        switch (name) {
          case "deps" -> dependencies = list(value);
          case "skills" -> skills = skills(value);
          case "nice" -> nice = new LinkedHashSet<>(lowercase(list(value)));
          case "complexity" -> complexity = Complexity.fromJson(value.toLowerCase(Locale.ROOT)).orElseThrow(() ->
              error("complexity: '" + value + "' is not a complexity; allowed: "
                  + String.join(", ", Complexity.jsonNames())));
          case "risk" -> risk = PlanRisk.fromJson(value.toLowerCase(Locale.ROOT)).orElseThrow(() ->
              error("risk: '" + value + "' is not a risk level; allowed: " + PlanRisk.allowed()));
          case "criteria" -> criteria = value.isEmpty() ? null : value;
          case "security" -> security = true;
          case "architectural" -> architectural = true;
          default -> throw new IllegalStateException(name);
        }
      }
      return new PlanTask(kind, key, domain, estimate, description, dependencies, skills, nice, complexity, risk,
          security, architectural, criteria);
    }

    private Map<String, SkillLevel> skills(String value) {
      Map<String, SkillLevel> skills = new LinkedHashMap<>();
      for (String entry : list(value)) {
        int colon = entry.indexOf(':');
        if (colon < 0) {
          throw error("skills: '" + entry + "' has no level; write <skill>:<level>, e.g. " + entry.toLowerCase(Locale.ROOT)
              + ":intermediate; allowed levels: " + SkillLevel.allowed());
        }
        String skill = entry.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String levelText = entry.substring(colon + 1).strip();
        SkillLevel level = SkillLevel.parse(levelText.toLowerCase(Locale.ROOT)).orElseThrow(() ->
            error("skills: '" + levelText + "' is not a level (for " + skill + "); allowed: " + SkillLevel.allowed()));
        if (skills.put(skill, level) != null) {
          throw error("skills: '" + skill + "' is given twice");
        }
      }
      return skills;
    }

    private static List<String> list(String value) {
      List<String> items = new ArrayList<>();
      for (String item : value.split(",")) {
        if (!item.isBlank()) {
          items.add(item.strip());
        }
      }
      return items;
    }

    private static List<String> lowercase(List<String> items) {
      return items.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    private InvalidInputException error(String detail) {
      return new InvalidInputException(field, "line " + number + ", " + detail);
    }
  }
}
