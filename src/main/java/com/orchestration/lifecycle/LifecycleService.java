package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.LifecycleVariables.*;

import com.orchestration.organization.Domain;
import com.orchestration.organization.Person;
import com.orchestration.organization.PersonDirectory;
import com.orchestration.organization.Role;
import com.orchestration.platform.AsSystem;
import com.orchestration.platform.ConflictException;
import com.orchestration.platform.ForbiddenException;
import com.orchestration.platform.InvalidInputException;
import com.orchestration.platform.TransactionMemo;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the task lifecycle does besides changing states: start a lifecycle per tactical task, release dependants when
 * a task completes, complete and cancel (capacity and agent access follow through {@link TaskClosedEvent}), and the
 * commands people send to a running lifecycle (cancel, reassign) with their authority checks (SPEC §3, §5.2).
 */
@Service
public class LifecycleService {

  private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

  private final WorkItemService workItems;
  private final RuntimeService runtime;
  private final PersonDirectory people;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final AsSystem asSystem;

  LifecycleService(WorkItemService workItems, RuntimeService runtime, PersonDirectory people, JdbcClient jdbc,
      ApplicationEventPublisher events, AsSystem asSystem) {
    this.workItems = workItems;
    this.runtime = runtime;
    this.people = people;
    this.jdbc = jdbc;
    this.events = events;
    this.asSystem = asSystem;
  }

  /** Starts the lifecycle of a PENDING tactical task (business key = instruction key). */
  @Transactional
  public String start(long workItemId, int tier, String whyItMatters) {
    WorkItem item = workItems.get(workItemId);
    if (item.kind() != TaskKind.TACTICAL) {
      throw new InvalidInputException("workItemId", "Only tactical tasks run the task lifecycle; "
          + item.qualifiedKey() + " is " + item.kind());
    }
    if (item.processInstanceId() != null) {
      throw new ConflictException("Task " + item.qualifiedKey() + " already runs lifecycle "
          + item.processInstanceId());
    }
    if (tier < 0 || tier > 4) {
      throw new InvalidInputException("tier", "Tier must be 0..4, was " + tier);
    }
    Map<String, Object> variables = new HashMap<>(context(item, whyItMatters));
    variables.put(WORK_ITEM_ID, item.id());
    variables.put(INSTRUCTION_KEY, item.instructionKey());
    variables.put(TASK_KEY, item.taskKey());
    variables.put(DOMAIN, item.domain().value());
    variables.put(TIER, tier);
    variables.put(REWORK_COUNT, 0);
    ProcessInstance instance = asSystem.call(() ->
        runtime.startProcessInstanceByKey(PROCESS_KEY, item.instructionKey(), variables));
    workItems.linkProcessInstance(item.id(), instance.getId());
    return instance.getId();
  }

  /** The delegation context every form shows (SPEC §9.1). */
  Map<String, Object> context(WorkItem item, String whyItMatters) {
    Map<String, Object> context = new HashMap<>();
    context.put(TASK_TITLE, item.title());
    context.put(TASK_DESCRIPTION, item.description() == null ? "—" : item.description());
    context.put(WHY_IT_MATTERS, whyItMatters == null || whyItMatters.isBlank()
        ? "Part of instruction " + item.instructionKey() : whyItMatters);
    context.put(ACCEPTANCE_CRITERIA, item.acceptanceCriteria() == null ? "—" : item.acceptanceCriteria());
    context.put(ESTIMATE_HOURS, item.estimateHours());
    context.put(DEADLINE_TEXT, item.deadline() == null ? "none" : DEADLINE.format(item.deadline().atOffset(ZoneOffset.UTC)));
    context.put(PRIORITY, item.priority().jsonName());
    context.put(COMPLEXITY, item.complexity().jsonName());
    context.put(DEPENDENCIES_TEXT, item.dependencies().isEmpty() ? "nothing" : String.join(", ", item.dependencies()));
    context.put(ESCALATION_PATH, escalationPath(item));
    return context;
  }

  /** Per domain, once per transaction: a plan's approval starts many lifecycles with the same organisation. */
  private String escalationPath(WorkItem item) {
    return TransactionMemo.<Domain, String>of(this).computeIfAbsent(item.domain(), this::escalationPath);
  }

  private String escalationPath(Domain domain) {
    String lead = people.findDomainLead(domain).map(Person::name).orElse("the domain lead");
    String techLead = people.findActiveByRole(Role.TECH_LEAD).stream().findFirst().map(Person::name)
        .orElse("the tech lead");
    String manager = people.findActiveByRole(Role.ENGINEERING_MANAGER).stream().findFirst().map(Person::name)
        .orElse("the engineering manager");
    return "report a blocker; it goes to " + lead + " (DL " + domain.value() + ") → " + techLead + " (TL) → "
        + manager + " (EM)";
  }

  /** Every dependency COMPLETED (SPEC §4.7). */
  public boolean dependenciesComplete(long workItemId) {
    return workItems.dependenciesComplete(workItemId);
  }

  /**
   * COMPLETED: records estimate vs actual (SPEC §11), closes the task for capacity and agents, and tells every
   * dependant's lifecycle that one of its dependencies completed.
   */
  @Transactional
  public WorkItem complete(long workItemId, String actor, int reworkCount) {
    WorkItem item = workItems.transition(workItemId, TaskState.COMPLETED, actor, "completed");
    if (item.assignee() != null) {
      jdbc.sql("""
              insert into performance_sample (person_id, work_item_id, domain, complexity, estimate_hours,
                actual_hours, first_time_approved, completed_at)
              values (?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(item.assignee(), item.id(), item.domain().value(), item.complexity().name(),
              BigDecimal.valueOf(item.estimateHours()), BigDecimal.valueOf(item.hoursSpent()), reworkCount == 0,
              Timestamp.from(ClockUtil.getCurrentTime().toInstant()))
          .update();
    }
    events.publishEvent(new TaskClosedEvent(item, actor, "completed"));
    for (WorkItem dependant : dependants(item)) {
      if (dependant.processInstanceId() != null && dependant.state() == TaskState.PENDING) {
        asSystem.run(() -> runtime.createMessageCorrelation(MESSAGE_DEPENDENCY_COMPLETED)
            .processInstanceId(dependant.processInstanceId()).correlateAll());
      }
    }
    return item;
  }

  /** Tasks of the same instruction that wait for {@code item}. */
  public List<WorkItem> dependants(WorkItem item) {
    return workItems.dependants(item.id());
  }

  /** CANCELLED from any open state (the lifecycle's cancel path); capacity and agent access follow. */
  @Transactional
  public WorkItem cancel(long workItemId, String actor, String reason) {
    WorkItem item = workItems.transition(workItemId, TaskState.CANCELLED, actor, reason);
    events.publishEvent(new TaskClosedEvent(item, actor, reason));
    return item;
  }

  /**
   * A person cancels a task (SPEC §5.2: TL or EM, with a reason). The lifecycle's interrupting event subprocess
   * removes every timer, user task, external task and called escalation of the task.
   */
  @Transactional
  public WorkItem requestCancel(String instructionKey, String taskKey, String actor, List<String> groups,
      String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "A cancellation needs a reason (what changed, who decided)");
    }
    if (reason.length() > 1000) {
      throw new InvalidInputException("reason", "The reason is limited to 1000 characters");
    }
    if (!groups.contains("tech-leads") && !groups.contains("engineering-managers")) {
      throw new ForbiddenException("Only the tech lead or the engineering manager may cancel a task");
    }
    WorkItem item = workItems.getForUpdate(instructionKey, taskKey);
    if (item.state().isTerminal()) {
      throw new ConflictException("Task " + item.qualifiedKey() + " is already " + item.state());
    }
    if (item.processInstanceId() == null) {
      return cancel(item.id(), actor, reason);
    }
    return cancelRunning(item, actor, reason);
  }

  /**
   * Cancels a task whose lifecycle runs, through the lifecycle's cancel message (no authority check: the caller,
   * e.g. an instruction's cancellation, has done it).
   */
  @Transactional
  public WorkItem cancelRunning(WorkItem item, String actor, String reason) {
    correlate(item, () -> runtime.createMessageCorrelation(MESSAGE_CANCEL)
        .processInstanceId(item.processInstanceId())
        .setVariable(CANCELLED_BY, actor)
        .setVariable(CANCEL_REASON, reason)
        .correlate());
    return workItems.get(item.id());
  }

  /**
   * A DL (of the task's domain), the TL or the EM moves an ASSIGNED task to another IC, or to whoever assignment
   * picks when {@code newAssignee} is null (SPEC §5.2 ASSIGNED → ASSIGNED). Eligibility is checked by the lifecycle's
   * reassign step; a refusal rolls the whole request back.
   */
  @Transactional
  public WorkItem requestReassign(String instructionKey, String taskKey, String newAssignee, String actor,
      List<String> groups, String reason) {
    WorkItem item = workItems.getForUpdate(instructionKey, taskKey);
    if (!groups.contains("leads-" + item.domain().value()) && !groups.contains("tech-leads")
        && !groups.contains("engineering-managers")) {
      throw new ForbiddenException("Only the " + item.domain().value()
          + " domain lead, the tech lead or the engineering manager may reassign " + item.qualifiedKey());
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "A reassignment needs a reason (e.g. rebalancing, skills)");
    }
    if (item.state() != TaskState.ASSIGNED || item.processInstanceId() == null) {
      throw new ConflictException("Task " + item.qualifiedKey() + " is " + item.state()
          + "; only an ASSIGNED task that has not been started can be reassigned");
    }
    correlate(item, () -> runtime.createMessageCorrelation(MESSAGE_REASSIGN)
        .processInstanceId(item.processInstanceId())
        .setVariable(NEW_ASSIGNEE, newAssignee)
        .setVariable(REASSIGNED_BY, actor)
        .setVariable(REASSIGN_REASON, reason)
        .correlate());
    return workItems.get(item.id());
  }

  /** The lifecycle moved on between our check and the message (e.g. the IC just started): a 409, not a 500. */
  private void correlate(WorkItem item, Runnable correlation) {
    try {
      asSystem.run(correlation);
    } catch (org.camunda.bpm.engine.MismatchingMessageCorrelationException e) {
      throw new ConflictException("Task " + item.qualifiedKey() + " is no longer waiting for this command "
          + "(it moved on); read it again");
    }
  }
}
