package com.orchestration.escalation;

import java.time.Instant;

/**
 * One level of one escalation (SPEC §6): who had it, why it went to them, and how it ended there.
 *
 * @param ruleId the {@code escalation-routing} rule that chose this level (its description says why)
 * @param dueAt when this level's SLA runs out; moves on when the last level is reminded
 * @param reminders how often the SLA ran out at the last level (EM), which has no level above it
 * @param outcome null while open; resolved, reassign, replan, cancel, escalated (by hand, with a note),
 *     timeout (the SLA ran out, moved up automatically) or withdrawn (the caller cancelled the escalation)
 * @param parentEscalationId the previous level's record, null for the first level
 */
public record EscalationRecord(
    long id,
    long workItemId,
    String instructionKey,
    String taskKey,
    String reasonType,
    String reasonDetail,
    EscalationLevel level,
    String resolverGroup,
    String ruleId,
    String ruleDescription,
    Instant openedAt,
    Instant dueAt,
    int reminders,
    Instant closedAt,
    String outcome,
    String outcomeNote,
    String resolvedBy,
    String processInstanceId,
    Long parentEscalationId) {

  public boolean open() {
    return closedAt == null;
  }
}
