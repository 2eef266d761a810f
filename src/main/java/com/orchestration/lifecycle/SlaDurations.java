package com.orchestration.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The SLA of one task state as DMN {@code state-sla} answered it (SPEC §5.3), measured from the moment the task
 * entered the state, in wall-clock time.
 *
 * @param warning null when the state has no warning (ESCALATED)
 * @param escalation null when the state has no escalation
 * @param escalationTarget DL, TL or EM; null for ESCALATED, whose next level the escalation process knows
 */
public record SlaDurations(TaskState state, Duration target, Duration warning, Duration escalation,
    String escalationTarget, String escalationAction) {

  /**
   * What the ISO helpers return for a threshold the table leaves empty. A BPMN timer expression cannot be null, so
   * "no timer" is a timer ten years away: it never fires in practice and disappears when the task leaves the state.
   */
  public static final String NO_TIMER = "P3650D";

  /** {@code PT4H}, {@code PT1H30M}: ready for a BPMN {@code timeDuration}. */
  public String warningIso() {
    return iso(warning);
  }

  public String escalationIso() {
    return iso(escalation);
  }

  /** The task's due date in Tasklist while it is in this state (the "Overdue" filter); null without a target. */
  public Date targetDue(Date enteredAt) {
    return due(enteredAt, target);
  }

  static String iso(Duration duration) {
    return duration == null ? NO_TIMER : duration.toString();
  }

  /** Whole seconds, so the ISO form never carries a fraction Modeler or Cockpit would show oddly. */
  static Duration ofHours(Double hours) {
    return hours == null ? null : Duration.ofSeconds(Math.round(hours * 3600));
  }

  private static Date due(Date enteredAt, Duration duration) {
    return duration == null ? null : Date.from(enteredAt.toInstant().plus(duration));
  }

  static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
