package com.orchestration.lifecycle;

import java.util.List;
import java.util.Map;

/**
 * One task as {@code GET /api/tasks/{instructionKey}/{taskKey}} shows it (SPEC §12): every field of the work item,
 * the transition log (oldest first), heartbeats (newest first), SLA events (in the order they fired), and the
 * sections other capabilities add.
 *
 * @param sections what other capabilities contribute, by name ({@code escalations}, {@code reviews},
 *     {@code handoffs}): each is a {@link Section} bean, found by {@link TaskController}; empty until they exist
 */
public record TaskView(WorkItem task, double remainingWork, List<StateTransition> transitions,
    List<Heartbeat> heartbeats, List<SlaEvent> slaEvents, Map<String, Object> sections) {

  /**
   * The extension point for other capabilities: a Spring bean implementing this adds one named section to every
   * task view, e.g. {@code escalations} (escalation), {@code reviews} (review), {@code handoffs} (handoff).
   */
  public interface Section {

    /** The JSON property under {@code sections}, lowerCamelCase. */
    String name();

    /** The section's content for this task (a list or an object); keep it to one query. */
    Object of(WorkItem task);
  }
}
