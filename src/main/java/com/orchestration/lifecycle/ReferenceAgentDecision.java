package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.LifecycleVariables.*;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The reference agent's whole "intelligence" (docs/agents.md): a task whose title, description, why-it-matters or
 * acceptance criteria contain {@value #BLOCK_MARKER} is reported as blocked; anything else is submitted with a
 * summary, a test count and the estimate as hours spent. Pure, so the rule is unit-testable without an engine.
 *
 * @param outcome {@code submit} or {@code block}
 * @param variables exactly the variables the agent completes {@code ic-work} with (the do-work form's contract)
 */
public record ReferenceAgentDecision(String outcome, Map<String, Object> variables) {

  /** Put this in a task's title (or description) to make the reference agent report a blocker. */
  public static final String BLOCK_MARKER = "[agent-block]";

  /** Variables the agent reads; {@code taskDescription} is used when the lifecycle provides it. */
  static final String[] INPUT_VARIABLES = {
      TASK_KEY, TASK_TITLE, ESTIMATE_HOURS, ACCEPTANCE_CRITERIA, WHY_IT_MATTERS, "taskDescription"};

  /**
   * Decides what to complete the task with.
   *
   * @param taskKey e.g. {@code TT1.2}
   * @param title the task title
   * @param description free text that may carry the marker (description, why it matters, acceptance criteria)
   * @param estimateHours the task's estimate; reported as hours spent ({@code null} → 1 h)
   */
  public static ReferenceAgentDecision decide(String taskKey, String title, String description, Number estimateHours) {
    String safeTitle = title == null ? "(untitled)" : title.strip();
    String haystack = (safeTitle + "\n" + (description == null ? "" : description)).toLowerCase(Locale.ROOT);
    Map<String, Object> out = new LinkedHashMap<>();
    if (haystack.contains(BLOCK_MARKER)) {
      out.put(WORK_OUTCOME, "block");
      out.put(BLOCKER_TYPE, "technical_uncertainty");
      out.put(BLOCKER_DESCRIPTION, "The reference agent does not know how to implement " + taskKey + ": "
          + safeTitle + " (the task is marked " + BLOCK_MARKER + ")");
      out.put(BLOCKER_TRIED, "Read the title, the acceptance criteria and the delegation context; "
          + "no automated implementation rule applies");
      return new ReferenceAgentDecision("block", out);
    }
    double hours = estimateHours == null ? 1.0 : estimateHours.doubleValue();
    out.put(WORK_OUTCOME, "submit");
    out.put(SUMMARY, "Automated implementation of " + taskKey + ": " + safeTitle);
    out.put(TESTS_RUN, testCount(hours) + " unit tests passed (reference agent)");
    out.put(HOURS_SPENT, Double.valueOf(hours));
    return new ReferenceAgentDecision("submit", out);
  }

  /** Two tests per estimated hour, at least one: a stand-in that scales with the task. */
  static int testCount(double estimateHours) {
    return Math.max(1, (int) Math.ceil(estimateHours * 2));
  }
}
