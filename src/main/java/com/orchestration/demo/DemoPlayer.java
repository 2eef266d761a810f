package com.orchestration.demo;

import com.orchestration.communication.Announcement;
import com.orchestration.communication.AnnouncementService;
import com.orchestration.communication.AnnouncementType;
import com.orchestration.intake.Instruction;
import com.orchestration.intake.IntakeRequest;
import com.orchestration.intake.IntakeService;
import com.orchestration.lifecycle.HeartbeatRequest;
import com.orchestration.lifecycle.HeartbeatService;
import com.orchestration.lifecycle.LifecycleService;
import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * What a person does in Tasklist, and what the job executor does meanwhile, for the demo story: the engine clock is
 * set to a moment of the story, the person's user task is claimed and completed as that person (their groups, Camunda
 * authorization on), and every job that fell due up to that moment runs in due order with the clock at its due time
 * — so SLA timers fire when they would have, and each fires once. Nothing here decides anything: assignment,
 * reviewers, SLAs and escalations are the processes' own.
 */
@Component
@Profile("demo")
class DemoPlayer {

  private static final Logger log = LoggerFactory.getLogger(DemoPlayer.class);
  /** Enough for every job of the story (hourly dependency re-checks included) with room to spare. */
  private static final int MAX_JOBS_PER_STEP = 5_000;

  private final IntakeService intake;
  private final WorkItemService workItems;
  private final LifecycleService lifecycle;
  private final HeartbeatService heartbeats;
  private final AnnouncementService announcements;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final ExternalTaskService externalTasks;
  private final IdentityService identity;
  private Instant now;

  DemoPlayer(IntakeService intake, WorkItemService workItems, LifecycleService lifecycle, HeartbeatService heartbeats,
      AnnouncementService announcements, TaskService tasks, RuntimeService runtime, ManagementService management,
      ExternalTaskService externalTasks, IdentityService identity) {
    this.intake = intake;
    this.workItems = workItems;
    this.lifecycle = lifecycle;
    this.heartbeats = heartbeats;
    this.announcements = announcements;
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
    this.externalTasks = externalTasks;
    this.identity = identity;
  }

  /** The story's present: the real time when the demo starts; everything else happens hours before it. */
  void startStory(Instant present, Duration lookBack) {
    now = present;
    ClockUtil.setCurrentTime(Date.from(present.minus(lookBack)));
  }

  Instant present() {
    return now;
  }

  /** Moves the story to {@code hours} before the present, running every job that fell due on the way. */
  void at(double hours) {
    advanceTo(now.minusSeconds(Math.round(hours * 3600)));
  }

  /** Moves the story to the present. */
  void atPresent() {
    advanceTo(now);
  }

  private void advanceTo(Instant target) {
    Instant current = ClockUtil.getCurrentTime().toInstant();
    if (target.isBefore(current)) {
      throw new IllegalStateException("the story runs forward: " + target + " is before " + current);
    }
    for (int executed = 0; executed < MAX_JOBS_PER_STEP; executed++) {
      ClockUtil.setCurrentTime(Date.from(target));
      List<Job> due = management.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 1);
      if (due.isEmpty()) {
        ClockUtil.setCurrentTime(Date.from(target));
        return;
      }
      Job job = due.get(0);
      Instant at = job.getDuedate() == null ? current : job.getDuedate().toInstant();
      current = at.isAfter(current) ? at : current;
      ClockUtil.setCurrentTime(Date.from(current));
      try {
        management.executeJob(job.getId());
      } catch (RuntimeException e) {
        // The engine has recorded the failure (retries, then a Cockpit incident); the story goes on.
        log.warn("Demo: job {} failed at {}: {}", job.getId(), current, e.getMessage());
      }
    }
    throw new IllegalStateException("more than " + MAX_JOBS_PER_STEP + " jobs fell due before " + target);
  }

  // ----------------------------------------------------------------------------------------------- people

  <T> T as(String user, Supplier<T> work) {
    identity.setAuthentication(user, groupsOf(user));
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  List<String> groupsOf(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  String submit(String user, IntakeRequest request) {
    Instruction instruction = as(user, () -> intake.submit(request, user));
    log.info("Demo: {} submitted {} (tier {}): {}", user, instruction.key(), instruction.tier(), request.title());
    return instruction.key();
  }

  /**
   * Claims (when it is offered to a group) and completes the one open user task {@code definitionKey} of the
   * instruction — of strategic or tactical task {@code taskKey} when given — as {@code user}, as Tasklist would.
   */
  void complete(String user, String instructionKey, String definitionKey, String taskKey,
      Map<String, Object> variables) {
    Task task = openTask(instructionKey, definitionKey, taskKey);
    as(user, () -> {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user);
      }
      tasks.complete(task.getId(), variables);
      return null;
    });
  }

  Task openTask(String instructionKey, String definitionKey, String taskKey) {
    var query = tasks.createTaskQuery().processInstanceBusinessKey(instructionKey).taskDefinitionKey(definitionKey);
    if (taskKey != null) {
      query.processVariableValueEquals("taskKey", taskKey);
    }
    List<Task> open = query.list();
    if (open.size() != 1) {
      throw new IllegalStateException("expected one open '" + definitionKey + "' of " + instructionKey
          + (taskKey == null ? "" : "/" + taskKey) + ", found " + open.size());
    }
    return open.get(0);
  }

  WorkItem item(String instructionKey, String taskKey) {
    return workItems.get(instructionKey, taskKey);
  }

  String assignee(String instructionKey, String taskKey) {
    return item(instructionKey, taskKey).assignee();
  }

  /** The first member of the user task's candidate group, by id — e.g. the domain lead of {@code leads-data}. */
  private String candidate(Task task) {
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (link.getGroupId() != null) {
        return identity.createUserQuery().memberOfGroup(link.getGroupId()).orderByUserId().asc().list().get(0)
            .getId();
      }
    }
    throw new IllegalStateException("user task " + task.getTaskDefinitionKey() + " has no candidate group");
  }

  // ----------------------------------------------------------------------------------------------- the lifecycle

  /** The assignee accepts the task (ASSIGNED → IN_PROGRESS); an agent's task is in progress already. */
  void startWork(String instructionKey, String taskKey) {
    if (!hasUserTask(instructionKey, "Task_StartWork", taskKey)) {
      return; // an agent's work goes straight to IN_PROGRESS (external task)
    }
    complete(assignee(instructionKey, taskKey), instructionKey, "Task_StartWork", taskKey,
        Map.of("workAccepted", true));
  }

  /** The assignee submits the work for review: the Do-the-work form, or an agent's external-task completion. */
  void submitWork(String instructionKey, String taskKey, double hoursSpent, String summary, String testsRun) {
    Map<String, Object> form = new HashMap<>();
    form.put("workOutcome", "submit");
    form.put("summary", summary);
    form.put("testsRun", testsRun);
    form.put("hoursSpent", hoursSpent);
    doWork(instructionKey, taskKey, form);
  }

  /** The assignee reports a blocker (IN_PROGRESS → BLOCKED). */
  void reportBlocker(String instructionKey, String taskKey, String type, String description, String tried,
      double hoursSpent) {
    Map<String, Object> form = new HashMap<>();
    form.put("workOutcome", "block");
    form.put("blockerType", type);
    form.put("blockerDescription", description);
    form.put("blockerTried", tried);
    form.put("hoursSpent", hoursSpent);
    doWork(instructionKey, taskKey, form);
  }

  private void doWork(String instructionKey, String taskKey, Map<String, Object> form) {
    WorkItem item = item(instructionKey, taskKey);
    if (hasUserTask(instructionKey, "Task_DoWork", taskKey)) {
      complete(item.assignee(), instructionKey, "Task_DoWork", taskKey, form);
      return;
    }
    ExternalTask work = externalTasks.createExternalTaskQuery().processInstanceId(item.processInstanceId())
        .singleResult();
    if (work == null) {
      throw new IllegalStateException(item.qualifiedKey() + " has neither a Do-the-work task nor agent work");
    }
    as(item.assignee(), () -> {
      externalTasks.lock(work.getId(), item.assignee(), 60_000);
      externalTasks.complete(work.getId(), item.assignee(), form);
      return null;
    });
  }

  /** The peer the gate chose approves the code. */
  void approveCode(String instructionKey, String taskKey) {
    Task review = openTask(instructionKey, "Task_ReviewCode", taskKey);
    String reviewer = review.getAssignee() != null ? review.getAssignee() : candidate(review);
    complete(reviewer, instructionKey, "Task_ReviewCode", taskKey, Map.of("peerReviewOutcome", "approve"));
  }

  /** The domain lead approves the task with the domain checklist confirmed. */
  void approveForDomain(String instructionKey, String taskKey) {
    Task approval = openTask(instructionKey, "Task_ApproveDomain", taskKey);
    complete(candidate(approval), instructionKey, "Task_ApproveDomain", taskKey,
        Map.of("domainApprovalOutcome", "approve", "domainChecklistConfirmed", true));
  }

  /** QA (and security, when asked) validate a strategic task or a security-sensitive tactical task: pass. */
  void validate(String instructionKey, String taskKey, String qa, int coverage, String security) {
    if (hasUserTask(instructionKey, "Task_ValidateQuality", taskKey)) {
      complete(qa, instructionKey, "Task_ValidateQuality", taskKey,
          Map.of("qaCoverage", coverage, "securityCritical", false, "qaOutcome", "PASS"));
    }
    if (hasUserTask(instructionKey, "Task_ValidateSecurity", taskKey)) {
      complete(security, instructionKey, "Task_ValidateSecurity", taskKey, Map.of("securityOutcome", "PASS"));
    }
  }

  boolean hasUserTask(String instructionKey, String definitionKey, String taskKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(instructionKey).taskDefinitionKey(definitionKey)
        .processVariableValueEquals("taskKey", taskKey).count() > 0;
  }

  void heartbeat(String instructionKey, String taskKey, int percent, double spent, double remaining, String note) {
    String assignee = assignee(instructionKey, taskKey);
    heartbeats.record(instructionKey, taskKey, new HeartbeatRequest(percent, spent, remaining, note), assignee);
  }

  /** A lead moves an ASSIGNED task to another IC (the lifecycle checks eligibility and moves the capacity). */
  void reassign(String lead, String instructionKey, String taskKey, String to, String reason) {
    as(lead, () -> lifecycle.requestReassign(instructionKey, taskKey, to, lead, groupsOf(lead), reason));
  }

  void post(String author, String channel, AnnouncementType type, Priority priority, String subject, String message,
      List<String> instructions, List<String> domains, List<String> actionItems) {
    as(author, () -> announcements.post(new Announcement.Draft(channel, type, priority, subject, message, instructions,
        domains, actionItems), author));
  }

  /**
   * Asks BPMN {@code standup} for today's reports through its message start event, as {@code POST /api/standups} does
   * for a lead (docs/standups.md, "The process"): started by the system, recorded as requested by {@code requester}.
   */
  void requestStandup(String requester, String kind) {
    runtime.createMessageCorrelation("standup-requested")
        .setVariable("standupKind", kind)
        .setVariable("standupAnnounce", true)
        .setVariable("standupRequestedBy", requester)
        .correlateStartMessage();
  }
}
