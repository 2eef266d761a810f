package com.orchestration.lifecycle;

/**
 * An SLA warning or breach was recorded for the first time (SPEC §5.3), published inside the recording transaction
 * so whatever a listener writes (an announcement) commits or rolls back with it. A retried timer job that records
 * nothing publishes nothing.
 */
public record SlaThresholdRecordedEvent(SlaEvent event) {}
