package com.orchestration.communication;

import com.orchestration.capacity.Band;
import com.orchestration.capacity.CapacityClock;
import com.orchestration.communication.StandupLines.Blocker;
import com.orchestration.communication.StandupLines.DomainLoad;
import com.orchestration.communication.StandupLines.HandoffLine;
import com.orchestration.communication.StandupLines.InstructionProgress;
import com.orchestration.communication.StandupLines.SilenceLine;
import com.orchestration.communication.StandupLines.SlaLine;
import com.orchestration.communication.StandupLines.TaskLine;
import com.orchestration.communication.StandupLines.Utilisation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The Markdown of each report level, for people (API with {@code Accept: text/markdown}, announcements, the
 * dashboard): the same facts as the JSON, times in {@code orchestration.time-zone}. The summaries posted to the
 * channels are short forms of the same text.
 */
@Component
class StandupMarkdown {

  private static final String NONE = "_none_";

  private final DateTimeFormatter time;

  @Autowired
  StandupMarkdown(CapacityClock clock) {
    this(clock.zone());
  }

  StandupMarkdown(ZoneId zone) {
    this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
  }

  // ------------------------------------------------------------------------------------------------ IC

  String ic(StandupIcReport r) {
    StringBuilder md = new StringBuilder();
    md.append("# Daily standup ").append(r.date()).append(" — ").append(r.person().name()).append(" (")
        .append(r.person().id()).append(r.person().domain() == null ? "" : ", " + r.person().domain().value())
        .append(")\n\n");
    md.append("Utilisation: ").append(utilisation(r.utilisation())).append("\n\n");
    md.append("## Tasks\n\n");
    if (r.tasks().isEmpty()) {
      md.append(NONE).append("\n\n");
    } else {
      md.append("| task | title | state | progress | spent | remaining | deadline |\n");
      md.append("|---|---|---|---|---|---|---|\n");
      for (TaskLine t : r.tasks()) {
        md.append("| ").append(t.instructionKey()).append('/').append(t.taskKey()).append(" | ")
            .append(cell(t.title())).append(" | ").append(t.state()).append(" | ").append(percent(t.progress()))
            .append(" | ").append(h(t.hoursSpent())).append(" | ").append(h(t.remainingHours())).append(" | ")
            .append(when(t.deadline())).append(" |\n");
      }
      md.append('\n');
    }
    md.append("Totals: ").append(r.totals().openTasks()).append(r.totals().openTasks() == 1 ? " open task, " : " open tasks, ")
        .append(h(r.totals().hoursSpent())).append(" spent, ").append(h(r.totals().remainingHours()))
        .append(" remaining.\n\n");
    md.append("## Completed since ").append(day(r.since())).append("\n\n");
    if (r.completed().isEmpty()) {
      md.append(NONE).append('\n');
    }
    for (TaskLine t : r.completed()) {
      md.append("- ").append(t.instructionKey()).append('/').append(t.taskKey()).append(" — ").append(t.title())
          .append(" (").append(h(t.hoursSpent())).append(" spent of ").append(h(t.estimateHours()))
          .append(" estimated)\n");
    }
    md.append('\n');
    blockers(md, r.blockers(), false);
    sla(md, "SLA warnings and breaches", r.slaWarnings());
    silences(md, r.missingHeartbeats(), false);
    return md.toString();
  }

  // ------------------------------------------------------------------------------------------------ domain

  String domain(StandupDomainReport r) {
    StringBuilder md = new StringBuilder();
    md.append("# Daily standup ").append(r.date()).append(" — ").append(r.domain().value()).append(" (DL ")
        .append(r.lead() == null ? "none" : r.lead().name()).append(" → TL)\n\n");
    md.append(countsLine(r)).append("\n\n");
    md.append("Team utilisation: ").append(utilisation(r.utilisation())).append("\n\n");
    md.append("## Team\n\n");
    if (r.team().isEmpty()) {
      md.append(NONE).append("\n\n");
    } else {
      md.append("| IC | open tasks | remaining | workload | band |\n|---|---|---|---|---|\n");
      r.team().forEach(t -> md.append("| ").append(t.personId()).append(" | ").append(t.openTasks()).append(" | ")
          .append(h(t.remainingHours())).append(" | ").append(t.workload() == null ? "—" : percent(t.workload()))
          .append(" | ").append(band(t.band())).append(" |\n"));
      md.append('\n');
    }
    md.append("## Strategic tasks\n\n");
    if (r.strategicTasks().isEmpty()) {
      md.append(NONE).append('\n');
    }
    r.strategicTasks().forEach(s -> md.append("- ").append(s.instructionKey()).append('/').append(s.taskKey())
        .append(" — ").append(s.title()).append(": ").append(s.completedTasks()).append('/').append(s.totalTasks())
        .append(" tactical tasks completed (").append(percent(s.progress())).append("), ").append(s.state())
        .append('\n'));
    md.append('\n');
    blockers(md, r.blockers(), true);
    md.append("## Handoffs\n\n");
    if (r.handoffs().open().isEmpty() && r.handoffs().completed().isEmpty()) {
      md.append(NONE).append('\n');
    }
    r.handoffs().open().forEach(hl -> handoff(md, hl));
    r.handoffs().completed().forEach(hl -> handoff(md, hl));
    md.append('\n');
    md.append("## Risks\n\n");
    if (r.risks().projectedMisses().isEmpty() && r.risks().slaBreaches().isEmpty()) {
      md.append(NONE).append('\n');
    }
    r.risks().projectedMisses().forEach(m -> md.append("- Projected to miss its deadline: ")
        .append(m.instructionKey()).append('/').append(m.taskKey()).append(" (").append(m.assignee())
        .append(") — deadline ").append(when(m.deadline())).append(", projected finish ")
        .append(m.projectedFinish() == null ? "not within a year" : m.projectedFinish()).append('\n'));
    r.risks().slaBreaches().forEach(e -> md.append("- SLA breach: ").append(slaText(e)).append('\n'));
    md.append('\n');
    sla(md, "SLA warnings", r.slaWarnings());
    silences(md, r.missingHeartbeats(), true);
    return md.toString();
  }

  /** "Open tasks by state: ASSIGNED 1, … (5 open); completed since 2031-03-10: 1" — only states with tasks. */
  String countsLine(StandupDomainReport r) {
    String states = r.countsByState().entrySet().stream().filter(e -> e.getValue() > 0)
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    return "Open tasks by state: " + (states.isEmpty() ? "none" : states) + " (" + r.openTasks() + " open); "
        + "completed since " + day(r.since()) + ": " + r.completedSince();
  }

  // ------------------------------------------------------------------------------------------------ weekly

  String weekly(StandupWeeklyReport r) {
    StringBuilder md = new StringBuilder();
    md.append("# Weekly standup ").append(r.date()).append(" (TL → EM)\n\n");
    md.append("## Instructions\n\n");
    if (r.instructions().isEmpty()) {
      md.append(NONE).append("\n\n");
    } else {
      md.append("| instruction | title | state | progress | remaining | critical path | slack | status |\n");
      md.append("|---|---|---|---|---|---|---|---|\n");
      for (InstructionProgress i : r.instructions()) {
        md.append("| ").append(i.instructionKey()).append(" | ").append(cell(i.title())).append(" | ")
            .append(i.state() == null ? "—" : i.state()).append(" | ").append(i.completedTasks()).append('/')
            .append(i.totalTasks()).append(" (").append(percent(i.progress())).append(") | ")
            .append(h(i.remainingHours())).append(" | ")
            .append(i.criticalPath().tasks().isEmpty() ? "—" : String.join(" → ", i.criticalPath().tasks())
                + " (" + h(i.criticalPath().remainingHours()) + ")")
            .append(" | ").append(i.slackHours() == null ? "—" : h(i.slackHours())).append(" | ")
            .append(i.status()).append(" |\n");
      }
      md.append('\n');
    }
    md.append("## Capacity\n\n");
    DomainLoad system = r.capacity().system();
    md.append("System: ").append(load(system)).append("\n\n");
    md.append("| domain | committed | capacity | utilisation | band |\n|---|---|---|---|---|\n");
    r.capacity().domains().forEach(d -> md.append("| ").append(d.domain().value()).append(" | ")
        .append(h(d.committedHours())).append(" | ").append(h(d.capacityHours())).append(" | ")
        .append(d.utilisation() == null ? "—" : percent(d.utilisation())).append(" | ").append(band(d.band()))
        .append(" |\n"));
    md.append('\n');
    md.append("Overloaded ICs: ").append(r.capacity().overloaded().isEmpty() ? "none" : r.capacity().overloaded()
        .stream().map(p -> p.personId() + " " + (p.workload() == null ? "—" : percent(p.workload())) + " ("
            + band(p.band()) + ")").collect(Collectors.joining(", "))).append("\n\n");
    StandupWeeklyReport.Escalations e = r.escalations();
    md.append("## Escalations of the week (since ").append(day(r.since())).append(")\n\n");
    md.append("Opened ").append(e.opened()).append(", closed ").append(e.closed()).append(", open now ")
        .append(e.stillOpen()).append(byLevel(e.openedByLevel())).append("\n\n");
    e.list().forEach(l -> md.append("- ").append(l.instructionKey()).append('/').append(l.taskKey()).append(" — ")
        .append(l.level()).append(" (").append(l.resolverGroup()).append("), ").append(l.reasonType())
        .append(", opened ").append(when(l.openedAt())).append(l.closedAt() == null ? ", open"
            : ", closed " + when(l.closedAt()) + " (" + l.outcome() + ")").append('\n'));
    if (!e.list().isEmpty()) {
      md.append('\n');
    }
    return md.toString();
  }

  // ------------------------------------------------------------------------------------------------ parts

  private void blockers(StringBuilder md, List<Blocker> blockers, boolean withAssignee) {
    md.append("## Blockers\n\n");
    if (blockers.isEmpty()) {
      md.append(NONE).append('\n');
    }
    for (Blocker b : blockers) {
      md.append("- ").append(blockerText(b, withAssignee)).append('\n');
    }
    md.append('\n');
  }

  String blockerText(Blocker b, boolean withAssignee) {
    StringBuilder text = new StringBuilder(b.instructionKey() + "/" + b.taskKey());
    if (withAssignee) {
      text.append(" (").append(b.assignee() == null ? "unassigned" : b.assignee()).append(')');
    }
    text.append(' ').append(b.state()).append(" since ").append(when(b.since()));
    if (b.reason() != null && !b.reason().isBlank()) {
      text.append(" — ").append(b.reason().replace('\n', ' '));
    }
    if (b.escalation() != null) {
      text.append(" — escalated to ").append(b.escalation().level()).append(" (")
          .append(b.escalation().resolverGroup()).append("), due ").append(when(b.escalation().dueAt()));
    }
    return text.toString();
  }

  private void sla(StringBuilder md, String title, List<SlaLine> events) {
    md.append("## ").append(title).append("\n\n");
    if (events.isEmpty()) {
      md.append(NONE).append('\n');
    }
    events.forEach(e -> md.append("- ").append(slaText(e)).append('\n'));
    md.append('\n');
  }

  private String slaText(SlaLine e) {
    return e.instructionKey() + "/" + e.taskKey() + (e.assignee() == null ? "" : " (" + e.assignee() + ")") + " "
        + e.state() + " " + e.kind().name().toLowerCase(Locale.ROOT) + " at " + when(e.firedAt()) + " (due "
        + when(e.dueAt()) + ")";
  }

  private void silences(StringBuilder md, List<SilenceLine> silences, boolean withAssignee) {
    md.append("## Missing heartbeats\n\n");
    if (silences.isEmpty()) {
      md.append(NONE).append('\n');
    }
    silences.forEach(s -> md.append("- ").append(s.instructionKey()).append('/').append(s.taskKey())
        .append(withAssignee ? " (" + s.assignee() + ")" : "").append(" silent for ").append(h(s.silentHours()))
        .append(" (since ").append(when(s.silentSince())).append(")\n"));
    md.append('\n');
  }

  private void handoff(StringBuilder md, HandoffLine h) {
    md.append("- ").append(h.instructionKey()).append('/').append(h.taskKey()).append(' ')
        .append(h.fromDomain() == null ? "?" : h.fromDomain().value()).append(" → ")
        .append(String.join(", ", h.toDomains())).append(": ").append(h.state())
        .append("ACCEPTED".equals(h.state()) ? " " + when(h.acceptedAt()) : " since " + when(h.startedAt()))
        .append(h.rounds() > 0 ? ", " + h.rounds() + " round(s) back to the preparer" : "").append('\n');
  }

  String utilisation(Utilisation u) {
    if (u == null) {
      return "unknown";
    }
    return (u.workload() == null ? "no capacity in the horizon" : percent(u.workload())) + " (" + h(u.committedHours())
        + " committed of " + h(u.capacityHours()) + " over 3 working days, band " + band(u.band()) + ")";
  }

  private String load(DomainLoad d) {
    return (d.utilisation() == null ? "—" : percent(d.utilisation())) + " (" + h(d.committedHours()) + " of "
        + h(d.capacityHours()) + ", band " + band(d.band()) + ")";
  }

  private static String byLevel(Map<String, Integer> byLevel) {
    return byLevel.isEmpty() ? "" : "; opened by level: " + byLevel.entrySet().stream()
        .map(en -> en.getKey() + " " + en.getValue()).collect(Collectors.joining(", "));
  }

  static String band(Band band) {
    return band == null ? "—" : band.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  static String h(double hours) {
    return String.format(Locale.ROOT, "%.1f h", hours);
  }

  static String percent(double ratio) {
    return Math.round(ratio * 100) + "%";
  }

  String when(Instant instant) {
    return instant == null ? "—" : time.format(instant);
  }

  private LocalDate day(Instant instant) {
    return LocalDate.ofInstant(instant, time.getZone());
  }

  private static String cell(String text) {
    return text == null ? "—" : text.replace('|', '/').replace('\n', ' ');
  }
}
