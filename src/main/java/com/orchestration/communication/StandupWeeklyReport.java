package com.orchestration.communication;

import com.orchestration.communication.StandupLines.DomainLoad;
import com.orchestration.communication.StandupLines.EscalationLine;
import com.orchestration.communication.StandupLines.InstructionProgress;
import com.orchestration.communication.StandupLines.PersonLoad;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The weekly standup, TL → EM (SPEC §9.4): progress, critical path and slack of every instruction in flight, the
 * capacity overview and the escalations of the week.
 *
 * @param since seven days before the report date (00:00): the week the escalations are counted over
 */
record StandupWeeklyReport(String level, LocalDate date, Instant generatedAt, Instant since,
    List<InstructionProgress> instructions, Capacity capacity, Escalations escalations) {

  /**
   * @param overloaded active ICs in band NO_NEW_WORK or OVERSUBSCRIBED
   */
  record Capacity(DomainLoad system, List<DomainLoad> domains, List<PersonLoad> overloaded) {}

  /**
   * @param opened escalation records opened this week (one per level reached)
   * @param closed records closed this week
   * @param stillOpen every record open now, whenever it was opened
   * @param openedByLevel records opened this week per level
   * @param list the records opened this week, oldest first
   */
  record Escalations(int opened, int closed, int stillOpen, Map<String, Integer> openedByLevel,
      List<EscalationLine> list) {}

  boolean needsAttention() {
    return instructions.stream().anyMatch(i -> "late".equals(i.status()) || "at_risk".equals(i.status()));
  }
}
