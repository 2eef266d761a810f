package com.orchestration.insight;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.organization.Domain;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One instruction's critical path (SPEC §10.2), the {@code GET /api/instructions/{key}/critical-path} resource. Hours
 * are rounded to 0.01, the ratio to 0.001; definitions and formulas in docs/critical-path.md.
 *
 * @param asOf the engine clock when it was computed; hours of the schedule count from this moment
 * @param tasks every task of the graph (tactical tasks, strategic tasks not broken down yet; no cancelled ones), in
 *     an order they can be done in
 * @param path the critical path, first to last: open tasks with zero slack
 * @param remainingHours the path's remaining calibrated hours (the longest chain of what is left)
 * @param originalHours the longest chain by the tasks' original estimates, uncalibrated
 * @param baselineHours what the projection is compared with: originalHours, until the EM accepts a new baseline
 * @param projectedHours the longest chain with actual hours of completed tasks and spent + calibrated remaining hours
 *     of open ones
 * @param slipRatio projectedHours / baselineHours − 1; null when there is no baseline (no tasks)
 * @param projectedCompletion asOf + remainingHours laid onto working days; null when nothing is left to do
 * @param slipping DMN {@code critical-path-slip} says the slip calls for a scope review (SPEC §10.2: > 20 %)
 * @param scopeReview the instruction's latest slip and its scope review, if there was one
 * @param verdict what DMN {@code critical-path-slip} said and why (the slip check records its rule and reason);
 *     null without a slip ratio; not in the JSON
 */
public record CriticalPath(
    String instructionKey,
    Instant asOf,
    List<Task> tasks,
    List<String> path,
    double remainingHours,
    double originalHours,
    double baselineHours,
    double projectedHours,
    @JsonInclude(JsonInclude.Include.ALWAYS) Double slipRatio,
    @JsonInclude(JsonInclude.Include.ALWAYS) Instant projectedCompletion,
    boolean slipping,
    @JsonInclude(JsonInclude.Include.ALWAYS) ScopeReview scopeReview,
    @JsonIgnore SlipPolicy.Verdict verdict) {

  /**
   * One task's schedule in hours from {@code asOf}.
   *
   * @param remainingHours calibrated: max(0, remaining or estimate − spent) × estimateFactor; 0 when completed
   * @param estimateFactor the assignee's factor, or the domain's while nobody holds the task (SPEC §11)
   * @param dependsOn the tasks of the graph it waits for, including those a strategic dependency implies
   * @param processInstanceId the task's lifecycle (Cockpit); null for strategic tasks and unstarted tasks
   * @param userTaskId an open Camunda user task of that lifecycle or of a gate it called (Tasklist), if any
   */
  public record Task(
      String taskKey,
      TaskKind kind,
      String title,
      Domain domain,
      TaskState state,
      @JsonInclude(JsonInclude.Include.ALWAYS) String assignee,
      double remainingHours,
      double estimateFactor,
      double earliestStartHours,
      double earliestFinishHours,
      double latestStartHours,
      double latestFinishHours,
      double slackHours,
      boolean critical,
      List<String> dependsOn,
      @JsonInclude(JsonInclude.Include.ALWAYS) String processInstanceId,
      @JsonInclude(JsonInclude.Include.ALWAYS) String userTaskId) {}

  /**
   * The latest slip of the instruction.
   *
   * @param state OPEN (the EM's scope review waits), ACCEPTED, SCOPE_REDUCED, CAPACITY_ADDED, WITHDRAWN
   * @param processInstanceId the scope-review process instance (Cockpit)
   */
  public record ScopeReview(int slipNumber, String state, Instant detectedAt, double projectedHours,
      double baselineHours, double slipRatio, String processInstanceId) {}

  /** The domains of the open tasks on the path, first appearance first. */
  @JsonIgnore
  public List<Domain> pathDomains() {
    Map<String, Task> byKey = new java.util.HashMap<>();
    tasks.forEach(t -> byKey.put(t.taskKey(), t));
    List<Domain> domains = new ArrayList<>();
    for (String key : path) {
      Domain domain = byKey.get(key).domain();
      if (domain != null && !domains.contains(domain)) {
        domains.add(domain);
      }
    }
    return domains;
  }

  /** The tasks on the path, in path order. */
  @JsonIgnore
  public List<Task> pathTasks() {
    return path.stream().map(key -> tasks.stream().filter(t -> t.taskKey().equals(key)).findFirst().orElse(null))
        .filter(Objects::nonNull).toList();
  }
}
