package com.orchestration.communication;

import static com.orchestration.communication.StandupLines.hours;
import static com.orchestration.communication.StandupLines.ratio;

import com.orchestration.capacity.Band;
import com.orchestration.capacity.CapacityClock;
import com.orchestration.capacity.CapacityOverview;
import com.orchestration.capacity.CapacityService;
import com.orchestration.capacity.Forecast;
import com.orchestration.capacity.ForecastService;
import com.orchestration.communication.StandupFacts.EscalationRow;
import com.orchestration.communication.StandupFacts.HandoffRow;
import com.orchestration.communication.StandupFacts.InstructionRow;
import com.orchestration.communication.StandupFacts.Item;
import com.orchestration.communication.StandupFacts.OpenEscalation;
import com.orchestration.communication.StandupFacts.SlaRow;
import com.orchestration.communication.StandupLines.Blocker;
import com.orchestration.communication.StandupLines.CriticalPath;
import com.orchestration.communication.StandupLines.DomainLoad;
import com.orchestration.communication.StandupLines.EscalationLine;
import com.orchestration.communication.StandupLines.EscalationRef;
import com.orchestration.communication.StandupLines.HandoffLine;
import com.orchestration.communication.StandupLines.InstructionProgress;
import com.orchestration.communication.StandupLines.PersonLoad;
import com.orchestration.communication.StandupLines.PersonRef;
import com.orchestration.communication.StandupLines.ProjectedMiss;
import com.orchestration.communication.StandupLines.SilenceLine;
import com.orchestration.communication.StandupLines.SlaLine;
import com.orchestration.communication.StandupLines.StrategicProgress;
import com.orchestration.communication.StandupLines.TaskLine;
import com.orchestration.communication.StandupLines.TeamLine;
import com.orchestration.communication.StandupLines.Utilisation;
import com.orchestration.insight.CriticalPathService;
import com.orchestration.insight.WorkingTime;
import com.orchestration.lifecycle.HeartbeatService;
import com.orchestration.lifecycle.HeartbeatSilence;
import com.orchestration.lifecycle.SlaEventKind;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.organization.Domain;
import com.orchestration.organization.Person;
import com.orchestration.organization.PersonDirectory;
import com.orchestration.organization.Role;
import com.orchestration.platform.InvalidInputException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Builds standup reports (SPEC §9.4) from the real data: work items and their transition log, SLA events, heartbeats
 * (the silence rule of {@link HeartbeatService}), escalations, handoffs, capacity and the forecast. A handful of
 * set-based reads per run, whatever the number of ICs and tasks; the reports are assembled in memory.
 *
 * <p>A report shows the state at generation time (the engine clock); the report date sets the windows: daily — from
 * the start of the previous working day (completions, SLA events, accepted handoffs); weekly — from seven days
 * before (escalations). Regenerating a past date therefore shows that date's windows over today's state.
 */
@Service
class StandupService {

  private static final Comparator<Item> BY_KEY = Comparator.comparing(Item::instructionKey)
      .thenComparing(Item::taskKey);

  private final StandupFacts facts;
  private final HeartbeatService heartbeats;
  private final CapacityService capacity;
  private final ForecastService forecasts;
  private final PersonDirectory people;
  private final CapacityClock clock;
  private final StandupMarkdown markdown;
  private final CriticalPathService criticalPaths;
  private final double hoursPerWorkingDay;

  StandupService(StandupFacts facts, HeartbeatService heartbeats, CapacityService capacity, ForecastService forecasts,
      PersonDirectory people, CapacityClock clock, StandupMarkdown markdown, CriticalPathService criticalPaths,
      @Value("${orchestration.working-hours-per-day:8}") double hoursPerWorkingDay) {
    this.facts = facts;
    this.heartbeats = heartbeats;
    this.capacity = capacity;
    this.forecasts = forecasts;
    this.people = people;
    this.clock = clock;
    this.markdown = markdown;
    this.criticalPaths = criticalPaths;
    this.hoursPerWorkingDay = hoursPerWorkingDay;
  }

  /** Today in {@code orchestration.time-zone}, by the engine clock. */
  LocalDate today() {
    return clock.today();
  }

  /**
   * The reports of one run; nothing is stored.
   *
   * @throws InvalidInputException (field {@code date}) for a date after today
   */
  StandupRun generate(LocalDate date, StandupKind kind) {
    Instant now = clock.now();
    if (date.isAfter(clock.today())) {
      throw new InvalidInputException("date", "A standup reports what happened; " + date + " is after today ("
          + clock.today() + ")");
    }
    ZoneId zone = clock.zone();
    Instant since = (kind == StandupKind.WEEKLY ? date.minusDays(7) : previousWorkingDay(date)).atStartOfDay(zone)
        .toInstant();
    Instant endOfDay = date.plusDays(1).atStartOfDay(zone).toInstant();
    Instant until = now.isBefore(endOfDay) ? now : endOfDay;
    Window window = new Window(date, since, until, now);
    return kind == StandupKind.WEEKLY ? weekly(window) : daily(window);
  }

  static LocalDate previousWorkingDay(LocalDate date) {
    LocalDate day = date.minusDays(1);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.minusDays(1);
    }
    return day;
  }

  /** @param until the end of the windows: the end of the report date, or now when that is earlier */
  record Window(LocalDate date, Instant since, Instant until, Instant now) {

    boolean contains(Instant instant) {
      return instant != null && !instant.isBefore(since) && instant.isBefore(until);
    }
  }

  // ------------------------------------------------------------------------------------------------- daily

  private StandupRun daily(Window window) {
    List<Item> items = facts.items(window.since());
    Map<Long, Item> byId = new HashMap<>();
    items.forEach(item -> byId.put(item.id(), item));
    List<Item> open = items.stream().filter(i -> i.kind() == TaskKind.TACTICAL && i.state().isOpen())
        .sorted(BY_KEY).toList();
    List<Item> completed = items.stream().filter(i -> i.kind() == TaskKind.TACTICAL
        && i.state() == TaskState.COMPLETED && window.contains(i.stateSince())).sorted(BY_KEY).toList();
    List<Blocker> blockers = blockers(items);
    List<SlaRow> slaEvents = facts.slaEvents(window.since(), window.until());
    List<HandoffRow> handoffs = facts.handoffs(window.since(), window.until());
    List<StandupFacts.StrategicRow> strategic = facts.openStrategicTasks();
    // The silence rule is the lifecycle's; strategic tasks (no assignee, no heartbeats) are left out here.
    List<HeartbeatSilence> silences = heartbeats.missing(window.now()).stream()
        .filter(s -> byId.containsKey(s.workItemId()) && byId.get(s.workItemId()).kind() == TaskKind.TACTICAL)
        .toList();
    CapacityOverview overview = capacity.overview();
    Forecast forecast = forecasts.forecast();

    // Everything indexed once by IC and by domain: the per-IC and per-domain loops below only look up.
    Map<String, CapacityOverview.PersonLoad> loads = new HashMap<>();
    overview.people().forEach(p -> loads.put(p.personId(), p));
    Map<String, List<Item>> openOf = byAssignee(open, Item::assignee);
    Map<String, List<Item>> completedOf = byAssignee(completed, Item::assignee);
    Map<String, List<Blocker>> blockersOf = byAssignee(blockers, Blocker::assignee);
    Map<String, List<SlaRow>> slaOf = byAssignee(slaEvents, SlaRow::assignee);
    Map<String, List<HeartbeatSilence>> silencesOf = byAssignee(silences, HeartbeatSilence::assignee);

    List<StandupRun.Report> reports = new ArrayList<>();
    for (Person ic : people.findActiveByRole(Role.IC)) {
      List<TaskLine> tasks = openOf.getOrDefault(ic.id(), List.of()).stream().map(StandupService::line).toList();
      StandupIcReport report = new StandupIcReport(StandupLevel.IC.value(), window.date(), window.now(),
          window.since(), ref(ic), utilisation(loads.get(ic.id())),
          new StandupIcReport.Totals(tasks.size(), hours(tasks.stream().mapToDouble(TaskLine::hoursSpent).sum()),
              hours(tasks.stream().mapToDouble(TaskLine::remainingHours).sum())),
          tasks,
          completedOf.getOrDefault(ic.id(), List.of()).stream().map(StandupService::line).toList(),
          blockersOf.getOrDefault(ic.id(), List.of()),
          slaOf.getOrDefault(ic.id(), List.of()).stream().map(StandupService::sla).toList(),
          silencesOf.getOrDefault(ic.id(), List.of()).stream().map(StandupService::silence).toList());
      reports.add(new StandupRun.Report(StandupLevel.IC, ic.id(),
          ic.domain() == null ? null : ic.domain().value(), report, markdown.ic(report)));
    }

    Map<Domain, List<Item>> openIn = byDomain(open, Item::domain);
    Map<Domain, List<Item>> completedIn = byDomain(completed, Item::domain);
    Map<Domain, List<Blocker>> blockersIn = byDomain(blockers, b -> domainOf(b, byId));
    Map<Domain, List<SlaRow>> slaIn = byDomain(slaEvents, SlaRow::domain);
    Map<Domain, List<HeartbeatSilence>> silencesIn = byDomain(silences, s -> byId.get(s.workItemId()).domain());
    Map<Domain, List<StandupFacts.StrategicRow>> strategicIn = byDomain(strategic, StandupFacts.StrategicRow::domain);
    Map<Domain, List<ProjectedMiss>> missesIn = new EnumMap<>(Domain.class);
    for (Forecast.IcForecast ic : forecast.people()) {
      for (Forecast.ProjectedMiss miss : ic.projectedMisses()) {
        Item item = byId.get(miss.workItemId());
        Domain taskDomain = item != null ? item.domain() : ic.domain();
        int slash = miss.taskKey().lastIndexOf('/');
        if (taskDomain != null) {
          missesIn.computeIfAbsent(taskDomain, d -> new ArrayList<>()).add(new ProjectedMiss(
              miss.taskKey().substring(0, Math.max(0, slash)), miss.taskKey().substring(slash + 1), ic.personId(),
              miss.deadline(), miss.projectedFinish()));
        }
      }
    }

    for (Domain domain : Domain.values()) {
      List<Item> domainOpen = openIn.getOrDefault(domain, List.of());
      Map<TaskState, Integer> counts = new LinkedHashMap<>();
      for (TaskState state : TaskState.values()) {
        if (state.isOpen() && state != TaskState.IN_PLANNING) {
          counts.put(state, 0);
        }
      }
      domainOpen.forEach(i -> counts.merge(i.state(), 1, Integer::sum));
      List<TeamLine> team = new ArrayList<>();
      for (Person ic : people.findActiveIcs(domain)) {
        List<Item> theirs = openOf.getOrDefault(ic.id(), List.of()).stream().filter(i -> i.domain() == domain)
            .toList();
        CapacityOverview.PersonLoad load = loads.get(ic.id());
        team.add(new TeamLine(ic.id(), ic.name(), theirs.size(), hours(theirs.stream().mapToDouble(Item::remaining)
            .sum()), load == null ? null : ratio(load.workload()), load == null ? null : load.band()));
      }
      CapacityOverview.DomainLoad domainLoad = overview.domains().stream().filter(d -> d.domain() == domain)
          .findFirst().orElse(null);
      List<HandoffLine> domainHandoffs = handoffs.stream()
          .filter(h -> h.fromDomain() == domain || h.toDomains().contains(domain.value()))
          .map(StandupService::handoff).toList();
      List<SlaRow> domainSla = slaIn.getOrDefault(domain, List.of());
      StandupDomainReport report = new StandupDomainReport(StandupLevel.DOMAIN.value(), window.date(),
          window.now(), window.since(), domain, people.findDomainLead(domain).map(StandupService::ref).orElse(null),
          counts, domainOpen.size(), completedIn.getOrDefault(domain, List.of()).size(),
          domainLoad == null ? null : new Utilisation(hours(domainLoad.committed()), hours(domainLoad.capacity()),
              ratio(domainLoad.utilisation()), domainLoad.band()),
          team,
          strategicIn.getOrDefault(domain, List.of()).stream().map(st -> new StrategicProgress(st.instructionKey(),
              st.taskKey(), st.title(), st.state(), st.completedTasks(), st.totalTasks(),
              st.totalTasks() == 0 ? 0 : ratio((double) st.completedTasks() / st.totalTasks()))).toList(),
          blockersIn.getOrDefault(domain, List.of()),
          new StandupDomainReport.Handoffs(
              domainHandoffs.stream().filter(h -> !"ACCEPTED".equals(h.state())).toList(),
              domainHandoffs.stream().filter(h -> "ACCEPTED".equals(h.state())).toList()),
          new StandupDomainReport.Risks(missesIn.getOrDefault(domain, List.of()), domainSla.stream()
              .filter(e -> e.kind() == SlaEventKind.BREACH).map(StandupService::sla).toList()),
          domainSla.stream().filter(e -> e.kind() == SlaEventKind.WARNING).map(StandupService::sla).toList(),
          silencesIn.getOrDefault(domain, List.of()).stream().map(StandupService::silence).toList());
      reports.add(new StandupRun.Report(StandupLevel.DOMAIN, domain.value(), domain.value(), report,
          markdown.domain(report)));
    }
    return new StandupRun(window.date(), StandupKind.DAILY, reports);
  }

  private static <T> Map<String, List<T>> byAssignee(List<T> values, Function<T, String> assignee) {
    Map<String, List<T>> index = new HashMap<>();
    for (T value : values) {
      String key = assignee.apply(value);
      if (key != null) {
        index.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      }
    }
    return index;
  }

  private static <T> Map<Domain, List<T>> byDomain(List<T> values, Function<T, Domain> domain) {
    Map<Domain, List<T>> index = new EnumMap<>(Domain.class);
    for (T value : values) {
      Domain key = domain.apply(value);
      if (key != null) {
        index.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      }
    }
    return index;
  }

  private static Domain domainOf(Blocker blocker, Map<Long, Item> byId) {
    Item item = byId.get(blocker.workItemId());
    return item == null ? null : item.domain();
  }

  /** BLOCKED and ESCALATED tasks, and tasks with an open escalation, each with its newest open escalation. */
  private List<Blocker> blockers(List<Item> items) {
    Map<Long, OpenEscalation> newest = new HashMap<>();
    for (OpenEscalation e : facts.openEscalations()) {
      newest.merge(e.workItemId(), e, (a, b) -> a.id() > b.id() ? a : b);
    }
    Map<Long, String> reasons = facts.blockerReasons();
    List<Blocker> blockers = new ArrayList<>();
    for (Item item : items.stream().sorted(BY_KEY).toList()) {
      boolean stuck = item.state() == TaskState.BLOCKED || item.state() == TaskState.ESCALATED;
      OpenEscalation escalation = newest.get(item.id());
      if (item.state().isOpen() && (stuck || escalation != null)) {
        blockers.add(new Blocker(item.id(), item.instructionKey(), item.taskKey(), item.assignee(), item.state(),
            item.stateSince(), reasons.get(item.id()), escalation == null ? null : new EscalationRef(escalation.id(),
                escalation.level(), escalation.reasonType(), escalation.resolverGroup(), escalation.openedAt(),
                escalation.dueAt())));
      }
    }
    return blockers;
  }


  // ------------------------------------------------------------------------------------------------ weekly

  private StandupRun weekly(Window window) {
    List<Item> open = facts.items(window.since()).stream()
        .filter(i -> i.kind() == TaskKind.TACTICAL && i.state().isOpen()).toList();
    Map<String, List<Item>> openByInstruction = new HashMap<>();
    open.forEach(i -> openByInstruction.computeIfAbsent(i.instructionKey(), k -> new ArrayList<>()).add(i));
    List<InstructionRow> inFlight = facts.instructionsInFlight();
    // The product's one critical path (insight): calibrated, strategic tasks not yet broken down included.
    Map<String, com.orchestration.insight.CriticalPath> paths = criticalPaths.of(inFlight.stream()
        .map(InstructionRow::instructionKey).toList());
    ZoneId zone = clock.zone();

    List<InstructionProgress> instructions = new ArrayList<>();
    for (InstructionRow row : inFlight) {
      List<Item> tasks = openByInstruction.getOrDefault(row.instructionKey(), List.of());
      com.orchestration.insight.CriticalPath critical = paths.get(row.instructionKey());
      CriticalPath path = critical == null ? new CriticalPath(List.of(), 0)
          : new CriticalPath(critical.path(), hours(critical.remainingHours()));
      Instant deadline = row.deadline() != null ? row.deadline()
          : tasks.stream().map(Item::deadline).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
      Double slack = deadline == null ? null : hours(WorkingTime.hoursBetween(window.now(), deadline, zone,
          hoursPerWorkingDay) - path.remainingHours());
      instructions.add(new InstructionProgress(row.instructionKey(), row.title(), row.tier(),
          row.priority() == null ? null : row.priority().jsonName(), row.state(), deadline, row.completedTasks(),
          row.totalTasks(), row.totalTasks() == 0 ? 0 : ratio((double) row.completedTasks() / row.totalTasks()),
          hours(tasks.stream().mapToDouble(Item::remaining).sum()), path, slack,
          StandupLines.status(slack, hoursPerWorkingDay)));
    }

    CapacityOverview overview = capacity.overview();
    CapacityOverview.Totals system = overview.system();
    StandupWeeklyReport.Capacity capacityOverview = new StandupWeeklyReport.Capacity(
        new DomainLoad(null, hours(system.committed()), hours(system.capacity()), ratio(system.utilisation()),
            capacity.bands().band(system.committed(), system.capacity())),
        overview.domains().stream().map(d -> new DomainLoad(d.domain(), hours(d.committed()), hours(d.capacity()),
            ratio(d.utilisation()), d.band())).toList(),
        overview.people().stream().filter(p -> p.band() == Band.NO_NEW_WORK || p.band() == Band.OVERSUBSCRIBED)
            .map(p -> new PersonLoad(p.personId(), p.domain(), hours(p.committed()), hours(p.capacity()),
                ratio(p.workload()), p.band())).toList());

    List<EscalationRow> rows = facts.escalations(window.since(), window.until());
    List<EscalationRow> opened = rows.stream().filter(e -> window.contains(e.openedAt())).toList();
    Map<String, Integer> byLevel = new TreeMap<>();
    opened.forEach(e -> byLevel.merge(e.level(), 1, Integer::sum));
    StandupWeeklyReport.Escalations escalations = new StandupWeeklyReport.Escalations(opened.size(),
        (int) rows.stream().filter(e -> window.contains(e.closedAt())).count(), facts.openEscalationCount(), byLevel,
        opened.stream().map(e -> new EscalationLine(e.id(), e.instructionKey(), e.taskKey(), e.domain(), e.level(),
            e.reasonType(), e.resolverGroup(), e.openedAt(), e.closedAt(), e.outcome())).toList());

    StandupWeeklyReport report = new StandupWeeklyReport(StandupLevel.WEEKLY.value(), window.date(), window.now(),
        window.since(), instructions, capacityOverview, escalations);
    return new StandupRun(window.date(), StandupKind.WEEKLY, List.of(new StandupRun.Report(StandupLevel.WEEKLY,
        StandupLevel.WEEKLY_SUBJECT, null, report, markdown.weekly(report))));
  }

  // ------------------------------------------------------------------------------------------------ lines

  private static TaskLine line(Item i) {
    return new TaskLine(i.instructionKey(), i.taskKey(), i.title(), i.assignee(), i.state(), hours(i.estimateHours()),
        hours(i.hoursSpent()), i.state().isOpen() ? hours(i.remaining()) : 0,
        ratio(i.hoursSpent() / i.estimateHours()), i.deadline(), i.stateSince(), i.lastHeartbeat());
  }

  private static Utilisation utilisation(CapacityOverview.PersonLoad load) {
    return load == null ? null : new Utilisation(hours(load.committed()), hours(load.capacity()),
        ratio(load.workload()), load.band());
  }

  private static PersonRef ref(Person person) {
    return new PersonRef(person.id(), person.name(), person.domain(),
        person.kind() == null ? null : person.kind().name().toLowerCase(Locale.ROOT));
  }

  private static SlaLine sla(SlaRow e) {
    return new SlaLine(e.instructionKey(), e.taskKey(), e.assignee(), e.state(), e.kind(), e.dueAt(), e.firedAt());
  }

  private static SilenceLine silence(HeartbeatSilence s) {
    return new SilenceLine(s.instructionKey(), s.taskKey(), s.assignee(), s.silentSince(),
        hours(s.silence().toMinutes() / 60.0));
  }

  private static HandoffLine handoff(HandoffRow h) {
    return new HandoffLine(h.id(), h.instructionKey(), h.taskKey(), h.fromDomain(), h.toDomains(), h.state(),
        h.startedAt(), h.acceptedAt(), h.rounds());
  }
}
