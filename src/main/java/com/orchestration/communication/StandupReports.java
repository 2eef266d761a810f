package com.orchestration.communication;

import static com.orchestration.communication.StandupVariables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orchestration.organization.Domain;
import com.orchestration.organization.OrganizationGroups;
import com.orchestration.organization.Person;
import com.orchestration.organization.PersonDirectory;
import com.orchestration.organization.Role;
import com.orchestration.platform.AsSystem;
import com.orchestration.platform.ForbiddenException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored standup reports: writing a run (replacing the day's reports of its levels), reading them with the readers'
 * rights, and running the standup process on demand.
 *
 * <p>Who reads what: the EM, the TL and the domain leads (and the admin group) read every report; an IC reads their
 * own IC report and their domain's report; an architect reads domain and weekly reports. Who may generate on demand:
 * domain leads, the TL and the EM.
 */
@Service
class StandupReports {

  static final String ADMIN_GROUP = "camunda-admin";

  private final StandupReportRepository repository;
  private final ObjectMapper json;
  private final PersonDirectory people;
  private final RuntimeService runtime;
  private final AsSystem asSystem;

  StandupReports(StandupReportRepository repository, ObjectMapper json, PersonDirectory people,
      RuntimeService runtime, AsSystem asSystem) {
    this.repository = repository;
    this.json = json;
    this.people = people;
    this.runtime = runtime;
    this.asSystem = asSystem;
  }

  /** Replaces the stored reports of the run's day and levels with the run's reports; one transaction. */
  @Transactional
  int store(StandupRun run) {
    repository.delete(run.date(), run.kind().levels());
    Instant now = ClockUtil.getCurrentTime().toInstant();
    for (StandupRun.Report report : run.reports()) {
      repository.insert(run.date(), report.level(), report.subject(), report.domain(), toJson(report.content()),
          report.markdown(), now);
    }
    return run.reports().size();
  }

  /**
   * Runs the standup process now for {@code date} (message {@code standup-requested}; it runs to its end inside this
   * call) and returns the reports it stored.
   *
   * @throws ForbiddenException the requester is not a domain lead, the TL or the EM
   */
  @Transactional
  List<StandupReportRepository.Row> generate(LocalDate date, StandupKind kind, boolean announce, String requester,
      Collection<String> groups) {
    if (!groups.contains(OrganizationGroups.DOMAIN_LEADS) && !groups.contains(OrganizationGroups.TECH_LEADS)
        && !groups.contains(OrganizationGroups.ENGINEERING_MANAGERS)) {
      throw new ForbiddenException("Only domain leads, the tech lead and the engineering manager may generate a "
          + "standup on demand; everybody reads the reports they may see with GET /api/standups");
    }
    request(date, kind, announce, requester);
    List<StandupReportRepository.Row> rows = new ArrayList<>();
    for (StandupLevel level : List.of(StandupLevel.WEEKLY, StandupLevel.DOMAIN, StandupLevel.IC)) {
      if (kind.levels().contains(level)) {
        rows.addAll(repository.find(date, level, null, null));
      }
    }
    return rows;
  }

  /**
   * Starts a run of BPMN {@code standup} through its message start event; without wait states, it has generated,
   * stored (and announced) when this returns. Inside a delegate it joins the caller's transaction.
   */
  void request(LocalDate date, StandupKind kind, boolean announce, String requester) {
    asSystem.run(() -> runtime.createMessageCorrelation(MESSAGE_REQUESTED)
        .setVariables(Map.of(STANDUP_DATE, date.toString(), STANDUP_KIND, kind.value(), STANDUP_ANNOUNCE, announce,
            STANDUP_REQUESTED_BY, requester))
        .correlateStartMessage());
  }

  /** What a reader may see, from their groups and their person record. */
  record Reader(String userId, boolean readsAll, Person person) {

    boolean mayRead(StandupReportRepository.Row row) {
      if (readsAll) {
        return true;
      }
      if (person == null) {
        return false;
      }
      return switch (row.level()) {
        case IC -> person.role() == Role.IC && person.id().equals(row.subject());
        case DOMAIN -> person.role() == Role.ARCHITECT
            || (person.role() == Role.IC && person.domain() != null && person.domain().value().equals(row.subject()));
        case WEEKLY -> person.role() == Role.ARCHITECT;
      };
    }
  }

  Reader reader(String userId, Collection<String> groups) {
    boolean all = groups.contains(OrganizationGroups.ENGINEERING_MANAGERS) || groups.contains(
        OrganizationGroups.TECH_LEADS) || groups.contains(OrganizationGroups.DOMAIN_LEADS) || groups.contains(ADMIN_GROUP);
    Person person = userId == null ? null : people.findById(userId).filter(Person::active).orElse(null);
    return new Reader(userId, all, person);
  }

  /**
   * The reports of a day the reader may see. An explicit filter for something they may not read (another IC, another
   * domain, the weekly report for an IC) is refused rather than answered with an empty list.
   */
  List<StandupReportRepository.Row> read(Reader reader, LocalDate date, StandupLevel level, Domain domain,
      String person) {
    if (!reader.readsAll()) {
      refuseExplicit(reader, level, domain, person);
    }
    List<String> subjects = null;
    if (person != null) {
      subjects = List.of(person);
    }
    StandupLevel wanted = level;
    if (person != null && wanted == null) {
      wanted = StandupLevel.IC;
    }
    return repository.find(date, wanted, subjects, domain == null ? null : domain.value()).stream()
        .filter(reader::mayRead).toList();
  }

  private static void refuseExplicit(Reader reader, StandupLevel level, Domain domain, String person) {
    Optional<Person> me = Optional.ofNullable(reader.person());
    Role role = me.map(Person::role).orElse(null);
    String who = reader.userId() == null ? "You" : reader.userId();
    if (role == null || (role != Role.IC && role != Role.ARCHITECT)) {
      throw new ForbiddenException(who + " may not read standup reports: they are for ICs (their own and their "
          + "domain's), architects (domain and weekly), domain leads, the tech lead and the engineering manager");
    }
    if (role == Role.IC) {
      if (level == StandupLevel.WEEKLY) {
        throw new ForbiddenException("The weekly standup (TL → EM) is for leads, the tech lead and the engineering "
            + "manager; an IC reads their own IC report and their domain's report");
      }
      if (person != null && !person.equals(reader.person().id())) {
        throw new ForbiddenException("An IC reads only their own IC report (" + reader.person().id() + "), not "
            + person + "'s");
      }
      if (domain != null && domain != reader.person().domain()) {
        throw new ForbiddenException("An IC reads only their own domain's report ("
            + (reader.person().domain() == null ? "none" : reader.person().domain().value()) + "), not "
            + domain.value() + "'s");
      }
    } else if (level == StandupLevel.IC || person != null) {
      throw new ForbiddenException("Architects read domain and weekly standup reports, not IC reports");
    }
  }

  private String toJson(Object content) {
    try {
      return json.writeValueAsString(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A standup report could not be written as JSON: " + e.getOriginalMessage(), e);
    }
  }
}
