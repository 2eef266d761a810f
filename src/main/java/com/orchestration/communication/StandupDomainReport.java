package com.orchestration.communication;

import com.orchestration.communication.StandupLines.Blocker;
import com.orchestration.communication.StandupLines.HandoffLine;
import com.orchestration.communication.StandupLines.PersonRef;
import com.orchestration.communication.StandupLines.ProjectedMiss;
import com.orchestration.communication.StandupLines.SilenceLine;
import com.orchestration.communication.StandupLines.SlaLine;
import com.orchestration.communication.StandupLines.StrategicProgress;
import com.orchestration.communication.StandupLines.TeamLine;
import com.orchestration.communication.StandupLines.Utilisation;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.organization.Domain;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A domain's daily standup, DL → TL (SPEC §9.4): open tactical tasks per state, completions since the previous
 * working day, progress of the domain's open strategic tasks, team utilisation, blockers, handoffs and risks.
 *
 * @param countsByState open tactical tasks of the domain per state, every open state listed (0 included)
 * @param completedSince tactical tasks of the domain completed since {@code since}
 * @param lead the domain lead, null when the domain has none
 */
record StandupDomainReport(String level, LocalDate date, Instant generatedAt, Instant since, Domain domain,
    PersonRef lead, Map<TaskState, Integer> countsByState, int openTasks, int completedSince,
    Utilisation utilisation, List<TeamLine> team, List<StrategicProgress> strategicTasks, List<Blocker> blockers,
    Handoffs handoffs, Risks risks, List<SlaLine> slaWarnings, List<SilenceLine> missingHeartbeats) {

  /** Handoffs from or to the domain: not yet accepted, and accepted since {@code since}. */
  record Handoffs(List<HandoffLine> open, List<HandoffLine> completed) {}

  /** Tasks the forecast projects past their deadline (SPEC §8.4) and SLA breaches since {@code since}. */
  record Risks(List<ProjectedMiss> projectedMisses, List<SlaLine> slaBreaches) {}

  /** Whether anything happened or is open: idle domains are stored but not announced. */
  boolean isActive() {
    return openTasks > 0 || completedSince > 0 || !strategicTasks.isEmpty() || !blockers.isEmpty()
        || !handoffs.open().isEmpty() || !handoffs.completed().isEmpty() || !risks.slaBreaches().isEmpty()
        || !slaWarnings.isEmpty();
  }

  boolean needsAttention() {
    return !blockers.isEmpty() || !risks.slaBreaches().isEmpty() || !risks.projectedMisses().isEmpty();
  }
}
