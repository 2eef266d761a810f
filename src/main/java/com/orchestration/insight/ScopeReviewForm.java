package com.orchestration.insight;

import static com.orchestration.insight.ScopeReviewVariables.*;

import com.orchestration.insight.CriticalPathRepository.InstructionRow;
import com.orchestration.insight.SlipRepository.Slip;
import com.orchestration.intake.Instruction;
import com.orchestration.lifecycle.TaskKind;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the EM's form {@code review-scope} shows (SPEC §9.1 delegation context, §10.2): the slip in figures, the
 * critical path as a table, the tasks that may be cancelled. Plain text and Markdown, set once when the review starts
 * (the figures of that moment; the API shows the current ones).
 */
final class ScopeReviewForm {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private ScopeReviewForm() {}

  static Map<String, Object> variables(Slip slip, InstructionRow row, Instruction instruction, CriticalPath path,
      ZoneId zone) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(SLIP_ID, slip.id());
    variables.put(SLIP_NUMBER, slip.slipNumber());
    variables.put(INSTRUCTION_KEY, slip.instructionKey());
    variables.put(INSTRUCTION_TITLE, md(row.title()));
    variables.put(SLIP_SUMMARY, summary(slip, zone));
    variables.put(CRITICAL_PATH_TEXT, table(path));
    List<String> open = path.tasks().stream()
        .filter(t -> t.kind() == TaskKind.TACTICAL && t.state().isOpen()).map(CriticalPath.Task::taskKey).toList();
    variables.put(OPEN_TASKS_TEXT, open.isEmpty() ? "none" : String.join(", ", open));
    variables.put(WHY_IT_MATTERS, "Left as it is, “" + md(row.title()) + "” needs " + h(slip.projectedHours() - slip
        .baselineHours()) + " more on its critical path than its baseline (" + percent(slip.slipRatio())
        + "); projected completion " + time(slip.projectedCompletion(), zone) + ". The domain leads were told on "
        + "domain-leads; they plan against what you decide.");
    variables.put(ACCEPTANCE_CRITERIA, "A plan the domain leads can hold: accept the projection as the new baseline, "
        + "cancel open tasks to bring it back, or start a rebalancing of the domains on the path. Your decision and "
        + "reason are recorded on the instruction (GET /api/instructions/" + slip.instructionKey() + ").");
    variables.put(ESTIMATE_HOURS, slip.baselineHours());
    variables.put(DEADLINE_TEXT, instruction.deadline() == null ? "none" : time(instruction.deadline(), zone));
    variables.put(DEPENDENCIES_TEXT, slip.path().isEmpty() ? "nothing open" : String.join(" → ", slip.path()));
    variables.put(ESCALATION_PATH, "You are the last level of the ladder (EM); ask the tech lead and the domain leads "
        + "of " + (slip.domains().isEmpty() ? "the path" : String.join(", ", slip.domains())) + " for facts.");
    return variables;
  }

  static String summary(Slip slip, ZoneId zone) {
    return "**Projected " + h(slip.projectedHours()) + "** on the critical path against a baseline of "
        + h(slip.baselineHours()) + ": **" + percent(slip.slipRatio()) + "** (original estimate "
        + h(slip.originalHours()) + "). Remaining on the path: " + h(slip.remainingHours())
        + ", projected completion " + time(slip.projectedCompletion(), zone) + ". Rule " + slip.ruleId() + ": "
        + slip.ruleReason() + ".";
  }

  static String table(CriticalPath path) {
    StringBuilder md = new StringBuilder("| task | domain | state | assignee | remaining (calibrated) | slack |\n"
        + "|---|---|---|---|---|---|\n");
    for (CriticalPath.Task t : path.pathTasks()) {
      md.append("| ").append(t.taskKey()).append(" ").append(md(t.title())).append(" | ")
          .append(t.domain() == null ? "—" : t.domain().value()).append(" | ").append(t.state()).append(" | ")
          .append(t.assignee() == null ? "unassigned" : md(t.assignee())).append(" | ").append(h(t.remainingHours()))
          .append(" | ").append(h(t.slackHours())).append(" |\n");
    }
    if (path.path().isEmpty()) {
      md.append("| nothing open | | | | | |\n");
    }
    return md.toString();
  }

  /**
   * Text people typed (titles), as literal text inside the form's Markdown: the characters Markdown reads as syntax
   * are escaped and line breaks become spaces, so a '|' cannot break the table and '[x](…)' or '![x](…)' cannot put a
   * link or an image into the engineering manager's form.
   */
  static String md(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      if (c == '\r' || c == '\n') {
        out.append(' ');
      } else {
        if ("\\`*_{}[]()<>#+-!|~".indexOf(c) >= 0) {
          out.append('\\');
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  static String h(double hours) {
    return String.format(Locale.ROOT, "%.1f h", hours);
  }

  static String percent(double ratio) {
    return String.format(Locale.ROOT, "%+.0f %%", ratio * 100);
  }

  static String time(Instant instant, ZoneId zone) {
    return instant == null ? "—" : TIME.format(instant.atZone(zone)) + " " + zone.getId();
  }
}
