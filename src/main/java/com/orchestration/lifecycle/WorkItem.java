package com.orchestration.lifecycle;

import com.orchestration.organization.Domain;
import com.orchestration.organization.SkillLevel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A strategic or tactical task as our tables keep it (SPEC §4.4, §4.6, §5.1).
 *
 * @param remainingHours the assignee's latest own estimate of what is left (heartbeat), or null: then the
 *     remaining work is {@code estimate − spent}
 * @param requiredSkills skill → minimum level; a candidate missing one, or below it, cannot take the task
 * @param niceToHaveSkills skills that help but are not needed
 * @param dependencies task keys (same instruction) this task waits for
 */
public record WorkItem(
    long id,
    String instructionKey,
    String taskKey,
    TaskKind kind,
    String parentTaskKey,
    Domain domain,
    String title,
    String description,
    String acceptanceCriteria,
    double estimateHours,
    double hoursSpent,
    Double remainingHours,
    Complexity complexity,
    Priority priority,
    Instant deadline,
    boolean securitySensitive,
    boolean architectural,
    SortedMap<String, SkillLevel> requiredSkills,
    SortedSet<String> niceToHaveSkills,
    List<String> dependencies,
    String assignee,
    TaskState state,
    String processInstanceId,
    Instant createdAt,
    Instant updatedAt,
    int version) {

  public WorkItem {
    requiredSkills = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(requiredSkills));
    niceToHaveSkills = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(niceToHaveSkills));
    dependencies = List.copyOf(dependencies);
  }

  /** This task as a state change (state, assignee, updatedAt, version + 1) leaves it; see WorkItemService. */
  WorkItem changed(TaskState newState, String newAssignee, Instant at) {
    return new WorkItem(id, instructionKey, taskKey, kind, parentTaskKey, domain, title, description,
        acceptanceCriteria, estimateHours, hoursSpent, remainingHours, complexity, priority, deadline,
        securitySensitive, architectural, requiredSkills, niceToHaveSkills, dependencies, newAssignee, newState,
        processInstanceId, createdAt, at, version + 1);
  }

  /** Hours of work left, never below 0 (SPEC §8.3), before any calibration factor. */
  public double remaining() {
    return remainingHours != null ? remainingHours : Math.max(0, estimateHours - hoursSpent);
  }

  /** Every skill the task names, required or nice to have. */
  public Set<String> allSkills() {
    Set<String> all = new TreeSet<>(requiredSkills.keySet());
    all.addAll(niceToHaveSkills);
    return all;
  }

  /** {@code INS-20261124-001/TT1.2}: unique across instructions, used in logs and messages. */
  public String qualifiedKey() {
    return instructionKey + "/" + taskKey;
  }

  /** What a new task needs; ids, state and timestamps are the service's business. */
  public record Draft(
      String instructionKey,
      String taskKey,
      TaskKind kind,
      String parentTaskKey,
      Domain domain,
      String title,
      String description,
      String acceptanceCriteria,
      double estimateHours,
      Complexity complexity,
      Priority priority,
      Instant deadline,
      boolean securitySensitive,
      boolean architectural,
      Map<String, SkillLevel> requiredSkills,
      Set<String> niceToHaveSkills,
      List<String> dependencies) {

    public Draft {
      requiredSkills = requiredSkills == null ? Map.of() : Map.copyOf(requiredSkills);
      niceToHaveSkills = niceToHaveSkills == null ? Set.of() : Set.copyOf(niceToHaveSkills);
      dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    }
  }
}
