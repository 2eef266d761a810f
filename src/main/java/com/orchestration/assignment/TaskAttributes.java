package com.orchestration.assignment;

import com.orchestration.lifecycle.Complexity;
import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.organization.Domain;
import com.orchestration.organization.SkillLevel;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What assignment needs to know about a task: a real work item ({@link #of(WorkItem)}) or a hypothetical one from
 * the preview API ("who would get this?").
 *
 * @param requiredSkills skill → minimum level
 * @param deadline optional; shown back, not used by the score
 */
public record TaskAttributes(
    Domain domain,
    SortedMap<String, SkillLevel> requiredSkills,
    SortedSet<String> niceToHaveSkills,
    Complexity complexity,
    Priority priority,
    double estimateHours,
    Instant deadline) {

  public TaskAttributes {
    requiredSkills = java.util.Collections.unmodifiableSortedMap(
        new TreeMap<>(requiredSkills == null ? Map.of() : requiredSkills));
    niceToHaveSkills = java.util.Collections.unmodifiableSortedSet(
        new TreeSet<>(niceToHaveSkills == null ? Set.of() : niceToHaveSkills));
  }

  public static TaskAttributes of(WorkItem item) {
    return new TaskAttributes(item.domain(), item.requiredSkills(), item.niceToHaveSkills(), item.complexity(),
        item.priority(), item.remaining(), item.deadline());
  }

  /** Every skill the task names, required or nice to have. */
  public Set<String> allSkills() {
    Set<String> all = new TreeSet<>(requiredSkills.keySet());
    all.addAll(niceToHaveSkills);
    return all;
  }
}
