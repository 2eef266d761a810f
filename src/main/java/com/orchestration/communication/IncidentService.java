package com.orchestration.communication;

import static com.orchestration.communication.IncidentVariables.*;

import com.orchestration.intake.Instruction;
import com.orchestration.intake.InstructionService;
import com.orchestration.intake.InstructionState;
import com.orchestration.lifecycle.Priority;
import com.orchestration.organization.Domain;
import com.orchestration.organization.OrganizationGroups;
import com.orchestration.platform.AsSystem;
import com.orchestration.platform.ConflictException;
import com.orchestration.platform.ForbiddenException;
import com.orchestration.platform.InvalidInputException;
import com.orchestration.platform.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Incidents (SPEC §9.5). The EM declares one: every open instruction of tier ≥ 2 is suspended with Camunda's own
 * process-instance suspension — the instruction's process and every instance with its business key (strategic tasks,
 * task lifecycles, gates, handoffs, escalations) — so Cockpit shows them suspended, their user tasks cannot be
 * completed and their timers and jobs do not run. Which instances an incident suspended is recorded, so resolving it
 * resumes exactly those: never an instance an admin suspended for another reason, and never one another open incident
 * still holds. The SLA clock stands still meanwhile: a resumed instance's timers and task due dates move on by the
 * time it was suspended. Channel {@code all} gets an {@code incident} announcement (critical) on declare and on
 * resolve.
 *
 * <p>Both ways in use the same steps: the API ({@link #declare}, {@link #resolve}) starts the {@code incident} process
 * and completes its "Resolve incident" task; the Tasklist forms do the same by hand. The process's service tasks call
 * {@link #open} and {@link #close}.
 */
@Service
public class IncidentService {

  private static final Logger log = LoggerFactory.getLogger(IncidentService.class);

  static final int MAX_TITLE = 150;
  static final int MAX_TEXT = 4000;
  /** An announcement names at most this many instructions (the announcement's own limit). */
  static final int MAX_ANNOUNCED_INSTRUCTIONS = 50;
  private static final int INSTRUCTION_SCAN = 10_000;

  private final IncidentRepository repository;
  private final InstructionService instructions;
  private final AnnouncementService announcements;
  private final RuntimeService runtime;
  private final RepositoryService definitions;
  private final TaskService tasks;
  private final ManagementService management;
  private final AsSystem asSystem;
  private final TransactionTemplate newTransaction;

  IncidentService(IncidentRepository repository, InstructionService instructions,
      AnnouncementService announcements, RuntimeService runtime, RepositoryService definitions, TaskService tasks,
      ManagementService management, AsSystem asSystem, PlatformTransactionManager transactions) {
    this.repository = repository;
    this.instructions = instructions;
    this.announcements = announcements;
    this.runtime = runtime;
    this.definitions = definitions;
    this.tasks = tasks;
    this.management = management;
    this.asSystem = asSystem;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public Incident get(long id) {
    return repository.find(id).orElseThrow(() -> new NotFoundException("incident", String.valueOf(id)));
  }

  /** Newest first; {@code state} null = open and resolved. */
  public List<Incident> search(IncidentState state, int limit) {
    return repository.search(state, limit);
  }

  public List<Incident.Suspension> suspensions(long id) {
    get(id);
    return repository.suspensions(id);
  }

  public boolean anyOpen() {
    return repository.anyOpen();
  }

  /**
   * {@code POST /api/incidents}: refuses a non-EM (403) and bad input (400) before anything happens, then starts the
   * {@code incident} process, whose first step declares it ({@link #open}). The caller must be the authenticated
   * engine user (the API filter sets it): the step checks the EM again from that authentication.
   */
  @Transactional
  public Incident declare(Incident.Declaration declaration, String actor, List<String> groups) {
    requireEm(actor, groups, "declare");
    Incident.Declaration valid = validate(declaration);
    Map<String, Object> variables = new HashMap<>();
    variables.put(INCIDENT_TITLE, valid.title());
    variables.put(INCIDENT_DESCRIPTION, valid.description());
    variables.put(INCIDENT_SEVERITY, valid.severity());
    variables.put(AFFECTED_DOMAINS, String.join(",", valid.affectedDomains()));
    ProcessInstance instance = asSystem.call(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, variables));
    return repository.findByProcessInstance(instance.getId()).orElseThrow(() -> new IllegalStateException(
        "Process " + instance.getId() + " did not declare its incident"));
  }

  /**
   * Step "Suspend instructions" (both paths): stores the incident, suspends every open tier ≥ 2 instruction's
   * process instances, records them, announces on {@code all}.
   */
  @Transactional
  public Incident open(Incident.Declaration declaration, String actor, List<String> groups,
      String processInstanceId) {
    requireEm(actor, groups, "declare");
    Incident.Declaration valid = validate(declaration);
    long id = repository.insert(valid, actor, now(), processInstanceId);
    Incident declared = get(id);
    hold(List.of(id), openInstructionsFromTierTwo(), actor,
        declared.key() + " (" + declared.severity().value() + ") " + declared.title() + ", declared by " + actor);
    Incident incident = get(id);
    announcements.announce(declaredAnnouncement(incident));
    return incident;
  }

  /**
   * {@code POST /api/incidents/{id}/resolve}: only the EM, with a note. Completes the incident process's open
   * "Resolve incident" task, whose next step resumes ({@link #close}); without a running process (removed in
   * Cockpit) it resumes directly.
   */
  @Transactional
  public Incident resolve(long id, String resolutionNote, String actor, List<String> groups) {
    requireEm(actor, groups, "resolve");
    String note = validateNote(resolutionNote);
    Incident incident = get(id);
    requireOpen(incident);
    Task task = incident.processInstanceId() == null ? null : asSystem.call(() -> tasks.createTaskQuery()
        .processInstanceId(incident.processInstanceId()).taskDefinitionKey(RESOLVE_TASK).singleResult());
    if (task != null) {
      asSystem.run(() -> tasks.complete(task.getId(), Map.of(RESOLUTION_NOTE, note)));
    } else {
      close(id, note, actor);
    }
    return get(id);
  }

  /**
   * Step "Resume instructions" (both paths): marks the incident resolved and resumes every instance it holds that no
   * other open incident holds and that is still suspended; announces on {@code all}.
   */
  @Transactional
  public Incident close(long id, String resolutionNote, String resolvedBy) {
    Incident incident = get(id);
    Instant now = now();
    if (!repository.resolve(id, validateNote(resolutionNote), resolvedBy, now)) {
      requireOpen(get(id));
    }
    List<String> toActivate = new ArrayList<>();
    Map<String, Duration> heldFor = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> outcomes = new LinkedHashMap<>();
    Set<Long> stillHolding = new LinkedHashSet<>();
    for (Incident.Suspension s : repository.suspensions(id)) {
      if (s.releasedAt() != null) {
        continue;
      }
      List<Long> others = repository.openHolders(s.processInstanceId(), id);
      String outcome;
      if (!others.isEmpty()) {
        outcome = "still-held";
        stillHolding.addAll(others);
      } else {
        ProcessInstance instance = asSystem.call(() -> runtime.createProcessInstanceQuery()
            .processInstanceId(s.processInstanceId()).singleResult());
        if (instance == null) {
          outcome = "ended";
        } else if (!instance.isSuspended()) {
          outcome = "already-active";
        } else {
          toActivate.add(s.processInstanceId());
          heldFor.put(s.processInstanceId(), Duration.between(s.suspendedAt(), now));
          outcome = "resumed";
        }
      }
      repository.release(id, s.processInstanceId(), outcome, now);
      outcomes.computeIfAbsent(s.instructionKey(), k -> new LinkedHashMap<>()).merge(outcome, 1, Integer::sum);
    }
    if (!toActivate.isEmpty()) {
      asSystem.run(() -> runtime.updateProcessInstanceSuspensionState().byProcessInstanceIds(toActivate).activate());
      // After commit, in a transaction of its own: the activation's bulk update of the jobs and an update of the
      // same timer rows in one engine flush collide (optimistic locking).
      afterCommit(() -> heldFor.forEach(this::moveClockOn));
    }
    outcomes.forEach((key, counts) -> instructions.record(key, "incident", incident.key(),
        counts.containsKey("resumed") ? "resumed" : counts.containsKey("still-held") ? "still held" : "released",
        incident.key() + " resolved by " + resolvedBy + ": " + describe(counts), resolvedBy));
    Incident resolved = get(id);
    announcements.announce(resolvedAnnouncement(resolved, toActivate.size(), stillHolding));
    return resolved;
  }

  /**
   * Instances were started while an incident is open (called after their transaction committed): those that belong
   * to an open instruction of tier ≥ 2 — one submitted during the incident, or one whose tier was raised to 2 and
   * whose plan started tasks — get all of that instruction's instances suspended and held by every open incident.
   * Such an instruction stops at its first wait state (planning, admission queue) and resumes with the incident.
   */
  @Transactional
  public void holdIfDuringIncident(Collection<String> processInstanceIds) {
    List<Long> open = repository.openIds();
    if (open.isEmpty() || processInstanceIds.isEmpty()) {
      return;
    }
    Set<String> keys = new LinkedHashSet<>();
    for (String id : processInstanceIds) {
      ProcessInstance instance = asSystem.call(() -> runtime.createProcessInstanceQuery().processInstanceId(id)
          .singleResult());
      if (instance != null && instance.getBusinessKey() != null && instance.getBusinessKey().startsWith("INS-")) {
        keys.add(instance.getBusinessKey());
      }
    }
    List<Instruction> toHold = new ArrayList<>();
    for (String key : keys) {
      try {
        Instruction instruction = instructions.get(key);
        if (instruction.tier() >= 2 && !instruction.state().isTerminal()) {
          toHold.add(instruction);
        }
      } catch (NotFoundException notAnInstruction) {
        // a business key that only looks like one: nothing to hold
      }
    }
    if (!toHold.isEmpty()) {
      hold(open, toHold, "system", "it started work while the incident is open");
    }
  }

  /**
   * Suspends the running instances of the instructions and records them for each incident. An instance that is
   * already suspended is recorded only when an open incident holds it (action {@code held}); one suspended for
   * another reason (an admin in Cockpit) is left alone and never resumed by us.
   */
  private void hold(List<Long> incidents, List<Instruction> open, String actor, String why) {
    Instant now = now();
    List<String> toSuspend = new ArrayList<>();
    Map<Long, Map<String, Set<String>>> held = new LinkedHashMap<>();
    Map<String, String> definitionKeys = new HashMap<>();
    for (Instruction instruction : open) {
      for (ProcessInstance instance : instancesOf(instruction)) {
        String action;
        Instant suspendedAt;
        Optional<Instant> heldSince = repository.heldSince(instance.getId());
        if (!instance.isSuspended()) {
          toSuspend.add(instance.getId());
          action = "suspended";
          suspendedAt = now;
        } else if (heldSince.isPresent()) {
          action = "held";
          suspendedAt = heldSince.get();
        } else {
          continue;
        }
        String definitionKey = definitionKeys.computeIfAbsent(instance.getProcessDefinitionId(),
            definitionId -> asSystem.call(() -> definitions.getProcessDefinition(definitionId).getKey()));
        for (long incident : incidents) {
          if (repository.insertSuspension(incident, instance.getId(), instruction.key(), definitionKey, action,
              now, suspendedAt)) {
            held.computeIfAbsent(incident, i -> new LinkedHashMap<>())
                .computeIfAbsent(instruction.key(), k -> new LinkedHashSet<>()).add(instance.getId());
          }
        }
      }
    }
    if (!toSuspend.isEmpty()) {
      asSystem.run(() -> runtime.updateProcessInstanceSuspensionState().byProcessInstanceIds(toSuspend).suspend());
    }
    held.forEach((incident, byInstruction) -> byInstruction.forEach((key, instances) -> instructions.record(key,
        "incident", Incident.key(incident), "suspended",
        instances.size() + " process instance(s) held by " + Incident.key(incident) + ": " + why, actor)));
  }

  private void afterCommit(Runnable work) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      work.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        if (status == STATUS_COMMITTED) {
          try {
            newTransaction.executeWithoutResult(tx -> work.run());
          } catch (RuntimeException e) {
            log.warn("Could not move the timers of resumed instances on; they fire at their old due dates: {}",
                e.toString());
          }
        }
      }
    });
  }

  /**
   * The SLA clock stands still while an incident holds the work: the resumed instance's timers (SLA warnings and
   * escalations, re-checks, escalation levels) and its user tasks' due dates move on by the time it was suspended, so
   * nothing breaches or escalates for time nobody was allowed to work.
   */
  private void moveClockOn(String processInstanceId, Duration held) {
    if (held.isZero() || held.isNegative()) {
      return;
    }
    asSystem.run(() -> {
      for (Job timer : management.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
        if (timer.getDuedate() != null) {
          management.setJobDuedate(timer.getId(), Date.from(timer.getDuedate().toInstant().plus(held)));
        }
      }
      for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
        if (task.getDueDate() != null) {
          task.setDueDate(Date.from(task.getDueDate().toInstant().plus(held)));
          tasks.saveTask(task);
        }
      }
    });
  }

  /** The instruction's process and every instance with its business key (all its processes share it). */
  private List<ProcessInstance> instancesOf(Instruction instruction) {
    Map<String, ProcessInstance> found = new LinkedHashMap<>();
    asSystem.call(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(instruction.key()).list())
        .forEach(instance -> found.put(instance.getId(), instance));
    if (instruction.processInstanceId() != null && !found.containsKey(instruction.processInstanceId())) {
      ProcessInstance own = asSystem.call(() -> runtime.createProcessInstanceQuery()
          .processInstanceId(instruction.processInstanceId()).singleResult());
      if (own != null) {
        found.put(own.getId(), own);
      }
    }
    return List.copyOf(found.values());
  }

  private List<Instruction> openInstructionsFromTierTwo() {
    List<Instruction> open = new ArrayList<>();
    for (InstructionState state : InstructionState.values()) {
      if (!state.isTerminal()) {
        instructions.search(state, null, null, INSTRUCTION_SCAN).stream().filter(i -> i.tier() >= 2)
            .forEach(open::add);
      }
    }
    open.sort(java.util.Comparator.comparing(Instruction::key));
    return open;
  }

  private Announcement.Draft declaredAnnouncement(Incident incident) {
    List<String> keys = incident.suspendedInstructions();
    StringBuilder message = new StringBuilder(incident.description()).append("\n\nDeclared by ")
        .append(incident.declaredBy()).append(". ");
    if (keys.isEmpty()) {
      message.append("No instruction of tier 2 or above is open; any submitted during the incident is held at its "
          + "first step until it is resolved.");
    } else {
      message.append(keys.size()).append(" instruction(s) of tier 2 and above are suspended until the incident is "
          + "resolved (").append(incident.suspendedProcessInstances()).append(" process instances): ")
          .append(listed(keys)).append('.');
    }
    return new Announcement.Draft(Channels.ALL, AnnouncementType.INCIDENT, Priority.CRITICAL,
        "Incident " + incident.key() + " (" + incident.severity().value() + "): " + incident.title(),
        message.toString(), keys.stream().limit(MAX_ANNOUNCED_INSTRUCTIONS).toList(), incident.affectedDomains(),
        List.of("Pause work on the suspended instructions: their tasks cannot be completed until the incident is "
                + "resolved",
            "Tier 0-1 work goes on as usual; new tier 2-4 instructions are held at their first step"));
  }

  private Announcement.Draft resolvedAnnouncement(Incident incident, int resumed, Set<Long> stillHolding) {
    StringBuilder message = new StringBuilder(incident.resolutionNote()).append("\n\nResolved by ")
        .append(incident.resolvedBy()).append(". ").append(resumed).append(" process instance(s) of ")
        .append(incident.suspendedInstructions().size()).append(" instruction(s) resumed");
    if (resumed > 0) {
      message.append(", their SLA timers and due dates moved on by the time they were suspended");
    }
    if (!stillHolding.isEmpty()) {
      message.append("; some stay suspended while ")
          .append(String.join(", ", stillHolding.stream().map(Incident::key).toList())).append(" is open");
    }
    message.append('.');
    return new Announcement.Draft(Channels.ALL, AnnouncementType.INCIDENT, Priority.CRITICAL,
        "Resolved: incident " + incident.key() + " (" + incident.severity().value() + "): " + incident.title(),
        message.toString(), incident.suspendedInstructions().stream().limit(MAX_ANNOUNCED_INSTRUCTIONS).toList(),
        incident.affectedDomains(), List.of("Carry on with the resumed instructions"));
  }

  private static String listed(List<String> keys) {
    String shown = String.join(", ", keys.stream().limit(MAX_ANNOUNCED_INSTRUCTIONS).toList());
    return keys.size() > MAX_ANNOUNCED_INSTRUCTIONS ? shown + " and " + (keys.size() - MAX_ANNOUNCED_INSTRUCTIONS)
        + " more" : shown;
  }

  private static String describe(Map<String, Integer> counts) {
    return String.join(", ", counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList());
  }

  /** Only members of {@code engineering-managers} declare and resolve incidents (SPEC §3, §9.5). */
  static void requireEm(String actor, List<String> groups, String what) {
    if (groups == null || !groups.contains(OrganizationGroups.ENGINEERING_MANAGERS)) {
      throw new ForbiddenException("Only the engineering manager (group engineering-managers) may " + what
          + " an incident; " + (actor == null ? "this caller" : actor) + " is not a member");
    }
  }

  private static void requireOpen(Incident incident) {
    if (!incident.isOpen()) {
      throw new ConflictException("Incident " + incident.key() + " was already resolved by " + incident.resolvedBy()
          + " at " + incident.resolvedAt());
    }
  }

  /** Checks and normalises a declaration; the errors name the API field (title, description, ...). */
  static Incident.Declaration validate(Incident.Declaration d) {
    if (d == null) {
      throw new InvalidInputException("title", "A body with title, description and severity is required");
    }
    String title = text("title", d.title(), MAX_TITLE);
    String description = text("description", d.description(), MAX_TEXT);
    String severityText = d.severity() == null ? "" : d.severity().strip().toLowerCase(Locale.ROOT);
    IncidentSeverity severity = IncidentSeverity.parse(severityText).orElseThrow(() -> new InvalidInputException(
        "severity", (severityText.isEmpty() ? "The severity is required" : "Unknown severity '" + d.severity() + "'")
            + "; allowed: sev1 (customers cannot work), sev2 (major degradation), sev3 (minor)"));
    Set<String> domains = new LinkedHashSet<>();
    for (int i = 0; i < d.affectedDomains().size(); i++) {
      domains.add(Domain.require("affectedDomains[" + i + "]", d.affectedDomains().get(i)).value());
    }
    return new Incident.Declaration(title, description, severity.value(), List.copyOf(domains));
  }

  static String validateNote(String note) {
    return text(RESOLUTION_NOTE, note, MAX_TEXT);
  }

  private static String text(String field, String value, int max) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      throw new InvalidInputException(field, "The " + field + " is required");
    }
    if (text.length() > max) {
      throw new InvalidInputException(field, "The " + field + " is limited to " + max + " characters ("
          + text.length() + " given)");
    }
    return text;
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
