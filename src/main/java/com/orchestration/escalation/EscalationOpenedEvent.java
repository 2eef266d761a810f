package com.orchestration.escalation;

import com.orchestration.organization.Domain;

/**
 * An escalation reached a level (the first one, or the next after a timeout or a hand-over), published inside the
 * transaction that opened the record so a listener's writes (an announcement) commit or roll back with it.
 *
 * @param domain the escalated task's domain (which domain lead, which team)
 */
public record EscalationOpenedEvent(EscalationRecord record, Domain domain) {}
