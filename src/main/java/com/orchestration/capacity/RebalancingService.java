package com.orchestration.capacity;

import com.orchestration.assignment.AssignmentService;
import com.orchestration.assignment.Exclusion;
import com.orchestration.assignment.Ranking;
import com.orchestration.assignment.ScoredCandidate;
import com.orchestration.assignment.TaskAttributes;
import com.orchestration.capacity.CapacityOverview.DomainLoad;
import com.orchestration.capacity.CapacityOverview.PersonLoad;
import com.orchestration.capacity.CapacityRepository.PersonRow;
import com.orchestration.capacity.CapacityRepository.Scope;
import com.orchestration.capacity.CapacityService.Snapshot;
import com.orchestration.capacity.RebalancingMove.Numbered;
import com.orchestration.capacity.RebalancingPlanner.Candidates;
import com.orchestration.capacity.RebalancingPlanner.Ic;
import com.orchestration.capacity.RebalancingPlanner.Plan;
import com.orchestration.capacity.RebalancingPlanner.Queued;
import com.orchestration.capacity.RebalancingPlanner.Ranker;
import com.orchestration.capacity.RebalancingPlanner.Unmovable;
import com.orchestration.capacity.RebalancingRecords.Deferral;
import com.orchestration.capacity.RebalancingRecords.Loan;
import com.orchestration.capacity.RebalancingRecords.Proposal;
import com.orchestration.communication.Announcement;
import com.orchestration.communication.AnnouncementService;
import com.orchestration.communication.AnnouncementType;
import com.orchestration.communication.Channels;
import com.orchestration.lifecycle.FormInputException;
import com.orchestration.lifecycle.LifecycleService;
import com.orchestration.lifecycle.LifecycleVariables;
import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.organization.Domain;
import com.orchestration.organization.OrganizationGroups;
import com.orchestration.organization.Person;
import com.orchestration.organization.PersonDirectory;
import com.orchestration.platform.AsSystem;
import com.orchestration.platform.ConflictException;
import com.orchestration.platform.ForbiddenException;
import com.orchestration.platform.NotFoundException;
import com.orchestration.platform.Texts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebalancing (SPEC §8.5) between the process and the data: builds the inputs of {@link RebalancingPlanner} from
 * capacity and assignment, stores proposals and decisions, validates a DL's moves, executes moves through the task
 * lifecycle's {@code reassign} message, lends ICs, defers strategic tasks, and announces what changed. Every write
 * runs in the caller's transaction (the engine's, when a delegate or listener calls it).
 */
@Service
class RebalancingService {

  /** How many queued tasks of a borrowing domain the lending check looks at. */
  static final int QUEUED_TASKS_CHECKED = 50;
  static final int MAX_OPTIONS = 10;
  static final int MAX_LOAN_DAYS = 30;
  static final String SYSTEM = "system";

  private final CapacityService capacity;
  private final AssignmentService assignment;
  private final WorkItemService workItems;
  private final LifecycleService lifecycle;
  private final PersonDirectory people;
  private final AnnouncementService announcements;
  private final RebalancingRepository repository;
  private final RuntimeService runtime;
  private final AsSystem asSystem;

  RebalancingService(CapacityService capacity, AssignmentService assignment, WorkItemService workItems,
      LifecycleService lifecycle, PersonDirectory people, AnnouncementService announcements,
      RebalancingRepository repository, RuntimeService runtime, AsSystem asSystem) {
    this.capacity = capacity;
    this.assignment = assignment;
    this.workItems = workItems;
    this.lifecycle = lifecycle;
    this.people = people;
    this.announcements = announcements;
    this.repository = repository;
    this.runtime = runtime;
    this.asSystem = asSystem;
  }

  // ============================================================================================ triggers

  /**
   * Whether the domain needs a rebalancing now: an IC of it (or lent to it) above the cap who holds a task of the
   * domain that could move, or the domain's utilisation above "no new work". Cheap enough to ask after every commit
   * that assigned or closed a task.
   */
  boolean needsRebalancing(Domain domain) {
    List<String> ids = assignment.candidateIds(domain);
    Snapshot snapshot = capacity.snapshot(Scope.of(ids));
    Bands bands = snapshot.bands();
    Set<String> holding = repository.holdersOfAssignedNotStarted(domain);
    double committed = 0;
    double capacityHours = 0;
    for (PersonRow person : snapshot.people().values()) {
      Workload w = CapacityMath.workload(person, snapshot.loadsOf(person.id()), snapshot.factorOf(person.id()),
          snapshot.horizon(), bands);
      if (holding.contains(person.id()) && w.workload() > bands.oversubscribedFrom() + Bands.EPSILON) {
        return true;
      }
      if (person.domain() == domain) {
        committed += w.committedHours();
        capacityHours += w.capacityHours();
      }
    }
    return overloaded(committed, capacityHours, bands);
  }

  private static boolean overloaded(double committed, double capacityHours, Bands bands) {
    return capacityHours > 0 ? committed / capacityHours > bands.noNewWorkFrom() + Bands.EPSILON
        : committed > Bands.EPSILON;
  }

  /** A rejection or dismissal less than {@code cooldown} ago. */
  boolean recentlyRejected(Domain domain, Duration cooldown) {
    Instant now = capacity.clock().now();
    return repository.lastRejectedAt(domain).map(at -> at.plus(cooldown).isAfter(now)).orElse(false);
  }

  /** Closes what an ended instance left undecided (see {@link WithdrawProposalsExecutionListener}). */
  @Transactional
  int withdrawOpenProposals(String processInstanceId) {
    return repository.withdrawOpen(processInstanceId, capacity.clock().now());
  }

  /** Loans past their end are returned (the hourly run); how many. */
  @Transactional
  int returnExpiredLoans() {
    return repository.returnExpiredLoans(capacity.clock().now());
  }

  // ============================================================================================ team (DL)

  /** The inputs of one domain's team plan, read in bulk. */
  record TeamModel(Domain domain, Bands bands, Horizon horizon, Map<String, Ic> ics, Map<Long, WorkItem> items,
      List<Queued> queued) {}

  TeamModel model(Domain domain) {
    List<String> ids = assignment.candidateIds(domain);
    Snapshot snapshot = capacity.snapshot(Scope.of(ids));
    Map<String, Ic> ics = new LinkedHashMap<>();
    for (String id : ids) {
      PersonRow person = snapshot.people().get(id);
      if (person == null) {
        continue;
      }
      Workload w = CapacityMath.workload(person, snapshot.loadsOf(id), snapshot.factorOf(id), snapshot.horizon(),
          snapshot.bands());
      ics.put(id, new Ic(id, w.committedHours(), w.capacityHours(), snapshot.factorOf(id), w.openTasks()));
    }
    Map<Long, WorkItem> items = new LinkedHashMap<>();
    List<Queued> queued = new ArrayList<>();
    for (Long id : repository.assignedNotStarted(domain)) {
      WorkItem item = workItems.get(id);
      items.put(id, item);
      queued.add(queued(item, snapshot.horizon()));
    }
    return new TeamModel(domain, snapshot.bands(), snapshot.horizon(), ics, items, queued);
  }

  private static Queued queued(WorkItem item, Horizon horizon) {
    return new Queued(item.id(), item.instructionKey(), item.taskKey(), item.assignee(), item.priority(),
        item.deadline(), item.remaining(), horizon.dueWithin(item.deadline()));
  }

  /** The assignment ranking with the plan's workloads in place of the current ones. */
  Ranker ranker(TeamModel model) {
    return (task, loads) -> {
      WorkItem item = model.items().get(task.workItemId());
      Map<String, Workload> overrides = new HashMap<>();
      loads.forEach((id, ic) -> overrides.put(id, new Workload(id, ic.committedHours(), ic.capacityHours(),
          ic.capacityHours() > 0 ? ic.workload() : Double.POSITIVE_INFINITY,
          model.bands().band(ic.committedHours(), ic.capacityHours()), ic.openTasks())));
      Ranking ranking = assignment.rankWithWorkloads(TaskAttributes.of(item), overrides);
      Map<String, String> excluded = new LinkedHashMap<>();
      for (Exclusion e : ranking.excluded()) {
        excluded.put(e.personId(), String.join("; ", e.reasons()));
      }
      return new Candidates(ranking.ranked().stream().map(ScoredCandidate::personId).toList(), excluded);
    };
  }

  /** A team plan, and its proposal row when an IC is above the cap. */
  record TeamPlan(Long proposalId, Plan plan, double cap) {

    boolean icOverCap() {
      return proposalId != null;
    }
  }

  /** Computes the team plan of the domain; stores it as a proposal when an IC is above the cap. */
  @Transactional
  TeamPlan proposeTeam(Domain domain, String trigger, String processInstanceId) {
    TeamModel model = model(domain);
    double cap = model.bands().oversubscribedFrom();
    Plan plan = RebalancingPlanner.plan(model.ics(), model.queued(), cap, ranker(model));
    if (!plan.anyoneOverCap(cap)) {
      return new TeamPlan(null, plan, cap);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("cap", cap);
    details.put("unmovable", plan.unmovable().stream().map(Unmovable::line).toList());
    details.put("notes", plan.notes());
    details.put("workloadsBefore", rounded(plan.before()));
    details.put("workloadsAfter", rounded(plan.after()));
    long id = repository.insertProposal(domain, RebalancingRepository.TEAM, trigger, processInstanceId, plan.moves(),
        details, capacity.clock().now());
    return new TeamPlan(id, plan, cap);
  }

  /** The proposal as Markdown for the DL's form. */
  static String proposalText(Domain domain, TeamPlan team) {
    Plan plan = team.plan();
    StringBuilder text = new StringBuilder();
    String over = plan.before().entrySet().stream().filter(e -> e.getValue() > team.cap() + Bands.EPSILON)
        .map(e -> "**" + e.getKey() + "** at " + RebalancingPlanner.two(e.getValue()))
        .collect(Collectors.joining(", "));
    text.append("Above the cap of ").append(RebalancingPlanner.two(team.cap())).append(" in ").append(domain.value())
        .append(": ").append(over).append(".\n\n#### Proposed moves\n\n");
    text.append(plan.moves().isEmpty() ? "- none: nothing can move (see below)\n"
        : plan.moves().stream().map(m -> "- " + m.line() + "\n").collect(Collectors.joining()));
    text.append("\n#### Cannot move\n\n");
    text.append(plan.unmovable().isEmpty() ? "- nothing\n"
        : plan.unmovable().stream().map(u -> "- " + u.line() + "\n").collect(Collectors.joining()));
    if (!plan.notes().isEmpty()) {
      text.append("\n#### Notes\n\n");
      plan.notes().forEach(n -> text.append("- ").append(n).append("\n"));
    }
    text.append("\n#### Workloads before → after\n\n");
    plan.before().forEach((id, before) -> text.append("- ").append(id).append(": ")
        .append(RebalancingPlanner.two(before)).append(" → ")
        .append(RebalancingPlanner.two(plan.after().get(id))).append("\n"));
    return text.toString();
  }

  /**
   * Validates moves a DL approves or wrote (SPEC §8.5, §13): each task is a tactical task of the domain, ASSIGNED and
   * not started, held by the IC the line names, moved once; the target is eligible as assignment would judge it
   * (skills, availability today, workload) with the moves above it already counted, and is not pushed over the cap.
   * The first problem is refused with {@link FormInputException} naming the line. Returns the moves with their hours.
   */
  List<RebalancingMove> validateMoves(Domain domain, List<Numbered> lines, String field) {
    TeamModel model = model(domain);
    double cap = model.bands().oversubscribedFrom();
    Ranker ranker = ranker(model);
    Map<String, Ic> loads = new LinkedHashMap<>(model.ics());
    Map<String, Integer> seen = new HashMap<>();
    List<RebalancingMove> moves = new ArrayList<>();
    for (Numbered line : lines) {
      RebalancingMove move = line.move();
      String label = line.label();
      WorkItem item = model.items().values().stream()
          .filter(i -> i.instructionKey().equals(move.instructionKey()) && i.taskKey().equals(move.taskKey()))
          .findFirst().orElseGet(() -> find(move).orElseThrow(() -> new FormInputException(field, label
              + ": there is no task " + move.taskKey() + " in instruction " + move.instructionKey())));
      if (item.kind() != TaskKind.TACTICAL || item.domain() != domain) {
        throw new FormInputException(field, label + ": " + item.qualifiedKey() + " is a " + item.kind()
            .name().toLowerCase(Locale.ROOT) + " task of " + item.domain().value() + "; only tactical tasks of "
            + domain.value() + " move here");
      }
      if (item.state() != TaskState.ASSIGNED || item.processInstanceId() == null) {
        throw new FormInputException(field, label + ": " + item.qualifiedKey() + " is " + item.state()
            + "; only ASSIGNED tasks that have not started can move");
      }
      if (!item.assignee().equals(move.from())) {
        throw new FormInputException(field, label + ": " + item.qualifiedKey() + " is assigned to "
            + item.assignee() + ", not " + move.from());
      }
      Integer earlier = seen.put(item.qualifiedKey(), line.number());
      if (earlier != null) {
        throw new FormInputException(field, label + ": " + item.qualifiedKey() + " already moves on line " + earlier);
      }
      if (move.to().equals(move.from())) {
        throw new FormInputException(field, label + ": the task is already " + move.from() + "'s");
      }
      Ic target = loads.get(move.to());
      if (target == null) {
        throw new FormInputException(field, label + ": " + move.to() + " is not an active IC of " + domain.value()
            + " and not lent to it");
      }
      Queued task = queued(item, model.horizon());
      Candidates candidates = ranker.rank(task, Map.copyOf(loads));
      if (!candidates.eligibleBestFirst().contains(move.to())) {
        throw new FormInputException(field, label + ": " + move.to() + " cannot take " + item.qualifiedKey() + ": "
            + candidates.excluded().getOrDefault(move.to(), "not a candidate"));
      }
      double after = target.plus(task.hoursFor(target), 1).workload();
      if (after > cap + Bands.EPSILON) {
        throw new FormInputException(field, label + ": " + move.to() + " would be at " + RebalancingPlanner.two(after)
            + ", above the cap " + RebalancingPlanner.two(cap));
      }
      Ic source = loads.get(move.from());
      double hours = source == null ? task.remainingHours() : task.hoursFor(source);
      if (source != null) {
        loads.put(source.personId(), source.plus(-hours, -1));
      }
      loads.put(target.personId(), target.plus(task.hoursFor(target), 1));
      moves.add(new RebalancingMove(move.instructionKey(), move.taskKey(), move.from(), move.to(),
          Math.round(hours * 100) / 100.0, move.reason()));
    }
    return moves;
  }

  private Optional<WorkItem> find(RebalancingMove move) {
    try {
      return Optional.of(workItems.get(move.instructionKey(), move.taskKey()));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** The DL (or TL/EM) decided; {@code moves} are the validated moves for approve/edit, null for reject. */
  @Transactional
  void decideTeam(long proposalId, String decision, List<RebalancingMove> moves, String by, String note) {
    Proposal proposal = proposal(proposalId);
    if (!proposal.state().equals(RebalancingRepository.PROPOSED)) {
      throw new ConflictException("Rebalancing proposal " + proposalId + " is already " + proposal.state());
    }
    String state = switch (decision) {
      case "approve", "auto" -> RebalancingRepository.APPROVED;
      case "edit" -> RebalancingRepository.EDITED;
      case "reject" -> RebalancingRepository.REJECTED;
      default -> throw new IllegalArgumentException("decision " + decision);
    };
    repository.decide(proposalId, state, decision, moves, by, note, capacity.clock().now());
  }

  /**
   * Executes the decided moves through each task's lifecycle ({@code reassign} message: assignee and capacity move
   * together, and a refusal rolls everything back) and announces each on the domain's team channel.
   *
   * @param actor who decided (a DL, TL, EM — or system in auto mode); the lifecycle logs it
   */
  @Transactional
  List<RebalancingMove> applyMoves(long proposalId, String actor) {
    Proposal proposal = proposal(proposalId);
    if (!proposal.state().equals(RebalancingRepository.APPROVED)
        && !proposal.state().equals(RebalancingRepository.EDITED)) {
      throw new ConflictException("Rebalancing proposal " + proposalId + " is " + proposal.state()
          + "; only approved or edited moves run");
    }
    Domain domain = proposal.domain();
    // The DL's authority over the domain was checked when they decided (or the configuration approved): the moves
    // run with the domain lead's group, as the lifecycle's reassign command requires.
    List<String> authority = List.of(OrganizationGroups.leads(domain));
    for (RebalancingMove move : proposal.moves()) {
      lifecycle.requestReassign(move.instructionKey(), move.taskKey(), move.to(), actor, authority,
          "rebalancing #" + proposalId + (move.reason() == null ? "" : ": " + move.reason()));
      announceMove(proposal, move, actor);
    }
    Map<String, Object> details = new LinkedHashMap<>(proposal.details());
    details.put("applied", proposal.moves().size());
    repository.markApplied(proposalId, details, capacity.clock().now());
    return proposal.moves();
  }

  private void announceMove(Proposal proposal, RebalancingMove move, String actor) {
    Domain domain = proposal.domain();
    String message = "Rebalancing #" + proposal.id() + " of " + domain.value() + " ("
        + (SYSTEM.equals(actor) ? "approved automatically" : "decided by " + actor) + "): " + move.qualifiedKey()
        + " moves from " + nameOf(move.from()) + " to " + nameOf(move.to()) + ", with its "
        + hours(move.hours()) + " of capacity." + (move.reason() == null ? "" : " Why: " + move.reason());
    Announcement.Draft draft = new Announcement.Draft(Channels.team(domain), AnnouncementType.RESOURCE_SHIFT,
        Priority.NORMAL, Texts.abbreviate("Rebalancing: " + move.taskKey() + " (" + move.instructionKey() + ") " + move.from()
            + " → " + move.to(), 200), message, List.of(move.instructionKey()), List.of(domain.value()),
        List.of(Texts.abbreviate(move.to() + ": " + move.taskKey() + " (" + move.instructionKey() + ") is yours now; start it from "
            + "Tasklist", 500)));
    announcements.announce(draft);
    Optional<Domain> home = people.findById(move.to()).map(Person::domain).filter(d -> d != domain);
    home.ifPresent(d -> announcements.announce(new Announcement.Draft(Channels.team(d), draft.type(),
        draft.priority(), draft.subject(), message + " (" + move.to() + " is lent to " + domain.value() + ")",
        draft.affectedInstructions(), List.of(domain.value(), d.value()), draft.actionItems())));
  }

  // ============================================================================================ domain (TL)

  /** The TL's view of an overloaded domain: the review row (when overloaded) and its options. */
  record DomainReview(Long reviewId, Double utilisation, double threshold, List<Map<String, String>> lendOptions,
      List<Map<String, String>> deferOptions, String text) {

    boolean overloaded() {
      return reviewId != null;
    }
  }

  /** Assesses the domain's utilisation; when above "no new work" stores a domain review with the TL's options. */
  @Transactional
  DomainReview assessDomain(Domain domain, String trigger, String processInstanceId) {
    CapacityOverview overview = capacity.overview();
    Bands bands = capacity.bands();
    DomainLoad load = overview.domains().stream().filter(d -> d.domain() == domain).findFirst().orElseThrow();
    if (!overloaded(load.committed(), load.capacity(), bands)) {
      return new DomainReview(null, load.utilisation(), bands.noNewWorkFrom(), List.of(), List.of(), "");
    }
    List<Map<String, String>> lend = lendOptions(domain, overview, bands);
    List<Map<String, String>> defer = deferOptions(domain);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("utilisation", load.utilisation());
    details.put("threshold", bands.noNewWorkFrom());
    details.put("lendOptions", lend);
    details.put("deferOptions", defer);
    long id = repository.insertProposal(domain, RebalancingRepository.DOMAIN, trigger, processInstanceId, List.of(),
        details, capacity.clock().now());
    return new DomainReview(id, load.utilisation(), bands.noNewWorkFrom(), lend, defer,
        domainText(domain, overview, bands, lend, defer));
  }

  /**
   * ICs of domains below "caution" who are themselves below it, not on loan, and whose skills pass the assignment
   * skill match (DMN minimum, 0.6) for at least one queued task of the borrowing domain; best fit first.
   */
  List<Map<String, String>> lendOptions(Domain domain, CapacityOverview overview, Bands bands) {
    List<TaskAttributes> queued = repository.queuedTasks(domain, QUEUED_TASKS_CHECKED).stream()
        .map(id -> TaskAttributes.of(workItems.get(id))).toList();
    if (queued.isEmpty()) {
      return List.of();
    }
    Instant now = capacity.clock().now();
    Set<String> onLoan = repository.unreturnedLoans().stream().filter(l -> l.open(now)).map(Loan::personId)
        .collect(Collectors.toSet());
    Set<Domain> lenders = overview.domains().stream().filter(d -> d.domain() != domain && d.utilisation() != null
        && d.utilisation() < bands.cautionFrom() - Bands.EPSILON).map(DomainLoad::domain).collect(Collectors.toSet());
    record Candidate(PersonLoad load, Person person, int fits) {}
    List<Candidate> candidates = new ArrayList<>();
    for (PersonLoad load : overview.people()) {
      if (!lenders.contains(load.domain()) || load.workload() == null
          || load.workload() >= bands.cautionFrom() - Bands.EPSILON || onLoan.contains(load.personId())) {
        continue;
      }
      Optional<Person> person = people.findById(load.personId()).filter(Person::active);
      if (person.isEmpty() || !person.get().isAvailableOn(capacity.clock().today())) {
        continue;
      }
      int fits = (int) queued.stream().filter(t -> assignment.skillFit(t, person.get()).passes()).count();
      if (fits > 0) {
        candidates.add(new Candidate(load, person.get(), fits));
      }
    }
    candidates.sort(Comparator.comparingInt((Candidate c) -> -c.fits())
        .thenComparingDouble(c -> c.load().workload()).thenComparing(c -> c.person().id()));
    return candidates.stream().limit(MAX_OPTIONS).map(c -> option(c.person().id(), c.person().id() + " — "
        + c.person().name() + " (" + c.load().domain().value() + ", load " + RebalancingPlanner.two(c.load().workload())
        + "): skills fit " + c.fits() + " of " + queued.size() + " queued tasks")).toList();
  }

  /** Open strategic tasks of the domain not yet deferred, lowest priority first, then the newest. */
  List<Map<String, String>> deferOptions(Domain domain) {
    List<WorkItem> strategic = repository.deferrableStrategicTasks(domain).stream().map(workItems::get)
        .sorted(Comparator.comparing((WorkItem w) -> w.priority().ordinal(), Comparator.reverseOrder())
            .thenComparing(WorkItem::createdAt, Comparator.reverseOrder()))
        .limit(MAX_OPTIONS).toList();
    List<Map<String, String>> options = new ArrayList<>();
    for (WorkItem st : strategic) {
      long notStarted = notStartedTactical(st).size();
      options.add(option(st.qualifiedKey(), st.qualifiedKey() + " (" + st.priority().jsonName() + ") " + st.title()
          + " — " + notStarted + " tactical task" + (notStarted == 1 ? "" : "s") + " not started"));
    }
    return options;
  }

  private List<WorkItem> notStartedTactical(WorkItem strategic) {
    return workItems.ofInstruction(strategic.instructionKey()).stream()
        .filter(w -> w.kind() == TaskKind.TACTICAL && strategic.taskKey().equals(w.parentTaskKey())
            && (w.state() == TaskState.PENDING || w.state() == TaskState.ASSIGNED))
        .toList();
  }

  private static Map<String, String> option(String value, String label) {
    Map<String, String> option = new LinkedHashMap<>();
    option.put("label", label);
    option.put("value", value);
    return option;
  }

  private static String domainText(Domain domain, CapacityOverview overview, Bands bands,
      List<Map<String, String>> lend, List<Map<String, String>> defer) {
    StringBuilder text = new StringBuilder();
    DomainLoad load = overview.domains().stream().filter(d -> d.domain() == domain).findFirst().orElseThrow();
    text.append("**").append(domain.value()).append("** is at ").append(ratio(load.utilisation()))
        .append(" (").append(hours(load.committed())).append(" committed of ").append(hours(load.capacity()))
        .append(" over 3 working days); no new work above ").append(RebalancingPlanner.two(bands.noNewWorkFrom()))
        .append(".\n\n#### All domains\n\n");
    overview.domains().forEach(d -> text.append("- ").append(d.domain().value()).append(": ")
        .append(ratio(d.utilisation())).append("\n"));
    text.append("\n#### Lend an IC (from a domain below ").append(RebalancingPlanner.two(bands.cautionFrom()))
        .append(")\n\n");
    text.append(lend.isEmpty() ? "- nobody: no IC of a less busy domain has the skills for the queued tasks\n"
        : lend.stream().map(o -> "- " + o.get("label") + "\n").collect(Collectors.joining()));
    text.append("\n#### Defer strategic tasks (lowest priority first)\n\n");
    text.append(defer.isEmpty() ? "- none open\n"
        : defer.stream().map(o -> "- " + o.get("label") + "\n").collect(Collectors.joining()));
    return text.toString();
  }

  /** The TL decided; lend and defer run next, escalate waits for the EM, dismiss ends it. */
  @Transactional
  void decideDomain(long reviewId, String action, String by, String note) {
    Proposal review = proposal(reviewId);
    if (!review.state().equals(RebalancingRepository.PROPOSED)) {
      throw new ConflictException("Domain review " + reviewId + " is already " + review.state());
    }
    String state = switch (action) {
      case "lend", "defer" -> RebalancingRepository.APPROVED;
      case "escalate" -> RebalancingRepository.ESCALATED;
      case "dismiss" -> RebalancingRepository.REJECTED;
      default -> throw new IllegalArgumentException("action " + action);
    };
    repository.decide(reviewId, state, action, null, by, note, capacity.clock().now());
  }

  /** Checks a lend choice against the options the review offered, and that the IC is not on loan meanwhile. */
  void validateLend(long reviewId, String personId, Integer days, String field) {
    Proposal review = proposal(reviewId);
    @SuppressWarnings("unchecked")
    List<Map<String, String>> offered = (List<Map<String, String>>) review.details().getOrDefault("lendOptions",
        List.of());
    if (offered.isEmpty()) {
      throw new FormInputException(field, "No IC can be lent to " + review.domain().value()
          + " now; choose defer, escalate or dismiss");
    }
    if (personId == null || offered.stream().noneMatch(o -> personId.equals(o.get("value")))) {
      throw new FormInputException(field, "Choose one of the offered ICs: " + offered.stream()
          .map(o -> o.get("value")).collect(Collectors.joining(", ")));
    }
    Instant now = capacity.clock().now();
    if (repository.unreturnedLoans().stream().anyMatch(l -> l.personId().equals(personId) && l.open(now))) {
      throw new FormInputException(field, personId + " is already lent to another domain");
    }
    if (days == null || days < 1 || days > MAX_LOAN_DAYS) {
      throw new FormInputException(RebalancingVariables.LOAN_DAYS, "Loan length must be 1 to " + MAX_LOAN_DAYS
          + " days");
    }
  }

  /**
   * Lends the IC to the review's domain for {@code days} (a domain_loan row with an end): from now on assignment
   * ranks them among the domain's candidates until the loan ends or is returned. Announced on {@code tech-leads}
   * and the IC's home team channel.
   */
  @Transactional
  Loan lend(long reviewId, String personId, int days, String by, String note) {
    Proposal review = proposal(reviewId);
    Instant now = capacity.clock().now();
    Instant ends = now.plus(Duration.ofDays(days));
    Person person = people.findById(personId).orElseThrow(() -> new NotFoundException("person", personId));
    long loanId = repository.insertLoan(personId, review.domain(), now, ends, by, reviewId, note);
    Map<String, Object> details = new LinkedHashMap<>(review.details());
    details.put("action", Map.of("lend", personId, "loanId", loanId, "endsAt", ends.toString()));
    repository.markApplied(reviewId, details, now);
    LocalDate endDay = LocalDate.ofInstant(ends, capacity.clock().zone());
    String message = person.name() + " (" + personId + ", " + person.domain().value() + ") is lent to "
        + review.domain().value() + " until " + endDay + " by " + by + ": a candidate for its tasks until then, "
        + "or until a tech lead returns them (loan #" + loanId + ")." + (note == null ? "" : " Note: " + note);
    String subject = Texts.abbreviate("Lent: " + personId + " (" + person.domain().value() + ") to " + review.domain().value()
        + " until " + endDay, 200);
    List<String> domains = List.of(review.domain().value(), person.domain().value());
    announcements.announce(new Announcement.Draft(Channels.TECH_LEADS, AnnouncementType.RESOURCE_SHIFT,
        Priority.NORMAL, subject, message, List.of(), domains, List.of()));
    announcements.announce(new Announcement.Draft(Channels.team(person.domain()), AnnouncementType.RESOURCE_SHIFT,
        Priority.NORMAL, subject, message, List.of(), domains,
        List.of(Texts.abbreviate(personId + ": expect " + review.domain().value() + " tasks in your Tasklist until " + endDay,
            500))));
    return repository.findLoan(loanId).orElseThrow();
  }

  /** Parses and checks the strategic tasks to defer: offered in the review, still open. */
  List<WorkItem> validateDefer(long reviewId, List<String> keys, String field) {
    Proposal review = proposal(reviewId);
    if (keys.isEmpty()) {
      throw new FormInputException(field, "Choose at least one strategic task to defer");
    }
    List<WorkItem> chosen = new ArrayList<>();
    Set<Long> open = new HashSet<>(repository.deferrableStrategicTasks(review.domain()));
    for (String key : keys) {
      String[] parts = key.split("/", 2);
      if (parts.length != 2) {
        throw new FormInputException(field, "'" + key + "' is not a strategic task key; write INS-…/ST…");
      }
      WorkItem item = find(new RebalancingMove(parts[0].strip(), parts[1].strip(), "", "", 0, null))
          .orElseThrow(() -> new FormInputException(field, "There is no task " + key));
      if (item.kind() != TaskKind.STRATEGIC || item.domain() != review.domain() || !open.contains(item.id())) {
        throw new FormInputException(field, key + " is not an open, not yet deferred strategic task of "
            + review.domain().value());
      }
      chosen.add(item);
    }
    return chosen;
  }

  /**
   * Defers strategic tasks (SPEC §8.5) without breaking anything that runs: records each deferral with the previous
   * priorities, and lowers to low the priority of the strategic task and of its tactical tasks that have not started
   * (PENDING, ASSIGNED). Running work keeps its priority; nothing is paused or cancelled. Announced on the domain's
   * team channel and {@code tech-leads}.
   */
  @Transactional
  List<Deferral> defer(long reviewId, List<WorkItem> strategic, String by, String note) {
    Proposal review = proposal(reviewId);
    Instant now = capacity.clock().now();
    List<Deferral> deferrals = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (WorkItem st : strategic) {
      Map<Long, String> previous = new LinkedHashMap<>();
      List<WorkItem> lowered = new ArrayList<>(List.of(workItems.get(st.id())));
      lowered.addAll(notStartedTactical(st));
      for (WorkItem item : lowered) {
        previous.put(item.id(), item.priority().name());
        if (item.priority() != Priority.LOW) {
          setPriority(item, Priority.LOW);
        }
      }
      long id = repository.insertDeferral(reviewId, st.id(), review.domain(), previous, by, now, note);
      deferrals.add(repository.findDeferral(id).orElseThrow());
      lines.add(st.qualifiedKey() + " (" + st.title() + "): " + (lowered.size() - 1) + " tactical tasks not started "
          + "now low priority");
    }
    Map<String, Object> details = new LinkedHashMap<>(review.details());
    details.put("action", Map.of("defer", strategic.stream().map(WorkItem::qualifiedKey).toList()));
    repository.markApplied(reviewId, details, now);
    String message = "Deferred by " + by + " because " + review.domain().value() + " is overloaded:\n- "
        + String.join("\n- ", lines) + "\nRunning work is not touched; the deferred work is planned and assigned "
        + "after everything else." + (note == null ? "" : "\nNote: " + note);
    List<String> instructions = strategic.stream().map(WorkItem::instructionKey).distinct().toList();
    for (String channel : List.of(Channels.team(review.domain()), Channels.TECH_LEADS)) {
      announcements.announce(new Announcement.Draft(channel, AnnouncementType.PRIORITY_CHANGE, Priority.NORMAL,
          Texts.abbreviate("Deferred in " + review.domain().value() + ": " + strategic.stream().map(WorkItem::qualifiedKey)
              .collect(Collectors.joining(", ")), 200), message, instructions, List.of(review.domain().value()),
          List.of()));
    }
    return deferrals;
  }

  private void setPriority(WorkItem item, Priority priority) {
    WorkItem changed = workItems.changePriority(item, priority);
    if (changed.kind() == TaskKind.TACTICAL && changed.processInstanceId() != null && changed.state().isOpen()) {
      // The forms show the priority from the lifecycle's variables: keep them in step.
      asSystem.run(() -> runtime.setVariable(changed.processInstanceId(), LifecycleVariables.PRIORITY,
          priority.jsonName()));
    }
  }

  /** The EM decided on an escalated domain review. */
  @Transactional
  void recordEmDecision(long reviewId, String by, String decision) {
    Proposal review = proposal(reviewId);
    if (!review.state().equals(RebalancingRepository.ESCALATED)) {
      throw new ConflictException("Domain review " + reviewId + " is " + review.state() + ", not escalated");
    }
    Map<String, Object> details = new LinkedHashMap<>(review.details());
    details.put("action", Map.of("escalate", by, "emDecision", decision));
    repository.markApplied(reviewId, details, capacity.clock().now());
    announcements.announce(new Announcement.Draft(Channels.TECH_LEADS, AnnouncementType.RESOURCE_SHIFT,
        Priority.HIGH, Texts.abbreviate("Capacity of " + review.domain().value() + ": the engineering manager decided", 200),
        by + " on the overloaded " + review.domain().value() + " domain (review #" + reviewId + "): " + decision,
        List.of(), List.of(review.domain().value()), List.of()));
  }

  // ============================================================================================ API

  /** Open proposals and reviews, recent history, loans and deferrals. */
  record Overview(List<Proposal> open, List<Proposal> history, List<Loan> loans, List<Deferral> deferrals) {}

  Overview overview(Domain domainOrNull, int limit) {
    List<Proposal> open = repository.openProposals(domainOrNull);
    List<Proposal> history = repository.proposals(domainOrNull, limit).stream().filter(p -> !p.open()).toList();
    List<Loan> loans = repository.recentLoans(limit).stream()
        .filter(l -> domainOrNull == null || l.domain() == domainOrNull || l.homeDomain() == domainOrNull).toList();
    List<Deferral> deferrals = repository.recentDeferrals(limit).stream()
        .filter(d -> domainOrNull == null || d.domain() == domainOrNull).toList();
    return new Overview(open, history, loans, deferrals);
  }

  /** A TL or EM ends a loan now; the IC stops being a candidate of the borrowing domain at once. */
  @Transactional
  Loan returnLoan(long loanId, String by, List<String> groups) {
    requireTechLeadOrManager(groups, "return a lent IC");
    Loan loan = repository.findLoan(loanId).orElseThrow(() -> new NotFoundException("loan", String.valueOf(loanId)));
    Instant now = capacity.clock().now();
    if (!loan.open(now) || !repository.returnLoan(loanId, by, now)) {
      throw new ConflictException("Loan " + loanId + " of " + loan.personId() + " has already ended");
    }
    announcements.announce(Announcement.Draft.of(Channels.TECH_LEADS, AnnouncementType.RESOURCE_SHIFT,
        Priority.NORMAL, Texts.abbreviate("Returned: " + loan.personId() + " back to " + loan.homeDomain().value() + " from "
            + loan.domain().value(), 200), loan.personId() + " is no longer a candidate for " + loan.domain().value()
            + " tasks (loan #" + loanId + ", returned by " + by + "); tasks already assigned stay with them."));
    return repository.findLoan(loanId).orElseThrow();
  }

  /** A TL or EM undoes a deferral: the recorded priorities come back where nobody changed them since. */
  @Transactional
  Deferral undoDeferral(long deferralId, String by, List<String> groups) {
    requireTechLeadOrManager(groups, "undo a deferral");
    Deferral deferral = repository.findDeferral(deferralId)
        .orElseThrow(() -> new NotFoundException("deferral", String.valueOf(deferralId)));
    if (deferral.undoneAt() != null || !repository.undoDeferral(deferralId, by, capacity.clock().now())) {
      throw new ConflictException("Deferral " + deferralId + " was already undone");
    }
    deferral.previousPriorities().forEach((id, priority) -> {
      WorkItem item = workItems.get(id);
      if (item.state().isOpen() && item.priority() == Priority.LOW && !priority.equals(Priority.LOW.name())) {
        setPriority(item, Priority.valueOf(priority));
      }
    });
    return repository.findDeferral(deferralId).orElseThrow();
  }

  static void requireTechLeadOrManager(List<String> groups, String what) {
    if (!groups.contains(OrganizationGroups.TECH_LEADS) && !groups.contains(OrganizationGroups.ENGINEERING_MANAGERS)) {
      throw new ForbiddenException("Only the tech lead or the engineering manager may " + what);
    }
  }

  Proposal proposal(long id) {
    return repository.findProposal(id).orElseThrow(() -> new NotFoundException("rebalancing proposal",
        String.valueOf(id)));
  }

  // ============================================================================================ text

  private String nameOf(String personId) {
    return people.findById(personId).map(p -> p.name() + " (" + personId + ")").orElse(personId);
  }

  private static Map<String, Double> rounded(Map<String, Double> workloads) {
    Map<String, Double> rounded = new LinkedHashMap<>();
    workloads.forEach((id, w) -> rounded.put(id, Double.isFinite(w) ? Math.round(w * 10_000) / 10_000.0 : null));
    return rounded;
  }

  private static String ratio(Double value) {
    return value == null ? "no capacity" : RebalancingPlanner.two(value);
  }

  private static String hours(double hours) {
    return String.format(Locale.ROOT, "%.1f h", hours);
  }

}
