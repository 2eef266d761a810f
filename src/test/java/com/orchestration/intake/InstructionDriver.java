package com.orchestration.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Drives instructions through the engine API as the right personas, as Tasklist would: every user task of the
 * instruction, its strategic tasks, their tactical tasks' lifecycles and the gates they call share the instruction's
 * business key. Jobs run explicitly (job executor off).
 */
@Component
public class InstructionDriver {

  final IntakeService intake;
  final InstructionService instructions;
  final WorkItemService workItems;
  final TaskService tasks;
  final RuntimeService runtime;
  final ManagementService management;
  final ExternalTaskService externalTasks;
  final IdentityService identity;
  final List<String> submitted = new ArrayList<>();

  InstructionDriver(IntakeService intake, InstructionService instructions, WorkItemService workItems,
      TaskService tasks, RuntimeService runtime, ManagementService management, ExternalTaskService externalTasks,
      IdentityService identity) {
    this.intake = intake;
    this.instructions = instructions;
    this.workItems = workItems;
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
    this.externalTasks = externalTasks;
    this.identity = identity;
  }

  public static IntakeRequest request(String title, String workType, List<String> domains, List<String> flags,
      String priority) {
    return new IntakeRequest(title, "Requested in a test", workType, domains, flags, priority, null, false, null);
  }

  public Instruction submit(IntakeRequest request, String user) {
    Instruction instruction = asUser(user, () -> intake.submit(request, user));
    submitted.add(instruction.key());
    return instruction;
  }

  /** Cleans up an instruction submitted some other way (e.g. through the API) with the driver's own. */
  public void track(String key) {
    submitted.add(key);
  }

  public Instruction get(String key) {
    return instructions.get(key);
  }

  /** The single open user task with this definition key, optionally of one ST or TT (variable taskKey). */
  public Task task(String key, String definitionKey, String taskKey) {
    var query = tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(definitionKey);
    if (taskKey != null) {
      query.processVariableValueEquals("taskKey", taskKey);
    }
    Task task = query.singleResult();
    assertThat(task).as("open user task %s of %s %s", definitionKey, key, taskKey == null ? "" : taskKey)
        .isNotNull();
    return task;
  }

  public List<String> openTaskKeys(String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(key).list().stream()
        .map(Task::getTaskDefinitionKey).sorted().toList();
  }

  public void complete(String key, String definitionKey, String taskKey, String user, Map<String, Object> variables) {
    Task task = task(key, definitionKey, taskKey);
    asUser(user, () -> {
      tasks.complete(task.getId(), variables);
      return null;
    });
    runJobs(key);
  }

  public <T> T asUser(String user, java.util.function.Supplier<T> work) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Runs every executable job of the instruction's processes (not timers in the future), as the executor would. */
  public int runJobs(String key) {
    int executed = 0;
    for (int round = 0; round < 500; round++) {
      Set<String> instances = new HashSet<>();
      for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list()) {
        instances.add(pi.getId());
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

  /** Works one tactical task from wherever it is to COMPLETED: the IC, the peer, the DL, handoffs, QA/security. */
  public void finishTactical(String key, String ttKey) {
    for (int step = 0; step < 40; step++) {
      WorkItem item = workItems.get(key, ttKey);
      if (item.state() == TaskState.COMPLETED) {
        return;
      }
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(key)
          .processVariableValueEquals("taskKey", ttKey).list();
      if (open.isEmpty()) {
        ExternalTask external = externalTasks.createExternalTaskQuery().processInstanceId(item.processInstanceId())
            .singleResult();
        assertThat(external).as("%s/%s in %s has neither a user task nor agent work", key, ttKey, item.state())
            .isNotNull();
        externalTasks.lock(external.getId(), item.assignee(), 60_000);
        externalTasks.complete(external.getId(), item.assignee(), Map.of("workOutcome", "submit", "summary",
            "done by the agent", "testsRun", "8 unit tests", "hoursSpent", 1.0));
        runJobs(key);
        continue;
      }
      Task task = open.get(0);
      String def = task.getTaskDefinitionKey();
      switch (def) {
        case "Task_StartWork" -> complete(task, item.assignee(), Map.of("workAccepted", true));
        case "Task_DoWork" -> complete(task, item.assignee(), Map.of("workOutcome", "submit", "summary",
            "Implemented " + ttKey, "testsRun", "10 unit tests: green", "hoursSpent", 1.5));
        case "Task_ReviewCode" -> complete(task, task.getAssignee(), Map.of("peerReviewOutcome", "approve"));
        case "Task_ApproveDomain" -> complete(task, candidate(task),
            Map.of("domainApprovalOutcome", "approve", "domainChecklistConfirmed", true));
        case "Task_PrepareHandoffPackage" -> complete(task, task.getAssignee() != null ? task.getAssignee()
            : item.assignee(), handoffPackage());
        case "Task_ReviewHandoff" -> complete(task, candidate(task), Map.of("handoffDecision", "accept"));
        case "Task_ValidateQuality" -> complete(task, "hannah", qa(100));
        case "Task_ValidateSecurity" -> complete(task, "kofi", Map.of("securityOutcome", "PASS"));
        default -> throw new AssertionError("no persona scripted for " + def + " of " + ttKey);
      }
      runJobs(key);
    }
    throw new AssertionError(key + "/" + ttKey + " did not complete: " + workItems.get(key, ttKey).state());
  }

  /** A person in the task's candidate group (the first by id), e.g. the domain lead of leads-frontend. */
  public String candidate(Task task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (link.getGroupId() != null) {
        return identity.createUserQuery().memberOfGroup(link.getGroupId()).orderByUserId().asc().list().get(0)
            .getId();
      }
    }
    throw new AssertionError("task " + task.getTaskDefinitionKey() + " has no candidate group");
  }

  public void complete(Task task, String user, Map<String, Object> variables) {
    asUser(user, () -> {
      tasks.complete(task.getId(), variables);
      return null;
    });
  }

  public static Map<String, Object> qa(int coverage) {
    Map<String, Object> v = new HashMap<>();
    v.put("qaCoverage", coverage);
    v.put("securityCritical", false);
    v.put("qaOutcome", "PASS");
    return v;
  }

  static Map<String, Object> handoffPackage() {
    Map<String, Object> v = new HashMap<>();
    v.put("artifacts", "change.diff | code | https://git.example/pull/1 | complete");
    v.put("checklistDone", SpinValues.jsonValue("[\"Summary\",\"Artifacts listed\",\"Contact\"]").create());
    v.put("knownIssues", "none");
    v.put("contact", "the assignee");
    v.put("summary", "what was done and how to use it");
    return v;
  }

  /** Validates a finished strategic task (QA, security when sensitive) until it is COMPLETED or waits elsewhere. */
  public void validateStrategic(String key, String stKey) {
    for (int step = 0; step < 5; step++) {
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(key)
          .processVariableValueEquals("taskKey", stKey).list();
      Task task = open.stream().filter(t -> t.getTaskDefinitionKey().startsWith("Task_Validate")).findFirst()
          .orElse(null);
      if (task == null) {
        return;
      }
      complete(task, task.getTaskDefinitionKey().equals("Task_ValidateQuality") ? "hannah" : "kofi",
          task.getTaskDefinitionKey().equals("Task_ValidateQuality") ? qa(100) : Map.of("securityOutcome", "PASS"));
      runJobs(key);
    }
  }

  /**
   * Cancels every instruction this driver submitted that is still open, so no load leaks into other tests, and
   * gives the engine its real clock back.
   */
  public void cleanUp() {
    for (String key : submitted) {
      if (!instructions.get(key).state().isTerminal()) {
        instructions.requestCancel(key, "tom", List.of("tech-leads"), "test cleanup");
      }
    }
    submitted.clear();
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
  }
}
