package com.orchestration.lifecycle;

import com.orchestration.platform.PolicyDecisions;
import com.orchestration.platform.Texts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * State SLAs (SPEC §5.3): the durations come from DMN {@code state-sla} (through {@link PolicyDecisions}, so a
 * redeployed table applies at the next call), and every warning and breach that fires is recorded once.
 */
@Service
public class SlaService {

  public static final String DECISION = "state-sla";

  private final PolicyDecisions policies;
  private final SlaEventRepository events;
  private final ApplicationEventPublisher publisher;

  SlaService(PolicyDecisions policies, SlaEventRepository events, ApplicationEventPublisher publisher) {
    this.policies = policies;
    this.events = events;
    this.publisher = publisher;
  }

  /**
   * The SLA of {@code state} for a task of an instruction of {@code tier} with this estimate.
   *
   * @throws IllegalArgumentException for COMPLETED and CANCELLED, which have no SLA
   * @throws IllegalStateException when the deployed table has no row for an open state (a broken table)
   */
  public SlaDurations durations(TaskState state, int tier, double estimateHours) {
    if (state.isTerminal()) {
      throw new IllegalArgumentException("A " + state + " task has no SLA");
    }
    PolicyDecisions.Policy policy = policies.evaluate(DECISION,
        Map.of("state", state.name(), "tier", tier, "estimateHours", estimateHours));
    if (policy.rows().size() != 1) {
      throw new IllegalStateException("Decision '" + DECISION + "' (" + policy.definitionId() + ") must return one "
          + "row for state " + state + ", tier " + tier + "; returned " + policy.rows().size()
          + ". Fix dmn/state-sla.dmn");
    }
    Map<String, Object> row = policy.rows().get(0);
    return new SlaDurations(state, SlaDurations.ofHours(hours(row, "targetHours")),
        SlaDurations.ofHours(hours(row, "warningHours")), SlaDurations.ofHours(hours(row, "escalationHours")),
        (String) row.get("escalationTarget"), (String) row.get("escalationAction"));
  }

  /**
   * Records that a threshold fired, unless it already was for this entry into the state: a retried timer job, or
   * the warning already written by its breach, writes nothing. "Fired at" is the engine clock. A written event is
   * published as {@link SlaThresholdRecordedEvent} in this transaction (the communication capability announces it).
   *
   * @param stateEnteredAt when the task entered {@code state} (variable {@code slaEnteredAt})
   * @return true when the event was written now, false when it was already recorded
   */
  @Transactional
  public boolean record(long workItemId, TaskState state, SlaEventKind kind, Instant stateEnteredAt, Instant dueAt,
      String processInstanceId) {
    if (stateEnteredAt == null || dueAt == null) {
      throw new IllegalArgumentException("An SLA event of task " + workItemId + " in " + state
          + " needs the time the state was entered and the due time; was the SLA loaded when the state was entered?");
    }
    boolean written = events.insertIfAbsent(workItemId, state, kind, stateEnteredAt, dueAt,
        ClockUtil.getCurrentTime().toInstant(), processInstanceId);
    if (written) {
      events.find(workItemId, state, kind, stateEnteredAt)
          .ifPresent(event -> publisher.publishEvent(new SlaThresholdRecordedEvent(event)));
    }
    return written;
  }

  /** Notes who was told about an event (a channel list), shown with the event; at most 200 characters. */
  @Transactional
  public void markNotified(long eventId, String notified) {
    events.markNotified(eventId, Texts.abbreviate(notified, 200));
  }

  /**
   * Records a breach and, first, its warning if that has not fired yet (time jumped past both, or the job executor
   * picked the later job first): every threshold is recorded once and in order (SPEC §15).
   */
  @Transactional
  public boolean recordBreach(long workItemId, TaskState state, Instant stateEnteredAt, Instant warningDue,
      Instant escalationDue, String processInstanceId) {
    if (warningDue != null) {
      record(workItemId, state, SlaEventKind.WARNING, stateEnteredAt, warningDue, processInstanceId);
    }
    return record(workItemId, state, SlaEventKind.BREACH, stateEnteredAt, escalationDue, processInstanceId);
  }

  /** Events in the order they fired, at most 1000; narrow with {@code since}. */
  public List<SlaEvent> events(SlaEventQuery query) {
    return events.find(query);
  }

  public List<SlaEvent> eventsOf(long workItemId) {
    return events.ofWorkItem(workItemId);
  }

  private static Double hours(Map<String, Object> row, String output) {
    Object value = row.get(output);
    return value == null ? null : ((Number) value).doubleValue();
  }
}
