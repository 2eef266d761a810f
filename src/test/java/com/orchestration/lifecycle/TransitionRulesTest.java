package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.TaskState.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of SPEC §5.2 is allowed; a selection of tempting shortcuts is not. */
class TransitionRulesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "PENDING, ASSIGNED", "PENDING, ESCALATED", "ASSIGNED, IN_PROGRESS", "ASSIGNED, ASSIGNED",
      "IN_PROGRESS, BLOCKED", "BLOCKED, IN_PROGRESS", "BLOCKED, ESCALATED", "ESCALATED, IN_PROGRESS",
      "ESCALATED, ASSIGNED", "ESCALATED, CANCELLED", "IN_PROGRESS, UNDER_REVIEW", "IN_PROGRESS, COMPLETED",
      "UNDER_REVIEW, IN_PROGRESS", "UNDER_REVIEW, DOMAIN_REVIEW", "DOMAIN_REVIEW, IN_PROGRESS",
      "DOMAIN_REVIEW, READY_FOR_HANDOFF", "DOMAIN_REVIEW, COMPLETED", "READY_FOR_HANDOFF, COMPLETED",
      "PENDING, CANCELLED", "ASSIGNED, CANCELLED", "IN_PROGRESS, CANCELLED", "BLOCKED, CANCELLED",
      "UNDER_REVIEW, CANCELLED", "DOMAIN_REVIEW, CANCELLED", "READY_FOR_HANDOFF, CANCELLED"})
  void allowsEveryTacticalTransitionOfTheSpec(TaskState from, TaskState to) {
    assertThat(TransitionRules.allows(TaskKind.TACTICAL, from, to)).isTrue();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"PENDING, IN_PROGRESS", "PENDING, COMPLETED", "ASSIGNED, UNDER_REVIEW", "BLOCKED, COMPLETED",
      "COMPLETED, IN_PROGRESS", "CANCELLED, PENDING", "READY_FOR_HANDOFF, IN_PROGRESS", "PENDING, IN_PLANNING"})
  void refusesShortcutsAndLeavingATerminalState(TaskState from, TaskState to) {
    assertThat(TransitionRules.allows(TaskKind.TACTICAL, from, to)).isFalse();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"PENDING, IN_PLANNING", "IN_PLANNING, IN_PROGRESS", "IN_PROGRESS, COMPLETED", "IN_PLANNING, CANCELLED"})
  void strategicTasksGoThroughPlanning(TaskState from, TaskState to) {
    assertThat(TransitionRules.allows(TaskKind.STRATEGIC, from, to)).isTrue();
    assertThat(TransitionRules.allows(TaskKind.STRATEGIC, PENDING, ASSIGNED)).isFalse();
  }
}
