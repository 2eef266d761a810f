package com.orchestration.communication;

import com.orchestration.communication.StandupLines.Blocker;
import com.orchestration.communication.StandupLines.InstructionProgress;
import com.orchestration.communication.StandupLines.ProjectedMiss;
import com.orchestration.lifecycle.Priority;
import com.orchestration.platform.Texts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Posts standup summaries to the channels (SPEC §9.2, §9.4) as the system. Daily: each domain with anything open or
 * anything that happened gets its summary in {@code <domain>-team} (the DL and the ICs) and in {@code tech-leads}
 * (DL → TL); idle domains are stored but not announced. Weekly: the summary goes to {@code tech-leads}, which the EM
 * reads (the EM reads every channel). The full reports stay in the API; the summary says where.
 *
 * <p>Type {@code milestone}: §9.2 has no standup type, and a standup is a scheduled checkpoint, the nearest of the
 * seven. Priority {@code high} when the report needs attention (blockers, SLA breaches, projected misses; weekly: a
 * late or at-risk instruction), otherwise {@code normal}.
 */
@Component
class StandupAnnouncer {

  /** AnnouncementService accepts only well-formed instruction keys as affected instructions. */
  private static final Pattern INSTRUCTION_KEY = Pattern.compile("INS-\\d{8}-\\d{3,}");
  private static final int MAX_ACTION_ITEMS = 20;
  private static final int MAX_ACTION_ITEM = 500;
  private static final int MAX_MESSAGE = 10_000;

  private final AnnouncementService announcements;
  private final StandupMarkdown markdown;

  StandupAnnouncer(AnnouncementService announcements, StandupMarkdown markdown) {
    this.announcements = announcements;
    this.markdown = markdown;
  }

  /** @return the number of announcements posted */
  int announce(StandupRun run) {
    int posted = 0;
    for (StandupRun.Report report : run.reports()) {
      if (report.content() instanceof StandupDomainReport domain && domain.isActive()) {
        Announcement.Draft draft = domainDraft(domain);
        announcements.announce(withChannel(draft, Channels.team(domain.domain())));
        announcements.announce(withChannel(draft, Channels.TECH_LEADS));
        posted += 2;
      } else if (report.content() instanceof StandupWeeklyReport weekly) {
        announcements.announce(weeklyDraft(weekly));
        posted++;
      }
    }
    return posted;
  }

  Announcement.Draft domainDraft(StandupDomainReport r) {
    StringBuilder message = new StringBuilder();
    message.append(markdown.countsLine(r)).append('\n');
    message.append("Team utilisation: ").append(markdown.utilisation(r.utilisation())).append('\n');
    if (!r.strategicTasks().isEmpty()) {
      message.append("Strategic tasks: ").append(r.strategicTasks().stream()
          .map(s -> s.instructionKey() + "/" + s.taskKey() + " " + s.completedTasks() + "/" + s.totalTasks())
          .collect(Collectors.joining(", "))).append('\n');
    }
    message.append("Blockers: ").append(r.blockers().size())
        .append(" · SLA warnings: ").append(r.slaWarnings().size())
        .append(" · SLA breaches: ").append(r.risks().slaBreaches().size())
        .append(" · missing heartbeats: ").append(r.missingHeartbeats().size())
        .append(" · projected misses: ").append(r.risks().projectedMisses().size())
        .append(" · open handoffs: ").append(r.handoffs().open().size()).append('\n');
    message.append("Full report: GET /api/standups?date=").append(r.date()).append("&level=domain&domain=")
        .append(r.domain().value()).append(" (Accept: text/markdown for this text in full)");
    List<String> actions = new ArrayList<>();
    Set<String> instructions = new LinkedHashSet<>();
    for (Blocker b : r.blockers()) {
      actions.add("Unblock " + markdown.blockerText(b, true));
      instructions.add(b.instructionKey());
    }
    for (ProjectedMiss m : r.risks().projectedMisses()) {
      actions.add("Re-plan " + m.instructionKey() + "/" + m.taskKey() + " (" + m.assignee() + "): projected to "
          + "finish " + (m.projectedFinish() == null ? "not within a year" : m.projectedFinish()) + ", deadline "
          + markdown.when(m.deadline()));
      instructions.add(m.instructionKey());
    }
    return new Announcement.Draft(null, AnnouncementType.MILESTONE,
        r.needsAttention() ? Priority.HIGH : Priority.NORMAL,
        "Daily standup " + r.date() + " — " + r.domain().value(), Texts.abbreviate(message.toString(), MAX_MESSAGE),
        keys(instructions), List.of(r.domain().value()), actionItems(actions));
  }

  Announcement.Draft weeklyDraft(StandupWeeklyReport r) {
    StringBuilder message = new StringBuilder();
    long late = r.instructions().stream().filter(i -> StandupLines.LATE.equals(i.status())).count();
    long atRisk = r.instructions().stream().filter(i -> StandupLines.AT_RISK.equals(i.status())).count();
    message.append("Instructions in flight: ").append(r.instructions().size()).append(" (late ").append(late)
        .append(", at risk ").append(atRisk).append(")\n");
    StandupLines.DomainLoad system = r.capacity().system();
    message.append("System utilisation: ").append(system.utilisation() == null ? "—"
        : StandupMarkdown.percent(system.utilisation())).append(" (band ").append(StandupMarkdown.band(system.band()))
        .append("); overloaded ICs: ").append(r.capacity().overloaded().size()).append('\n');
    message.append("Escalations this week: opened ").append(r.escalations().opened()).append(", closed ")
        .append(r.escalations().closed()).append(", open now ").append(r.escalations().stillOpen()).append('\n');
    message.append("Full report: GET /api/standups?date=").append(r.date()).append("&level=weekly");
    List<String> actions = new ArrayList<>();
    Set<String> instructions = new LinkedHashSet<>();
    for (InstructionProgress i : r.instructions()) {
      if (StandupLines.LATE.equals(i.status()) || StandupLines.AT_RISK.equals(i.status())) {
        actions.add("Review " + i.instructionKey() + ": " + i.status().replace('_', ' ') + ", slack "
            + StandupMarkdown.h(i.slackHours()) + ", critical path " + String.join(" → ", i.criticalPath().tasks())
            + " (" + StandupMarkdown.h(i.criticalPath().remainingHours()) + ")");
        instructions.add(i.instructionKey());
      }
    }
    return new Announcement.Draft(Channels.TECH_LEADS, AnnouncementType.MILESTONE,
        r.needsAttention() ? Priority.HIGH : Priority.NORMAL, "Weekly standup " + r.date() + " (TL → EM)",
        Texts.abbreviate(message.toString(), MAX_MESSAGE), keys(instructions), List.of(), actionItems(actions));
  }

  private static Announcement.Draft withChannel(Announcement.Draft d, String channel) {
    return new Announcement.Draft(channel, d.type(), d.priority(), d.subject(), d.message(), d.affectedInstructions(),
        d.affectedDomains(), d.actionItems());
  }

  private static List<String> keys(Set<String> instructions) {
    return instructions.stream().filter(k -> k != null && INSTRUCTION_KEY.matcher(k).matches()).limit(50).toList();
  }

  private static List<String> actionItems(List<String> actions) {
    List<String> items = actions.stream().map(a -> Texts.abbreviate(a.replace('\n', ' '), MAX_ACTION_ITEM)).toList();
    if (items.size() <= MAX_ACTION_ITEMS) {
      return items;
    }
    List<String> first = new ArrayList<>(items.subList(0, MAX_ACTION_ITEMS - 1));
    first.add("… and " + (items.size() - first.size()) + " more in the full report");
    return first;
  }

}
