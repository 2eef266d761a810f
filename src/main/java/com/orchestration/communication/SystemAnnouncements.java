package com.orchestration.communication;

import com.orchestration.escalation.EscalationLevel;
import com.orchestration.escalation.EscalationOpenedEvent;
import com.orchestration.escalation.EscalationRecord;
import com.orchestration.insight.CriticalPathSlippedEvent;
import com.orchestration.intake.Instruction;
import com.orchestration.intake.InstructionCompletedEvent;
import com.orchestration.intake.InstructionService;
import com.orchestration.intake.StrategicTaskCompletedEvent;
import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.SlaEvent;
import com.orchestration.lifecycle.SlaEventKind;
import com.orchestration.lifecycle.SlaService;
import com.orchestration.lifecycle.SlaThresholdRecordedEvent;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.platform.NotFoundException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the system announces by itself (SPEC §9.2), from the events the recording capabilities publish — SLA
 * thresholds (lifecycle), escalation levels (escalation), strategic-task and instruction completions (intake),
 * critical-path slips (insight) — so those capabilities do not depend on communication. Each listener runs in the
 * recording transaction: the announcement exists exactly when the event was recorded (a rolled-back or retried job
 * leaves no announcement behind), and the live stream delivers it after that transaction commits. Rebalancing moves,
 * incidents and standups are announced by their own capabilities through {@link AnnouncementService#announce}.
 *
 * <table>
 *   <caption>Source → channel</caption>
 *   <tr><th>Source</th><th>Channel</th><th>Type</th><th>Priority</th></tr>
 *   <tr><td>SLA warning</td><td>{@code <domain>-team}</td><td>sla_breach</td><td>normal</td></tr>
 *   <tr><td>SLA breach</td><td>{@code <domain>-team} and {@code tech-leads}</td><td>sla_breach</td><td>high</td></tr>
 *   <tr><td>Escalation at DL</td><td>{@code domain-leads}</td><td>blocker</td><td>task's, at least normal</td></tr>
 *   <tr><td>Escalation at TL / architects</td><td>{@code tech-leads}</td><td>blocker</td><td>task's, at least
 *       high</td></tr>
 *   <tr><td>Escalation at EM</td><td>{@code all} for a critical task, else {@code tech-leads}</td><td>blocker</td>
 *       <td>critical / high</td></tr>
 *   <tr><td>Strategic task completed</td><td>{@code tech-leads} and the ST's {@code <domain>-team}</td>
 *       <td>milestone</td><td>normal</td></tr>
 *   <tr><td>Instruction of tier ≥ 3 completed</td><td>{@code all}</td><td>celebration</td><td>normal</td></tr>
 *   <tr><td>Critical path slipped (DMN critical-path-slip), once per slip</td><td>{@code domain-leads}</td>
 *       <td>priority_change</td><td>high</td></tr>
 * </table>
 */
@Component
class SystemAnnouncements {

  /** Smaller instructions complete every day; celebrating them all would drown {@code all}. */
  static final int CELEBRATED_FROM_TIER = 3;

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final AnnouncementService announcements;
  private final WorkItemService workItems;
  private final SlaService sla;
  private final InstructionService instructions;

  SystemAnnouncements(AnnouncementService announcements, WorkItemService workItems, SlaService sla,
      InstructionService instructions) {
    this.announcements = announcements;
    this.workItems = workItems;
    this.sla = sla;
    this.instructions = instructions;
  }

  @EventListener
  void slaThreshold(SlaThresholdRecordedEvent recorded) {
    SlaEvent event = recorded.event();
    WorkItem item = workItems.get(event.workItemId());
    boolean breach = event.kind() == SlaEventKind.BREACH;
    List<String> targets = breach ? List.of(Channels.team(item.domain()), Channels.TECH_LEADS)
        : List.of(Channels.team(item.domain()));
    String subject = (breach ? "SLA breached: " : "SLA warning: ") + item.qualifiedKey() + " in "
        + event.state() + " — " + item.title();
    String message = (breach
        ? "The escalation threshold of " + event.state() + " ran out at " + time(event.dueAt())
            + "; it is escalated (see the blocker announcement on the leads' channel)."
        : "The warning threshold of " + event.state() + " was reached at " + time(event.dueAt())
            + "; the escalation threshold follows if nothing moves.")
        + " " + describe(item) + " It entered " + event.state() + " at " + time(event.stateEnteredAt()) + ".";
    List<String> actions = new ArrayList<>();
    if (item.assignee() != null) {
      actions.add(item.assignee() + ": " + nextStep(event.state()));
    }
    actions.add("Domain lead of " + item.domain().value() + ": check whether the task needs help or another IC");
    for (String channel : targets) {
      announcements.announce(new Announcement.Draft(channel, AnnouncementType.SLA_BREACH,
          breach ? Priority.HIGH : Priority.NORMAL, subject, message, instructionKeys(item.instructionKey()),
          List.of(item.domain().value()), actions));
    }
    sla.markNotified(event.id(), String.join(", ", targets));
  }

  @EventListener
  void escalated(EscalationOpenedEvent opened) {
    EscalationRecord record = opened.record();
    WorkItem item = workItems.get(record.workItemId());
    Priority taskPriority = item.priority() == null ? Priority.NORMAL : item.priority();
    String channel;
    Priority priority;
    switch (record.level()) {
      case DL -> {
        channel = Channels.DOMAIN_LEADS;
        priority = atLeast(taskPriority, Priority.NORMAL);
      }
      case EM -> {
        boolean critical = taskPriority == Priority.CRITICAL;
        channel = critical ? Channels.ALL : Channels.TECH_LEADS;
        priority = critical ? Priority.CRITICAL : Priority.HIGH;
      }
      default -> {
        channel = Channels.TECH_LEADS;
        priority = atLeast(taskPriority, Priority.HIGH);
      }
    }
    String subject = "Escalated to the " + record.level().title() + ": " + item.qualifiedKey() + " — "
        + item.title() + " (" + record.reasonType().replace('_', ' ') + ")";
    String message = (record.parentEscalationId() == null ? "New escalation" : "Escalation moved up")
        + " of " + item.qualifiedKey() + " (" + item.domain().value() + ", " + item.state() + ", priority "
        + taskPriority.jsonName() + "). Reason: " + record.reasonType()
        + (record.reasonDetail() == null || record.reasonDetail().isBlank() ? "" : " — " + record.reasonDetail())
        + ". Resolver: group " + record.resolverGroup() + ", due " + time(record.dueAt()) + ". "
        + (record.ruleDescription() == null ? "" : "Routed by rule " + record.ruleId() + ": "
            + record.ruleDescription() + ".");
    List<String> actions = List.of("Group " + record.resolverGroup() + ": resolve, reassign, replan"
        + (record.level() == EscalationLevel.DL ? "" : ", cancel") + " or escalate in Tasklist before "
        + time(record.dueAt()));
    announcements.announce(new Announcement.Draft(channel, AnnouncementType.BLOCKER, priority, subject, message,
        instructionKeys(item.instructionKey()), List.of(item.domain().value()), actions));
  }

  @EventListener
  void strategicTaskCompleted(StrategicTaskCompletedEvent completed) {
    WorkItem st = completed.strategicTask();
    List<WorkItem> strategic = workItems.ofInstruction(st.instructionKey()).stream()
        .filter(w -> w.kind() == TaskKind.STRATEGIC && w.state() != TaskState.CANCELLED).toList();
    long done = strategic.stream().filter(w -> w.state() == TaskState.COMPLETED).count();
    String title = instructionTitle(st.instructionKey());
    String subject = "Milestone: " + st.qualifiedKey() + " completed — " + st.title();
    String message = "Strategic task " + st.taskKey() + " (" + st.domain().value() + ") of instruction "
        + st.instructionKey() + (title == null ? "" : " “" + title + "”") + " is completed: its tactical tasks are "
        + "done and its gates passed. " + done + " of " + strategic.size() + " strategic tasks are completed.";
    for (String channel : List.of(Channels.TECH_LEADS, Channels.team(st.domain()))) {
      announcements.announce(new Announcement.Draft(channel, AnnouncementType.MILESTONE, Priority.NORMAL, subject,
          message, instructionKeys(st.instructionKey()), List.of(st.domain().value()), List.of()));
    }
  }

  @EventListener
  void instructionCompleted(InstructionCompletedEvent completed) {
    Instruction instruction = completed.instruction();
    if (instruction.tier() < CELEBRATED_FROM_TIER) {
      return;
    }
    List<WorkItem> items = workItems.ofInstruction(instruction.key());
    List<WorkItem> tactical = items.stream().filter(w -> w.kind() == TaskKind.TACTICAL
        && w.state() == TaskState.COMPLETED).toList();
    List<String> domains = items.stream().map(WorkItem::domain).filter(Objects::nonNull).map(d -> d.value())
        .distinct().sorted().toList();
    List<String> people = tactical.stream().map(WorkItem::assignee).filter(Objects::nonNull).distinct().sorted()
        .toList();
    double hours = tactical.stream().mapToDouble(WorkItem::hoursSpent).sum();
    String subject = "Completed: " + instruction.title() + " (" + instruction.key() + ")";
    String message = "Tier " + instruction.tier() + " instruction " + instruction.key() + " “" + instruction.title()
        + "” is completed" + (instruction.goNoGo() == null ? "" : " (go/no-go: " + instruction.goNoGo() + ")")
        + ": " + tactical.size() + " tasks, " + String.format(java.util.Locale.ROOT, "%.1f", hours)
        + " hours of work" + (domains.isEmpty() ? "" : " across " + String.join(", ", domains)) + "."
        + (people.isEmpty() ? "" : " Thank you, " + String.join(", ", people) + "!");
    announcements.announce(new Announcement.Draft(Channels.ALL, AnnouncementType.CELEBRATION, Priority.NORMAL,
        subject, message, instructionKeys(instruction.key()), domains, List.of()));
  }

  /**
   * A slip may change priorities across domains (the EM reduces scope or moves capacity), so the domain leads hear it
   * first, with what their domains have on the path.
   */
  @EventListener
  void criticalPathSlipped(CriticalPathSlippedEvent slipped) {
    String percent = String.format(java.util.Locale.ROOT, "%+.0f %%", slipped.slipRatio() * 100);
    String title = slipped.instructionTitle() == null ? "" : " — " + slipped.instructionTitle();
    String subject = "Critical path slipped: " + slipped.instructionKey() + title + " (" + percent
        + " over its baseline)";
    String message = "The critical path of " + slipped.instructionKey() + " is projected at "
        + hours(slipped.projectedHours()) + " against a baseline of " + hours(slipped.baselineHours())
        + " (original estimate " + hours(slipped.originalHours()) + "): " + percent + ". Remaining on the path: "
        + hours(slipped.remainingHours()) + (slipped.path().isEmpty() ? "" : " (" + String.join(" → ",
        slipped.path()) + ")") + ", projected completion " + time(slipped.projectedCompletion()) + ". Rule: "
        + slipped.reason() + ". The engineering manager decides in a scope review: accept a new baseline, reduce "
        + "scope or add capacity.";
    List<String> actions = new ArrayList<>();
    actions.add("Engineering manager: decide the scope review of " + slipped.instructionKey() + " in Tasklist");
    if (!slipped.domains().isEmpty()) {
      actions.add("Domain leads of " + String.join(", ", slipped.domains()) + ": check your tasks on the critical "
          + "path and tell the engineering manager what would bring them back");
    }
    announcements.announce(new Announcement.Draft(Channels.DOMAIN_LEADS, AnnouncementType.PRIORITY_CHANGE,
        Priority.HIGH, subject, message, instructionKeys(slipped.instructionKey()), slipped.domains(), actions));
  }

  private static String hours(double hours) {
    return String.format(java.util.Locale.ROOT, "%.1f h", hours);
  }

  private String instructionTitle(String key) {
    try {
      return instructions.get(key).title();
    } catch (NotFoundException e) {
      return null;
    }
  }

  private static String describe(WorkItem item) {
    return item.qualifiedKey() + " (" + item.domain().value() + ", priority "
        + (item.priority() == null ? "normal" : item.priority().jsonName())
        + (item.assignee() == null ? ", unassigned" : ", assigned to " + item.assignee()) + ").";
  }

  private static String nextStep(TaskState state) {
    return switch (state) {
      case ASSIGNED -> "start the task or tell your domain lead why not";
      case IN_PROGRESS -> "send a heartbeat with the remaining hours, or report a blocker";
      case BLOCKED -> "say what would unblock you; the escalation follows";
      case UNDER_REVIEW -> "remind your reviewer";
      case DOMAIN_REVIEW -> "ask your domain lead for the review";
      default -> "move the task on or tell your domain lead";
    };
  }

  /** Keys that are not instruction keys (fixtures, benchmarks) are left out rather than refused. */
  private static List<String> instructionKeys(String key) {
    return AnnouncementService.isInstructionKey(key) ? List.of(key) : List.of();
  }

  private static Priority atLeast(Priority priority, Priority floor) {
    return priority.ordinal() < floor.ordinal() ? priority : floor;
  }

  private static String time(Instant instant) {
    return instant == null ? "—" : TIME.format(instant);
  }
}
