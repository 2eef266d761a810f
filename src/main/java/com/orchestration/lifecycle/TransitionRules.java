package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.TaskState.ASSIGNED;
import static com.orchestration.lifecycle.TaskState.BLOCKED;
import static com.orchestration.lifecycle.TaskState.CANCELLED;
import static com.orchestration.lifecycle.TaskState.COMPLETED;
import static com.orchestration.lifecycle.TaskState.DOMAIN_REVIEW;
import static com.orchestration.lifecycle.TaskState.ESCALATED;
import static com.orchestration.lifecycle.TaskState.IN_PLANNING;
import static com.orchestration.lifecycle.TaskState.IN_PROGRESS;
import static com.orchestration.lifecycle.TaskState.PENDING;
import static com.orchestration.lifecycle.TaskState.READY_FOR_HANDOFF;
import static com.orchestration.lifecycle.TaskState.UNDER_REVIEW;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The transitions SPEC §5.2 allows (tactical tasks) plus the strategic-task path of §5.1. Anything else is a bug
 * in a process model or a client, and is refused before it is written. Who may trigger a transition is the
 * business of the process and the API, not of this table.
 */
public final class TransitionRules {

  private static final Map<TaskState, Set<TaskState>> TACTICAL = new EnumMap<>(TaskState.class);
  private static final Map<TaskState, Set<TaskState>> STRATEGIC = new EnumMap<>(TaskState.class);

  static {
    TACTICAL.put(PENDING, EnumSet.of(ASSIGNED, ESCALATED, CANCELLED));
    TACTICAL.put(ASSIGNED, EnumSet.of(IN_PROGRESS, ASSIGNED, ESCALATED, CANCELLED));
    TACTICAL.put(IN_PROGRESS, EnumSet.of(BLOCKED, UNDER_REVIEW, COMPLETED, ESCALATED, CANCELLED));
    TACTICAL.put(BLOCKED, EnumSet.of(IN_PROGRESS, ESCALATED, CANCELLED));
    TACTICAL.put(ESCALATED, EnumSet.of(IN_PROGRESS, ASSIGNED, PENDING, CANCELLED));
    TACTICAL.put(UNDER_REVIEW, EnumSet.of(IN_PROGRESS, DOMAIN_REVIEW, COMPLETED, ESCALATED, CANCELLED));
    TACTICAL.put(DOMAIN_REVIEW, EnumSet.of(IN_PROGRESS, READY_FOR_HANDOFF, COMPLETED, ESCALATED, CANCELLED));
    TACTICAL.put(READY_FOR_HANDOFF, EnumSet.of(COMPLETED, ESCALATED, CANCELLED));
    TACTICAL.put(IN_PLANNING, EnumSet.noneOf(TaskState.class));
    TACTICAL.put(COMPLETED, EnumSet.noneOf(TaskState.class));
    TACTICAL.put(CANCELLED, EnumSet.noneOf(TaskState.class));

    STRATEGIC.put(PENDING, EnumSet.of(IN_PLANNING, CANCELLED));
    STRATEGIC.put(IN_PLANNING, EnumSet.of(IN_PROGRESS, ESCALATED, CANCELLED));
    STRATEGIC.put(IN_PROGRESS, EnumSet.of(IN_PLANNING, COMPLETED, ESCALATED, CANCELLED));
    STRATEGIC.put(ESCALATED, EnumSet.of(IN_PLANNING, IN_PROGRESS, CANCELLED));
    for (TaskState s : TaskState.values()) {
      STRATEGIC.putIfAbsent(s, EnumSet.noneOf(TaskState.class));
    }
  }

  private TransitionRules() {}

  public static boolean allows(TaskKind kind, TaskState from, TaskState to) {
    return (kind == TaskKind.STRATEGIC ? STRATEGIC : TACTICAL).get(from).contains(to);
  }

  public static Set<TaskState> next(TaskKind kind, TaskState from) {
    return EnumSet.copyOf((EnumSet<TaskState>) (kind == TaskKind.STRATEGIC ? STRATEGIC : TACTICAL).get(from));
  }
}
