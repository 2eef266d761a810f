package com.orchestration.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.organization.Domain;
import com.orchestration.organization.SkillLevel;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Drives task lifecycles in tests the way people do: complete user tasks as a persona (with authorization on),
 * execute due jobs in due order, move the engine clock. Every work item gets its own instruction key.
 */
@Component
public class LifecycleDriver {

  /** A Tuesday, so the 3-working-day capacity horizon holds no weekend surprises. */
  public static final Instant MONDAY_MORNING_PLUS_ONE = Instant.parse("2026-11-24T09:00:00Z");

  final WorkItemService workItems;
  final LifecycleService lifecycle;
  final TaskService tasks;
  final RuntimeService runtime;
  final ManagementService management;
  final IdentityService identity;

  LifecycleDriver(WorkItemService workItems, LifecycleService lifecycle, TaskService tasks, RuntimeService runtime,
      ManagementService management, IdentityService identity) {
    this.workItems = workItems;
    this.lifecycle = lifecycle;
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
    this.identity = identity;
  }

  /** A frontend task only frontend ICs with TypeScript and React qualify for (no agent in that domain). */
  public static WorkItem.Draft frontendTask(String instructionKey, String key, String... dependencies) {
    return draft(instructionKey, key, Domain.FRONTEND, Map.of("typescript", SkillLevel.INTERMEDIATE,
        "react", SkillLevel.INTERMEDIATE), dependencies);
  }

  public static WorkItem.Draft draft(String instructionKey, String key, Domain domain,
      Map<String, SkillLevel> required, String... dependencies) {
    return new WorkItem.Draft(instructionKey, key, TaskKind.TACTICAL, null, domain,
        "Build the order history page " + key, "List, filter and paginate past orders",
        "Keyboard accessible; p95 render < 200 ms", 2, Complexity.MODERATE, Priority.NORMAL, null, false, false,
        required, Set.of(), List.of(dependencies));
  }

  public void startClock() {
    ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING_PLUS_ONE));
  }

  public List<WorkItem> plan(int tier, WorkItem.Draft... drafts) {
    List<WorkItem> created = workItems.createAll(List.of(drafts), "tom", "test plan");
    created.forEach(item -> lifecycle.start(item.id(), tier, "Customers need to see their past orders"));
    return created.stream().map(w -> workItems.get(w.id())).toList();
  }

  public WorkItem reload(WorkItem item) {
    return workItems.get(item.id());
  }

  public String processInstanceId(WorkItem item) {
    return reload(item).processInstanceId();
  }

  public Object variable(WorkItem item, String name) {
    return runtime.getVariable(processInstanceId(item), name);
  }

  /** The lifecycle instance and every instance it called (gates, escalations), depth first. */
  public List<String> instanceTree(WorkItem item) {
    List<String> tree = new java.util.ArrayList<>();
    java.util.Deque<String> open = new java.util.ArrayDeque<>(List.of(processInstanceId(item)));
    while (!open.isEmpty()) {
      String id = open.pop();
      tree.add(id);
      runtime.createProcessInstanceQuery().superProcessInstanceId(id).list().forEach(p -> open.push(p.getId()));
    }
    return tree;
  }

  /** A user task of the task's lifecycle or of a gate it called. */
  public Task task(WorkItem item, String taskDefinitionKey) {
    Task task = tasks.createTaskQuery().processInstanceIdIn(instanceTree(item).toArray(String[]::new))
        .taskDefinitionKey(taskDefinitionKey).singleResult();
    assertThat(task).as("user task %s of %s", taskDefinitionKey, item.qualifiedKey()).isNotNull();
    return task;
  }

  /** Completes the task as {@code user} with their groups, authorization checks on — as Tasklist would. */
  public void complete(WorkItem item, String taskDefinitionKey, String user, Map<String, Object> variables) {
    Task task = task(item, taskDefinitionKey);
    asUser(user, () -> tasks.complete(task.getId(), variables));
  }

  public void asUser(String user, Runnable work) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      work.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * Runs every job due now of these tasks' lifecycles and the instances they called, earliest due date first, as
   * the job executor would. Other tests' leftover jobs are not touched, so time jumps stay local to the test.
   */
  public int executeDueJobs(WorkItem... items) {
    int executed = 0;
    for (int round = 0; round < 200; round++) {
      java.util.Set<String> instances = new java.util.HashSet<>();
      for (WorkItem item : items) {
        instances.addAll(instanceTree(item));
      }
      List<Job> due = management.createJobQuery().executable().orderByJobDuedate().asc().list().stream()
          .filter(job -> instances.contains(job.getProcessInstanceId())).toList();
      if (due.isEmpty()) {
        return executed;
      }
      management.executeJob(due.get(0).getId());
      executed++;
    }
    return executed;
  }

  public void advance(java.time.Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }

  public List<TaskState> states(WorkItem item) {
    return workItems.transitions(item.id()).stream().map(StateTransition::to).toList();
  }

  /** Cancels whatever is still open so its capacity does not leak into other tests. */
  public void cleanUp(List<WorkItem> items) {
    for (WorkItem item : items) {
      WorkItem current = workItems.get(item.id());
      if (current.state().isOpen()) {
        lifecycle.requestCancel(current.instructionKey(), current.taskKey(), "tom", List.of("tech-leads"),
            "test cleanup");
      }
    }
    ClockUtil.reset();
  }
}
