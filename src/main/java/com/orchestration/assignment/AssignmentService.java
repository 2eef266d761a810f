package com.orchestration.assignment;

import com.orchestration.capacity.CapacityClock;
import com.orchestration.capacity.CapacityExceededException;
import com.orchestration.capacity.CapacityService;
import com.orchestration.capacity.ReservationKind;
import com.orchestration.capacity.Workload;
import com.orchestration.lifecycle.Complexity;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.organization.Domain;
import com.orchestration.organization.Person;
import com.orchestration.organization.PersonDirectory;
import com.orchestration.organization.Role;
import com.orchestration.organization.SkillTaxonomy;
import com.orchestration.platform.ConflictException;
import com.orchestration.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who gets a task (SPEC §8.1, §8.2, §15): ranks the ICs of the task's domain plus ICs lent to it, reserves capacity
 * for the best eligible one under the capacity lock, moves the task to ASSIGNED and records the decision — in one
 * transaction (the engine's, when a lifecycle delegate calls it). Nobody eligible → a result listing every
 * candidate and why, and nothing changes.
 */
@Service
public class AssignmentService {

  /** How often a lost race for an IC's capacity moves on to the next candidate before giving up. */
  static final int MAX_ATTEMPTS = 3;
  static final String LOST_RACE = "capacity taken by a concurrent assignment";

  private final WorkItemService workItems;
  private final PersonDirectory people;
  private final CapacityService capacity;
  private final CapacityClock clock;
  private final AssignmentPolicies policies;
  private final AssignmentRepository repository;
  private final SkillTaxonomy taxonomy;
  private final ApplicationEventPublisher events;

  AssignmentService(WorkItemService workItems, PersonDirectory people, CapacityService capacity, CapacityClock clock,
      AssignmentPolicies policies, AssignmentRepository repository, SkillTaxonomy taxonomy,
      ApplicationEventPublisher events) {
    this.workItems = workItems;
    this.people = people;
    this.capacity = capacity;
    this.clock = clock;
    this.policies = policies;
    this.repository = repository;
    this.taxonomy = taxonomy;
    this.events = events;
  }

  /**
   * Assigns a PENDING tactical task to the best eligible IC. Returns {@link AssignmentResult.Outcome#NO_ELIGIBLE_CANDIDATE}
   * (state unchanged, nothing reserved) when nobody can take it; the lifecycle escalates to the TL with
   * {@link AssignmentResult#exclusionSummary()}.
   */
  @Transactional
  public AssignmentResult assign(long workItemId, String actor) {
    WorkItem item = workItems.get(workItemId);
    requireTactical(item);
    if (item.state() != TaskState.PENDING) {
      throw new ConflictException("Task " + item.qualifiedKey() + " is " + item.state()
          + "; only a PENDING task is assigned (use reassignment for an ASSIGNED one)");
    }
    return assignBest(item, Set.of(), actor, null);
  }

  /**
   * Moves an ASSIGNED (or ESCALATED) task to another IC: {@code newAssigneeOrNull} names the IC (refused with 400
   * when unknown or not an IC, 409 when not eligible, with the reasons), or null for the best eligible IC other than
   * the current one. Releases the old IC's reservation and reserves for the new one, atomically.
   */
  @Transactional
  public AssignmentResult reassign(long workItemId, String newAssigneeOrNull, String actor, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "Say why the task moves to someone else");
    }
    WorkItem item = workItems.get(workItemId);
    requireTactical(item);
    if (item.state() != TaskState.ASSIGNED && item.state() != TaskState.ESCALATED) {
      throw new ConflictException("Task " + item.qualifiedKey() + " is " + item.state()
          + "; only an ASSIGNED or ESCALATED task is reassigned");
    }
    String previous = item.assignee();
    String note = (previous == null ? "assigned" : "reassigned from " + previous) + " by " + actor + ": " + reason;
    if (newAssigneeOrNull == null) {
      return assignBest(item, previous == null ? Set.of() : Set.of(previous), actor, note);
    }
    Person person = people.findById(newAssigneeOrNull).orElseThrow(() -> new InvalidInputException("assignee",
        "Unknown person '" + newAssigneeOrNull + "'; see GET /api/people"));
    if (!person.active() || person.role() != Role.IC) {
      throw new InvalidInputException("assignee", "'" + person.id() + "' is not an active individual contributor"
          + " and cannot be assigned tasks");
    }
    if (person.id().equals(previous)) {
      throw new ConflictException("Task " + item.qualifiedKey() + " is already assigned to " + person.id());
    }
    TaskAttributes task = TaskAttributes.of(item);
    Ranking ranking = rank(task, Set.of());
    Optional<Exclusion> exclusion = ranking.excluded().stream().filter(e -> e.personId().equals(person.id()))
        .findFirst();
    if (exclusion.isPresent()) {
      throw new ConflictException(person.id() + " cannot take task " + item.qualifiedKey() + ": "
          + String.join("; ", exclusion.get().reasons()));
    }
    ScoredCandidate chosen = ranking.ranked().stream().filter(c -> c.personId().equals(person.id())).findFirst()
        .orElseThrow(() -> new ConflictException(person.id() + " is an IC of "
            + (person.domain() == null ? "no domain" : person.domain().value()) + ", not of " + task.domain().value()
            + ", and is not lent to it; lend them first (SPEC §8.5)"));
    ScoredCandidate runnerUp = ranking.ranked().stream().filter(c -> !c.personId().equals(person.id())
        && !c.personId().equals(previous)).findFirst().orElse(null);
    release(item);
    capacity.reserve(item.id(), chosen.personId(), ReservationKind.TASK, item.remaining(),
        policyOf(task, chosen).maxWorkload());
    return record(item, chosen, runnerUp, ranking, actor, note);
  }

  /** The ranking for a hypothetical task; validates it like a plan does and writes nothing. */
  @Transactional(readOnly = true)
  public AssignmentPreview preview(TaskAttributes task) {
    validate(task);
    Ranking ranking = rank(task, Set.of());
    return new AssignmentPreview(task, ranking.best().map(ScoredCandidate::personId).orElse(null),
        ranking.rationale().orElse(null), ranking.ranked(), ranking.excluded(), ranking.decisionVersions(),
        ranking.firedRules());
  }

  /** The assignment decisions of a task, oldest first (the current one has no supersededAt). */
  public List<AssignmentRecord> history(long workItemId) {
    return repository.history(workItemId);
  }

  /**
   * The ids of the candidates for a task of this domain: its active ICs, then the active ICs of other domains lent
   * to it and not yet returned (SPEC §8.1, §8.5).
   */
  public List<String> candidateIds(Domain domain) {
    return candidates(domain).stream().map(Person::id).toList();
  }

  /**
   * What-if ranking for rebalancing (SPEC §8.5): the same candidates, factors, DMN policy and eligibility as a real
   * assignment, but with the workloads given in {@code workloads} in place of the current ones (a proposal moves
   * several tasks, and each move changes who has room for the next). Candidates not in the map keep their current
   * workload. Writes nothing.
   */
  @Transactional(readOnly = true)
  public Ranking rankWithWorkloads(TaskAttributes task, Map<String, Workload> workloads) {
    return rank(task, Set.of(), workloads);
  }

  /**
   * skillMatch of a person for a task and whether it reaches the policy's minimum for the person's level (SPEC §8.1;
   * used to find cross-skilled ICs to lend, §8.5). Any active person, whatever their domain.
   */
  public SkillFit skillFit(TaskAttributes task, Person person) {
    AssignmentPolicy policy = policies.policy(task.priority(), task.complexity(), person.level());
    double match = Factors.skillMatch(task.requiredSkills(), task.niceToHaveSkills(), person);
    return new SkillFit(person.id(), match, policy.minSkillMatch(),
        Factors.missingSkill(task.requiredSkills(), person).orElse(null));
  }

  Ranking rank(TaskAttributes task, Set<String> skip) {
    return rank(task, skip, Map.of());
  }

  /**
   * Reads candidates, workloads and performance samples in bulk and ranks them; {@code skip} are left out
   * (the current assignee on reassignment); {@code overrides} replace read workloads (what-if).
   */
  private Ranking rank(TaskAttributes task, Set<String> skip, Map<String, Workload> overrides) {
    Map<String, CandidateInput> inputs = new LinkedHashMap<>();
    List<Person> candidates = new ArrayList<>(candidates(task.domain()));
    Set<String> lent = new HashSet<>();
    candidates.stream().filter(p -> p.domain() != task.domain()).forEach(p -> lent.add(p.id()));
    candidates.removeIf(p -> skip.contains(p.id()));
    List<String> ids = candidates.stream().map(Person::id).toList();
    Map<String, Workload> workloads = new HashMap<>(capacity.workloads(ids));
    overrides.forEach((id, w) -> {
      if (workloads.containsKey(id)) {
        workloads.put(id, w);
      }
    });
    Map<String, List<PerformanceSample>> samples = repository.recentSamples(ids, Factors.PERFORMANCE_WINDOW);
    for (Person person : candidates) {
      Workload w = workloads.get(person.id());
      inputs.put(person.id(), w == null
          ? new CandidateInput(person, lent.contains(person.id()), Double.POSITIVE_INFINITY, 0, 0, "NO_NEW_WORK",
              samples.getOrDefault(person.id(), List.of()))
          : new CandidateInput(person, lent.contains(person.id()), w.workload(), w.capacityHours(), w.openTasks(),
              w.band().name(), samples.getOrDefault(person.id(), List.of())));
    }
    return AssignmentRanker.rank(task, List.copyOf(inputs.values()),
        level -> policies.policy(task.priority(), task.complexity(), level), clock.today());
  }

  private List<Person> candidates(Domain domain) {
    List<Person> candidates = new ArrayList<>(people.findActiveIcs(domain));
    for (String id : repository.lentTo(domain, clock.now())) {
      people.findById(id).filter(p -> p.active() && p.role() == Role.IC && p.domain() != domain)
          .ifPresent(candidates::add);
    }
    return candidates;
  }

  private AssignmentResult assignBest(WorkItem item, Set<String> skip, String actor, String note) {
    TaskAttributes task = TaskAttributes.of(item);
    Set<String> lost = new HashSet<>(skip);
    List<Exclusion> lostRaces = new ArrayList<>();
    Ranking ranking = null;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      ranking = rank(task, lost);
      Optional<ScoredCandidate> best = ranking.best();
      if (best.isEmpty()) {
        break;
      }
      try {
        if (attempt == 0 && item.assignee() != null) {
          release(item);
        }
        capacity.reserve(item.id(), best.get().personId(), ReservationKind.TASK, item.remaining(),
            policyOf(task, best.get()).maxWorkload());
      } catch (CapacityExceededException e) {
        // Another assignment took this IC's room between our read and the lock (SPEC §8.2, §15): next best.
        lost.add(best.get().personId());
        lostRaces.add(new Exclusion(best.get().personId(), best.get().name(), List.of(LOST_RACE + " ("
            + e.getMessage() + ")"), best.get()));
        continue;
      }
      return record(item, best.get(), ranking.runnerUp().orElse(null), ranking, actor, note);
    }
    List<Exclusion> excluded = new ArrayList<>(ranking.excluded());
    excluded.addAll(lostRaces);
    if (!ranking.ranked().isEmpty()) {
      // Ran out of attempts with eligible candidates left: report them as not tried rather than hide them.
      ranking.ranked().forEach(c -> excluded.add(new Exclusion(c.personId(), c.name(),
          List.of("not tried: " + MAX_ATTEMPTS + " concurrent assignments took the better candidates' room"), c)));
    }
    if (item.assignee() != null && !lostRaces.isEmpty()) {
      // The old reservation was released in this transaction; an escalation must not leave it half-done.
      throw new ConflictException("Task " + item.qualifiedKey() + " could not be moved: " + LOST_RACE);
    }
    return new AssignmentResult(item.id(), item.qualifiedKey(), AssignmentResult.Outcome.NO_ELIGIBLE_CANDIDATE,
        null, null, null, null, null, List.of(), excluded, ranking.decisionVersions());
  }

  private AssignmentResult record(WorkItem item, ScoredCandidate chosen, ScoredCandidate runnerUp, Ranking ranking,
      String actor, String note) {
    String rationale = Ranking.rationale(chosen, runnerUp);
    String logReason = note == null ? rationale : rationale + " (" + note + ")";
    WorkItem assigned = workItems.transition(item, TaskState.ASSIGNED, chosen.personId(), actor, logReason);
    if (item.assignee() != null) {
      repository.supersede(item.id(), clock.now());
    }
    repository.insert(item.id(), chosen, runnerUp, logReason, actor, clock.now());
    events.publishEvent(new TaskAssignedEvent(assigned, item.assignee(), chosen.personId(), actor));
    return new AssignmentResult(item.id(), item.qualifiedKey(), AssignmentResult.Outcome.ASSIGNED,
        chosen.personId(), chosen.score(), rationale, runnerUp == null ? null : runnerUp.personId(),
        runnerUp == null ? null : runnerUp.score(), ranking.ranked(), ranking.excluded(),
        ranking.decisionVersions());
  }

  private void release(WorkItem item) {
    if (item.assignee() != null) {
      capacity.release(item.id(), item.assignee());
    }
  }

  private AssignmentPolicy policyOf(TaskAttributes task, ScoredCandidate candidate) {
    return policies.policy(task.priority(), task.complexity(),
        com.orchestration.organization.ExperienceLevel.parse(candidate.level()).orElseThrow());
  }

  private static void requireTactical(WorkItem item) {
    if (item.kind() != TaskKind.TACTICAL) {
      throw new ConflictException("Task " + item.qualifiedKey() + " is a strategic task; strategic tasks belong to "
          + "their domain and are not assigned to an IC");
    }
  }

  private void validate(TaskAttributes task) {
    if (task.domain() == null) {
      throw new InvalidInputException("domain", "Domain is required; allowed: " + Domain.allowed());
    }
    if (task.complexity() == null) {
      throw new InvalidInputException("complexity", "Complexity is required; allowed: "
          + String.join(", ", Complexity.jsonNames()));
    }
    if (task.priority() == null) {
      throw new InvalidInputException("priority", "Priority is required; allowed: "
          + String.join(", ", com.orchestration.lifecycle.Priority.jsonNames()));
    }
    task.requiredSkills().forEach((skill, level) -> {
      taxonomy.requireKnown("requiredSkills." + skill, skill);
      if (level == null) {
        throw new InvalidInputException("requiredSkills." + skill, "Minimum level of '" + skill
            + "' is required; allowed: " + com.orchestration.organization.SkillLevel.allowed());
      }
    });
    task.niceToHaveSkills().forEach(skill -> taxonomy.requireKnown("niceToHaveSkills", skill));
    if (!(task.estimateHours() > 0)) {
      throw new InvalidInputException("estimateHours", "Estimate must be more than 0 hours, was "
          + task.estimateHours());
    }
    if (task.estimateHours() > WorkItemService.MAX_TACTICAL_ESTIMATE_HOURS) {
      throw new InvalidInputException("estimateHours", "Estimate " + task.estimateHours()
          + " h is more than one day (" + WorkItemService.MAX_TACTICAL_ESTIMATE_HOURS + " h); split the task");
    }
  }
}
