package com.orchestration.communication;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.orchestration.capacity.Band;
import com.orchestration.lifecycle.SlaEventKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.organization.Domain;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The pieces the three report levels share; hours are rounded to 0.01, ratios to 0.001. */
final class StandupLines {

  private StandupLines() {}

  /**
   * One task as a standup lists it.
   *
   * @param progress hours spent / estimate (may pass 1 when the estimate was too low)
   * @param stateSince when the task entered its current state
   */
  record TaskLine(String instructionKey, String taskKey, String title, String assignee, TaskState state,
      double estimateHours, double hoursSpent, double remainingHours, double progress, Instant deadline,
      Instant stateSince, Instant lastHeartbeatAt) {}

  /** Committed vs capacity over the 3-working-day horizon (SPEC §8.3); workload null when there is no capacity. */
  record Utilisation(double committedHours, double capacityHours, Double workload, Band band) {}

  /**
   * A BLOCKED or ESCALATED task, or one with an open escalation.
   *
   * @param reason why it got there (the reason of its last transition into the state)
   * @param escalation the task's newest open escalation, if any
   */
  record Blocker(@JsonIgnore long workItemId, String instructionKey, String taskKey, String assignee,
      TaskState state, Instant since, String reason, EscalationRef escalation) {}

  record EscalationRef(long id, String level, String reasonType, String resolverGroup, Instant openedAt,
      Instant dueAt) {}

  record SlaLine(String instructionKey, String taskKey, String assignee, TaskState state, SlaEventKind kind,
      Instant dueAt, Instant firedAt) {}

  record SilenceLine(String instructionKey, String taskKey, String assignee, Instant silentSince,
      double silentHours) {}

  record PersonRef(String id, String name, Domain domain, String kind) {}

  record TeamLine(String personId, String name, int openTasks, double remainingHours, Double workload, Band band) {}

  record StrategicProgress(String instructionKey, String taskKey, String title, TaskState state, int completedTasks,
      int totalTasks, double progress) {}

  record HandoffLine(long id, String instructionKey, String taskKey, Domain fromDomain, List<String> toDomains,
      String state, Instant startedAt, Instant acceptedAt, int rounds) {}

  record ProjectedMiss(String instructionKey, String taskKey, String assignee, Instant deadline,
      LocalDate projectedFinish) {}

  /**
   * The instruction's critical path (insight's {@code CriticalPathService}, SPEC §10.2): its open tasks with zero
   * slack, first to last, and the path's remaining hours calibrated with the estimate factors.
   */
  record CriticalPath(List<String> tasks, double remainingHours) {}

  /**
   * @param slackHours working hours between now and the deadline minus the critical path's remaining hours; null
   *     when the instruction has no deadline
   * @param status {@code late} (slack below 0), {@code at_risk} (less than one working day), {@code on_track},
   *     {@code no_deadline}
   */
  record InstructionProgress(String instructionKey, String title, Integer tier, String priority, String state,
      Instant deadline, int completedTasks, int totalTasks, double progress, double remainingHours,
      CriticalPath criticalPath, @JsonInclude(JsonInclude.Include.ALWAYS) Double slackHours, String status) {}

  record DomainLoad(Domain domain, double committedHours, double capacityHours, Double utilisation, Band band) {}

  record PersonLoad(String personId, Domain domain, double committedHours, double capacityHours, Double workload,
      Band band) {}

  record EscalationLine(long id, String instructionKey, String taskKey, Domain domain, String level,
      String reasonType, String resolverGroup, Instant openedAt, Instant closedAt, String outcome) {}

  static final String LATE = "late";
  static final String AT_RISK = "at_risk";
  static final String ON_TRACK = "on_track";
  static final String NO_DEADLINE = "no_deadline";

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

  static double hours(double value) {
    return Math.round(value * 100) / 100.0;
  }

  static Double ratio(Double value) {
    return value == null || value.isInfinite() || value.isNaN() ? null : Math.round(value * 1000) / 1000.0;
  }
}
