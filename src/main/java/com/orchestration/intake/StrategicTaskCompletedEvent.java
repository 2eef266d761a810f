package com.orchestration.intake;

import com.orchestration.lifecycle.WorkItem;

/**
 * A strategic task reached COMPLETED (its tactical tasks done, its gates passed): a milestone (SPEC §9.2). Published
 * inside the completing transaction; intake does not know who listens (communication announces it).
 */
public record StrategicTaskCompletedEvent(WorkItem strategicTask) {}
