package com.orchestration.handoff;

import com.orchestration.lifecycle.LifecycleService;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.organization.Domain;
import com.orchestration.organization.OrganizationGroups;
import com.orchestration.platform.AsSystem;
import com.orchestration.platform.NotFoundException;
import com.orchestration.platform.PolicyDecisions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handoffs of finished work to the domains that depend on it (SPEC §9.3): the checklist per domain pair (DMN
 * {@code handoff-checklist}), the package check, the record with its timing, and the TL's optional "schedule handoff
 * meeting" task at ~90 % progress.
 */
@Service
public class HandoffService {

  /** Progress (percent) from which the TL is offered a handoff meeting (SPEC §9.3: "~90 %"). */
  public static final double MEETING_PROGRESS_PERCENT = 90;

  private final HandoffRepository repository;
  private final PolicyDecisions decisions;
  private final WorkItemService workItems;
  private final LifecycleService lifecycle;
  private final TaskService taskService;
  private final AsSystem asSystem;

  HandoffService(HandoffRepository repository, PolicyDecisions decisions, WorkItemService workItems,
      LifecycleService lifecycle, TaskService taskService, AsSystem asSystem) {
    this.repository = repository;
    this.decisions = decisions;
    this.workItems = workItems;
    this.lifecycle = lifecycle;
    this.taskService = taskService;
    this.asSystem = asSystem;
  }

  /** The checklist of {@code from} handing to each of {@code toDomains}, in table order, each item once. */
  List<ChecklistItem> checklist(String fromDomain, List<String> toDomains) {
    Map<String, ChecklistItem> items = new LinkedHashMap<>();
    for (String to : toDomains) {
      for (Map<String, Object> row : decisions.evaluate(HandoffVariables.DECISION_KEY,
          Map.of("fromDomain", fromDomain, "toDomain", to)).rows()) {
        String item = (String) row.get("item");
        boolean mandatory = Boolean.TRUE.equals(row.get("mandatory"));
        items.merge(item, new ChecklistItem(item, mandatory, false),
            (a, b) -> new ChecklistItem(a.item(), a.mandatory() || b.mandatory(), false));
      }
    }
    return List.copyOf(items.values());
  }

  static List<String> domains(String toDomains) {
    return toDomains == null ? List.of() : Arrays.stream(toDomains.split(",")).map(String::strip)
        .filter(s -> !s.isEmpty()).toList();
  }

  /** Opens the record (PREPARING) with the checklist of the pair(s). */
  @Transactional
  HandoffRecord open(long workItemId, String instructionKey, String taskKey, String fromDomain, String toDomains,
      String processInstanceId) {
    List<ChecklistItem> checklist = checklist(fromDomain, domains(toDomains));
    long id = repository.insert(workItemId, instructionKey, taskKey, fromDomain,
        String.join(", ", domains(toDomains)), checklist, now(), processInstanceId);
    return get(id);
  }

  /** Checks and records a submitted package; the result lists what is missing, empty when complete. */
  @Transactional
  List<String> submitPackage(long handoffId, String preparedBy, String summary, String artifacts,
      Object checklistDone, String knownIssues, String contact) {
    HandoffRecord record = get(handoffId);
    List<ChecklistItem> checklist = HandoffPackage.markDone(record.checklist(), checklistDone);
    List<String> missing = HandoffPackage.missing(summary, artifacts, checklist, record.toDomains());
    repository.submitPackage(handoffId, preparedBy, summary, artifacts, checklist, knownIssues, contact, now(),
        missing.isEmpty());
    return missing;
  }

  @Transactional
  void returnWithQuestions(long handoffId, String questions) {
    repository.returnWithQuestions(handoffId, questions);
  }

  @Transactional
  void accept(long handoffId, String by) {
    repository.accept(handoffId, by, now());
  }

  public HandoffRecord get(long id) {
    return repository.findById(id).orElseThrow(() -> new NotFoundException("handoff", String.valueOf(id)));
  }

  /** The handoffs of one task, oldest first. */
  public List<HandoffRecord> forWorkItem(long workItemId) {
    return repository.findByWorkItem(workItemId);
  }

  public List<HandoffRecord> find(String instructionKey, HandoffState state, String toDomain, int limit) {
    return repository.find(instructionKey, state, toDomain, limit);
  }

  /**
   * Call on every progress report of a task (the heartbeat): at ≥ 90 % with open dependants in other domains, the
   * tech leads get a standalone, optional task "Schedule handoff meeting: &lt;taskKey&gt;" — once per task, also
   * when heartbeats race (the offer row's primary key).
   *
   * @return the id of the task created now, empty when none was created (below 90 %, no cross-domain dependant,
   *     the task is closed, or the meeting was offered before)
   */
  @Transactional
  public Optional<String> progressReported(long workItemId, double progressPercent) {
    if (progressPercent < MEETING_PROGRESS_PERCENT) {
      return Optional.empty();
    }
    WorkItem item = workItems.get(workItemId);
    if (!item.state().isOpen()) {
      return Optional.empty();
    }
    Set<Domain> downstream = new TreeSet<>();
    lifecycle.dependants(item).stream().filter(w -> w.state().isOpen()).map(WorkItem::domain)
        .filter(d -> d != item.domain()).forEach(downstream::add);
    if (downstream.isEmpty() || !repository.offerMeeting(workItemId, now())) {
      return Optional.empty();
    }
    String domains = downstream.stream().map(Domain::value).collect(Collectors.joining(", "));
    List<String> leads = new ArrayList<>();
    leads.add(OrganizationGroups.leads(item.domain()));
    downstream.forEach(d -> leads.add(OrganizationGroups.leads(d)));
    String description = item.taskKey() + " (" + item.domain().value() + ", instruction " + item.instructionKey()
        + ") is at " + Math.round(progressPercent) + " % progress; its dependants in " + domains
        + " will need its handoff. Optional: schedule a handoff meeting of " + String.join(", ", leads)
        + " so the package is ready when the work is.";
    String taskId = asSystem.call(() -> {
      Task task = taskService.newTask();
      task.setName("Schedule handoff meeting: " + item.taskKey());
      task.setDescription(description);
      taskService.saveTask(task);
      taskService.addCandidateGroup(task.getId(), OrganizationGroups.TECH_LEADS);
      return task.getId();
    });
    repository.meetingTaskCreated(workItemId, taskId);
    return Optional.of(taskId);
  }

  /** The meeting task offered for this work item, if any. */
  public Optional<String> meetingTask(long workItemId) {
    return repository.meetingTask(workItemId);
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
