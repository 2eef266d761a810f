package com.orchestration.handoff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The checks of "Check handoff package" (SPEC §9.3), without the engine: every mandatory checklist item done, every
 * artifact line well-formed and complete, at least one artifact, a summary, a downstream domain named. Each problem is
 * one line a preparer can act on.
 */
final class HandoffPackage {

  static final List<String> ARTIFACT_TYPES = List.of("documentation", "code", "deployment", "data", "api_contract");
  static final List<String> ARTIFACT_STATUSES = List.of("complete", "in_progress", "missing");
  static final String LINE_FORMAT = "name | type | location | status";

  private HandoffPackage() {}

  /**
   * The items the preparer marked done: a Json array (the form's checklist component), a collection, or text with one
   * item per line (item text or its number in the list; leading "- ", "* ", "[x] " ignored). Normalised to lower case.
   */
  static Set<String> doneEntries(Object value) {
    Set<String> done = new LinkedHashSet<>();
    if (value == null) {
      return done;
    }
    List<String> raw = new ArrayList<>();
    if (value instanceof SpinJsonNode json) {
      if (json.isArray()) {
        json.elements().forEach(e -> raw.add(e.isString() ? e.stringValue() : e.toString()));
      } else if (json.isString()) {
        raw.addAll(json.stringValue().lines().toList());
      }
    } else if (value instanceof Collection<?> list) {
      list.forEach(e -> raw.add(String.valueOf(e)));
    } else {
      raw.addAll(value.toString().lines().toList());
    }
    for (String entry : raw) {
      String cleaned = entry.strip().replaceFirst("^(?:[-*]\\s+|\\[[xX]]\\s*)", "").strip();
      if (!cleaned.isEmpty()) {
        done.add(cleaned.toLowerCase(Locale.ROOT));
      }
    }
    return done;
  }

  static List<ChecklistItem> markDone(List<ChecklistItem> checklist, Object checklistDone) {
    Set<String> done = doneEntries(checklistDone);
    List<ChecklistItem> marked = new ArrayList<>();
    for (int i = 0; i < checklist.size(); i++) {
      ChecklistItem item = checklist.get(i);
      marked.add(item.withDone(done.contains(item.item().toLowerCase(Locale.ROOT))
          || done.contains(String.valueOf(i + 1))));
    }
    return marked;
  }

  /** What is missing, one entry per problem, in the order checklist, artifacts, summary, downstream. */
  static List<String> missing(String summary, String artifacts, List<ChecklistItem> checklist, String toDomains) {
    List<String> missing = new ArrayList<>();
    checklist.stream().filter(i -> i.mandatory() && !i.done())
        .forEach(i -> missing.add("checklist: " + i.item()));
    int count = 0;
    List<String> lines = artifacts == null ? List.of() : artifacts.lines().toList();
    for (int n = 1; n <= lines.size(); n++) {
      String line = lines.get(n - 1).strip();
      if (line.isEmpty()) {
        continue;
      }
      count++;
      String[] parts = line.split("\\|", -1);
      if (parts.length != 4) {
        missing.add("artifact line " + n + ": expected '" + LINE_FORMAT + "' (4 parts separated by |), got '"
            + line + "'");
        continue;
      }
      String name = parts[0].strip();
      String type = parts[1].strip();
      String location = parts[2].strip();
      String status = parts[3].strip();
      String label = "artifact line " + n + " (" + (name.isEmpty() ? "no name" : name) + ")";
      if (name.isEmpty()) {
        missing.add(label + ": name is empty");
      }
      if (!ARTIFACT_TYPES.contains(type)) {
        missing.add(label + ": type '" + type + "' is not one of " + String.join(", ", ARTIFACT_TYPES));
      }
      if (location.isEmpty()) {
        missing.add(label + ": location is empty (a URL, path or repository)");
      }
      if (!ARTIFACT_STATUSES.contains(status)) {
        missing.add(label + ": status '" + status + "' is not one of " + String.join(", ", ARTIFACT_STATUSES));
      } else if (!"complete".equals(status)) {
        missing.add(label + ": status " + status + ", must be complete");
      }
    }
    if (count == 0) {
      missing.add("artifacts: list at least one artifact, one per line: " + LINE_FORMAT);
    }
    if (summary == null || summary.isBlank()) {
      missing.add("summary: say what is handed over");
    }
    if (toDomains == null || toDomains.isBlank()) {
      missing.add("downstream: no downstream domain is named");
    }
    return missing;
  }
}
