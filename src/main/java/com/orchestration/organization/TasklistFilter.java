package com.orchestration.organization;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The shared Tasklist filters of SPEC §9.1. Stored queries use expressions evaluated for whoever opens the filter
 * ({@code enableExpressionsInStoredQueries}); ad-hoc expressions stay disabled. Who may see each filter is in
 * {@link AuthorizationPolicy}. Filters are found by name, so renaming one here creates a new filter.
 */
enum TasklistFilter {

  MY_TASKS("My tasks", "Tasks assigned to me", -10, "#3b82f6",
      tasks -> tasks.createTaskQuery().taskAssigneeExpression(Expr.ME)),

  MY_TEAMS_OPEN_TASKS("My team's open tasks", "Open tasks offered to any of my groups, assigned or not", -5, "#10b981",
      tasks -> tasks.createTaskQuery().taskCandidateGroupInExpression(Expr.MY_GROUPS).includeAssignedTasks()),

  /**
   * Review tasks are named "Review …" by the gate processes (name-like matches "Review code", "Peer review"); the
   * cross-functional gate's "Validate quality" / "Validate security" are reviews too, found by their process.
   */
  TO_REVIEW("To review", "Reviews and validations assigned to me or offered to my groups and not yet taken", 0,
      "#f59e0b",
      tasks -> tasks.createTaskQuery()
          .or().taskAssigneeExpression(Expr.ME).taskCandidateGroupInExpression(Expr.MY_GROUPS).endOr()
          .or().taskNameLike("%eview%").processDefinitionKey("gate-cross-functional").endOr()),

  ESCALATED_TO_ME("Escalated to me", "Escalations (process 'escalation') assigned to me or routed to my groups", 5,
      "#ef4444",
      tasks -> tasks.createTaskQuery()
          .or().taskAssigneeExpression(Expr.ME).taskCandidateGroupInExpression(Expr.MY_GROUPS).endOr()
          .processDefinitionKey("escalation")),

  OVERDUE("Overdue", "Tasks past their due date (SLA breached) that are mine or offered to my groups", 10, "#7c3aed",
      tasks -> tasks.createTaskQuery()
          .or().taskAssigneeExpression(Expr.ME).taskCandidateGroupInExpression(Expr.MY_GROUPS).includeAssignedTasks()
          .endOr()
          .dueBeforeExpression(Expr.NOW));

  private final String title;
  private final String description;
  private final int priority;
  private final String color;
  private final Function<TaskService, TaskQuery> query;

  TasklistFilter(String title, String description, int priority, String color, Function<TaskService, TaskQuery> query) {
    this.title = title;
    this.description = description;
    this.priority = priority;
    this.color = color;
    this.query = query;
  }

  /** The filter's name in Tasklist, also its identity for the sync. */
  String title() {
    return title;
  }

  TaskQuery query(TaskService tasks) {
    return query.apply(tasks);
  }

  /** The properties Tasklist reads: description, priority (order in the list), color, refresh. */
  Map<String, Object> properties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("refresh", true);
    return properties;
  }

  private static final class Expr {
    static final String ME = "${currentUser()}";
    static final String MY_GROUPS = "${currentUserGroups()}";
    static final String NOW = "${now()}";
  }
}
