package com.orchestration.lifecycle;

import com.orchestration.organization.SkillTaxonomy;
import com.orchestration.platform.InvalidInputException;
import com.orchestration.platform.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only way work items are created and change state (SPEC §5.1): the new state and a transition-log row are
 * written in one transaction — the engine's, when a delegate calls this. Validation happens before the first
 * write, so bad input leaves nothing behind. "Now" is the engine clock, so tests that move time with
 * {@code ClockUtil} see consistent timestamps.
 */
@Service
public class WorkItemService {

  /** A tactical task larger than one working day must be split (SPEC §4.6). */
  public static final double MAX_TACTICAL_ESTIMATE_HOURS = 8.0;

  private final WorkItemRepository repository;
  private final SkillTaxonomy taxonomy;

  WorkItemService(WorkItemRepository repository, SkillTaxonomy taxonomy) {
    this.repository = repository;
    this.taxonomy = taxonomy;
  }

  /**
   * Creates the tasks of one plan in PENDING, all or nothing. Dependencies may name tasks of the same batch or
   * tasks the instruction already has.
   */
  @Transactional
  public List<WorkItem> createAll(List<WorkItem.Draft> drafts, String actor, String reason) {
    Map<String, Long> existing = drafts.isEmpty() ? Map.of() : repository.idsByKey(drafts.get(0).instructionKey());
    validate(drafts, existing);
    Instant now = now();
    Map<String, Long> ids = new HashMap<>(existing);
    List<Long> created = new ArrayList<>();
    for (WorkItem.Draft d : drafts) {
      long id = repository.insert(d, now);
      ids.put(d.taskKey(), id);
      created.add(id);
      repository.insertTransition(id, null, TaskState.PENDING, now, actor, reason);
    }
    for (WorkItem.Draft d : drafts) {
      for (String dependency : d.dependencies()) {
        repository.insertDependency(ids.get(d.taskKey()), ids.get(dependency));
      }
    }
    return created.stream().map(this::get).toList();
  }

  @Transactional
  public WorkItem create(WorkItem.Draft draft, String actor, String reason) {
    return createAll(List.of(draft), actor, reason).get(0);
  }

  /** Moves a task to {@code to} keeping its assignee. */
  @Transactional
  public WorkItem transition(long id, TaskState to, String actor, String reason) {
    WorkItem item = get(id);
    return change(item, to, item.assignee(), actor, reason);
  }

  /**
   * Moves a task to {@code to} with {@code assignee} (ASSIGNED on assignment, ASSIGNED → ASSIGNED on reassignment).
   * Fails with {@link ConcurrentChangeException} when the task changed since it was read.
   */
  @Transactional
  public WorkItem transition(WorkItem item, TaskState to, String assignee, String actor, String reason) {
    return change(item, to, assignee, actor, reason);
  }

  /** Records progress reported by the assignee (heartbeat, submission); no state change. */
  @Transactional
  public WorkItem recordProgress(long id, double hoursSpent, Double remainingHours) {
    if (hoursSpent < 0) {
      throw new InvalidInputException("hoursSpent", "Hours spent must be 0 or more, was " + hoursSpent);
    }
    if (remainingHours != null && remainingHours < 0) {
      throw new InvalidInputException("remainingHours", "Remaining hours must be 0 or more, was " + remainingHours);
    }
    WorkItem item = get(id);
    for (int attempt = 1; repository.updateProgress(id, item.version(), hoursSpent, remainingHours, now()) == 0;
        attempt++) {
      // Hours are written as given, whatever they were: losing to another progress report (a heartbeat racing a
      // submission) is safe to retry. Losing to a state change or a reassignment is not — the caller checked those.
      WorkItem current = get(id);
      if (attempt >= PROGRESS_ATTEMPTS || current.state() != item.state()
          || !java.util.Objects.equals(current.assignee(), item.assignee())) {
        throw new ConcurrentChangeException(item);
      }
      item = current;
    }
    return get(id);
  }

  /**
   * Changes a task's priority (a rebalancing deferral lowers it, SPEC §8.5); not a state change, so no transition
   * row — the caller records why. Fails with {@link ConcurrentChangeException} when the task changed since it was read.
   */
  @Transactional
  public WorkItem changePriority(WorkItem item, Priority priority) {
    if (priority == null) {
      throw new InvalidInputException("priority", "Priority is required; allowed: "
          + String.join(", ", Priority.jsonNames()));
    }
    if (repository.updatePriority(item.id(), item.version(), priority, now()) == 0) {
      throw new ConcurrentChangeException(item);
    }
    return get(item.id());
  }

  private static final int PROGRESS_ATTEMPTS = 3;

  @Transactional
  public void linkProcessInstance(long id, String processInstanceId) {
    repository.linkProcessInstance(id, processInstanceId);
  }

  public WorkItem get(long id) {
    return repository.findById(id).orElseThrow(() -> new NotFoundException("task", String.valueOf(id)));
  }

  public WorkItem get(String instructionKey, String taskKey) {
    return find(instructionKey, taskKey)
        .orElseThrow(() -> new NotFoundException("task", instructionKey + "/" + taskKey));
  }

  public java.util.Optional<WorkItem> find(String instructionKey, String taskKey) {
    return repository.findByKey(instructionKey, taskKey);
  }

  /**
   * The task as it is once its row is locked for the caller's transaction. A command that sends a message to the
   * task's lifecycle (reassign, cancel) takes this first: a change of the same task that is committing at that moment
   * (a completion, whose state change updates this row) finishes before the command reads anything, so the command
   * sees its result and refuses with a 409 — instead of Camunda reading the lifecycle half before and half after that
   * commit, which it answers with a NullPointerException (a 500). Every state change locks the row too, so the two
   * wait for each other, never deadlock: both take this row before Camunda's.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public WorkItem getForUpdate(String instructionKey, String taskKey) {
    return repository.lockByKey(instructionKey, taskKey).map(this::get)
        .orElseGet(() -> get(instructionKey, taskKey)); // no such task: get's 404 names it
  }

  public List<WorkItem> ofInstruction(String instructionKey) {
    return repository.findByInstruction(instructionKey);
  }

  /** True when every dependency of the task is COMPLETED (or it has none). */
  public boolean dependenciesComplete(long id) {
    return repository.countIncompleteDependencies(id) == 0;
  }

  /** Tasks this one waits for. */
  public List<WorkItem> dependencies(long id) {
    return repository.findDependencies(id);
  }

  /** Tasks of the same instruction that wait for this one. */
  public List<WorkItem> dependants(long id) {
    return repository.findDependants(id);
  }

  public List<StateTransition> transitions(long id) {
    return repository.transitions(id);
  }

  private WorkItem change(WorkItem item, TaskState to, String assignee, String actor, String reason) {
    if (!TransitionRules.allows(item.kind(), item.state(), to)) {
      throw new IllegalTransitionException(item, to);
    }
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException("every transition names who made it (a user id or 'system')");
    }
    Instant now = now();
    if (repository.updateState(item.id(), item.state(), item.version(), to, assignee, now) == 0) {
      throw new ConcurrentChangeException(item);
    }
    repository.insertTransition(item.id(), item.state(), to, now, actor, reason);
    // The compare-and-set matched the row as read, so the row is now exactly this: no need to read it back.
    return item.changed(to, assignee, now);
  }

  private void validate(List<WorkItem.Draft> drafts, Map<String, Long> existing) {
    Set<String> keys = new HashSet<>(existing.keySet());
    Set<String> batch = new HashSet<>();
    for (int i = 0; i < drafts.size(); i++) {
      WorkItem.Draft d = drafts.get(i);
      String at = "tasks[" + i + "]";
      require(d.instructionKey() != null && d.instructionKey().equals(drafts.get(0).instructionKey()),
          at + ".instructionKey", "every task of one plan belongs to the same instruction");
      require(d.taskKey() != null && d.taskKey().matches("(ST|TT)[0-9]+(\\.[0-9]+)?"), at + ".key",
          "Task key '" + d.taskKey() + "' is not valid; use ST<n> for strategic and TT<st>.<n> or TT<n> for tactical tasks");
      require(batch.add(d.taskKey()) && !existing.containsKey(d.taskKey()), at + ".key",
          "Task key '" + d.taskKey() + "' is used twice; keys are unique within an instruction");
      keys.add(d.taskKey());
      require(d.kind() != null, at + ".kind", "Task kind is required (STRATEGIC or TACTICAL)");
      require(d.domain() != null, at + ".domain", "Domain is required; allowed: "
          + com.orchestration.organization.Domain.allowed());
      require(d.title() != null && !d.title().isBlank() && d.title().length() <= 200, at + ".description",
          "A task needs a description of 1 to 200 characters");
      require(d.estimateHours() > 0, at + ".estimate",
          "Estimate must be more than 0 hours, was " + d.estimateHours());
      require(d.kind() != TaskKind.TACTICAL || d.estimateHours() <= MAX_TACTICAL_ESTIMATE_HOURS, at + ".estimate",
          "Estimate " + d.estimateHours() + " h is more than one day (" + MAX_TACTICAL_ESTIMATE_HOURS
              + " h); split the task");
      require(d.complexity() != null, at + ".complexity", "Complexity is required; allowed: "
          + String.join(", ", Complexity.jsonNames()));
      require(d.priority() != null, at + ".priority", "Priority is required; allowed: "
          + String.join(", ", Priority.jsonNames()));
      d.requiredSkills().keySet().forEach(s -> taxonomy.requireKnown(at + ".requiredSkills." + s, s));
      d.niceToHaveSkills().forEach(s -> taxonomy.requireKnown(at + ".niceToHaveSkills", s));
    }
    for (int i = 0; i < drafts.size(); i++) {
      WorkItem.Draft d = drafts.get(i);
      for (String dependency : d.dependencies()) {
        require(keys.contains(dependency), "tasks[" + i + "].dependencies", "Task " + d.taskKey()
            + " depends on '" + dependency + "', which is not a task of instruction " + d.instructionKey());
        require(!dependency.equals(d.taskKey()), "tasks[" + i + "].dependencies",
            "Task " + d.taskKey() + " cannot depend on itself");
      }
    }
  }

  private static void require(boolean condition, String field, String message) {
    if (!condition) {
      throw new InvalidInputException(field, message);
    }
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
