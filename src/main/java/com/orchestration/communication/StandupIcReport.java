package com.orchestration.communication;

import com.orchestration.communication.StandupLines.Blocker;
import com.orchestration.communication.StandupLines.PersonRef;
import com.orchestration.communication.StandupLines.SilenceLine;
import com.orchestration.communication.StandupLines.SlaLine;
import com.orchestration.communication.StandupLines.TaskLine;
import com.orchestration.communication.StandupLines.Utilisation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One IC's daily standup (SPEC §9.4): open tasks with state, progress, hours spent and remaining; what they completed
 * since the previous working day; blockers; SLA warnings and breaches fired since then; missing heartbeats;
 * utilisation.
 *
 * @param since start of the previous working day: completions and SLA events from then on are listed
 * @param utilisation null for an IC the capacity model does not know (inactive)
 */
record StandupIcReport(String level, LocalDate date, Instant generatedAt, Instant since, PersonRef person,
    Utilisation utilisation, Totals totals, List<TaskLine> tasks, List<TaskLine> completed, List<Blocker> blockers,
    List<SlaLine> slaWarnings, List<SilenceLine> missingHeartbeats) {

  /** Over the open tasks. */
  record Totals(int openTasks, double hoursSpent, double remainingHours) {}
}
