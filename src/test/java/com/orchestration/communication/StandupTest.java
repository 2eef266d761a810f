package com.orchestration.communication;

import static com.orchestration.communication.StandupScenario.A;
import static com.orchestration.communication.StandupScenario.B;
import static com.orchestration.communication.StandupScenario.MONDAY;
import static com.orchestration.communication.StandupScenario.TT12_DEADLINE;
import static com.orchestration.communication.StandupScenario.TT15_DEADLINE;
import static com.orchestration.communication.StandupScenario.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orchestration.OrchestrationTest;
import com.orchestration.WebappSession;
import com.orchestration.capacity.Band;
import com.orchestration.communication.StandupLines.Blocker;
import com.orchestration.communication.StandupLines.InstructionProgress;
import com.orchestration.communication.StandupLines.TaskLine;
import com.orchestration.communication.StandupLines.TeamLine;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.organization.Domain;
import com.orchestration.platform.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Standups (SPEC §9.4) against the seeded devops week of {@link StandupScenario}: exact content (counts, hours,
 * blockers, utilisation) of the IC, domain and weekly reports and their Markdown, storage and replacement, the API with
 * its permissions, and BPMN standup — its timer start events with the configured cron, and a fired daily timer
 * storing the reports and announcing them. One class, because the scenario's keys can be seeded once per context. The devops domain belongs to
 * this scenario: no other test seeds devops work, so the domain's counts are exact.
 */
@OrchestrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandupTest {

  static final LocalDate TUESDAY_DATE = LocalDate.parse("2031-03-11");
  static final LocalDate MONDAY_DATE = LocalDate.parse("2031-03-10");

  @LocalServerPort int port;
  @Autowired StandupScenario scenario;
  @Autowired StandupService standups;
  @Autowired StandupReports reports;
  @Autowired AnnouncementService announcements;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired RepositoryService repository;
  @Autowired ManagementService management;
  @Autowired StandupSchedule schedule;

  int openEscalationsBefore;

  @BeforeAll
  void seed() {
    List<String> leftovers = jdbc.sql("select instruction_key || '/' || task_key from work_item "
        + "where domain = 'devops' and state not in ('COMPLETED', 'CANCELLED')").query(String.class).list();
    assertThat(leftovers).as("open devops work left by another test: the scenario's exact counts need the devops "
        + "domain to themselves").isEmpty();
    openEscalationsBefore = jdbc.sql("select count(*) from escalation where closed_at is null").query(Integer.class)
        .single();
    scenario.seed();
  }

  @BeforeEach
  void tuesdayMorning() {
    StandupScenario.at(TUESDAY);
  }

  @AfterAll
  void cleanUp() {
    scenario.cleanUp();
  }

  private StandupRun daily() {
    return standups.generate(TUESDAY_DATE, StandupKind.DAILY);
  }

  private static <T> T content(StandupRun run, StandupLevel level, String subject, Class<T> type) {
    return run.reports().stream().filter(r -> r.level() == level && r.subject().equals(subject)).findFirst()
        .map(r -> type.cast(r.content())).orElseThrow(() -> new AssertionError("no " + level + " report " + subject));
  }

  private static String markdown(StandupRun run, StandupLevel level, String subject) {
    return run.reports().stream().filter(r -> r.level() == level && r.subject().equals(subject)).findFirst()
        .orElseThrow().markdown();
  }

  // ------------------------------------------------------------------------------------------------ IC

  @Test
  void icReportListsTasksHoursBlockersSlaEventsSilenceAndUtilisation() {
    StandupIcReport ivan = content(daily(), StandupLevel.IC, "ivan", StandupIcReport.class);

    assertThat(ivan.since()).isEqualTo(Instant.parse("2031-03-10T00:00:00Z"));
    assertThat(ivan.person().domain()).isEqualTo(Domain.DEVOPS);
    assertThat(ivan.tasks()).extracting(TaskLine::taskKey, TaskLine::state, TaskLine::estimateHours,
            TaskLine::hoursSpent, TaskLine::remainingHours, TaskLine::progress)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("TT1.2", TaskState.IN_PROGRESS, 8.0, 2.0, 6.0, 0.25),
            org.assertj.core.groups.Tuple.tuple("TT1.3", TaskState.BLOCKED, 6.0, 0.0, 6.0, 0.0));
    assertThat(ivan.tasks().get(0).deadline()).isEqualTo(TT12_DEADLINE);
    assertThat(ivan.totals()).isEqualTo(new StandupIcReport.Totals(2, 2.0, 12.0));
    assertThat(ivan.completed()).extracting(TaskLine::taskKey, TaskLine::hoursSpent)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("TT1.1", 3.0));

    assertThat(ivan.blockers()).hasSize(1);
    Blocker blocker = ivan.blockers().get(0);
    assertThat(blocker.taskKey()).isEqualTo("TT1.3");
    assertThat(blocker.state()).isEqualTo(TaskState.BLOCKED);
    assertThat(blocker.since()).isEqualTo(MONDAY);
    assertThat(blocker.reason()).isEqualTo("blocker (external_dependency): waiting for the cloud quota");
    assertThat(blocker.escalation()).as("its DL escalation was closed").isNull();

    assertThat(ivan.slaWarnings()).extracting(s -> s.taskKey() + " " + s.state() + " " + s.kind())
        .containsExactly("TT1.3 BLOCKED BREACH");
    assertThat(ivan.missingHeartbeats()).extracting(s -> s.taskKey() + " " + s.silentHours() + " " + s.silentSince())
        .containsExactly("TT1.2 23.0 " + MONDAY);

    assertThat(ivan.utilisation().committedHours()).isEqualTo(12.0);
    assertThat(ivan.utilisation().capacityHours()).isEqualTo(24.0);
    assertThat(ivan.utilisation().workload()).isEqualTo(0.5);
    assertThat(ivan.utilisation().band()).isEqualTo(Band.HEALTHY);

    StandupIcReport grace = content(daily(), StandupLevel.IC, "grace", StandupIcReport.class);
    assertThat(grace.tasks()).extracting(TaskLine::taskKey).containsExactly("TT1.4", "TT1.6");
    assertThat(grace.tasks().get(1).lastHeartbeatAt()).isEqualTo(Instant.parse("2031-03-11T07:00:00Z"));
    assertThat(grace.totals()).isEqualTo(new StandupIcReport.Totals(2, 3.0, 7.0));
    assertThat(grace.completed()).as("TT1.0 completed on Friday, before the window").isEmpty();
    assertThat(grace.slaWarnings()).extracting(s -> s.taskKey() + " " + s.kind())
        .as("Friday's warning on TT1.0 is before the window").containsExactly("TT1.4 WARNING");
    assertThat(grace.missingHeartbeats()).as("a heartbeat 2 h ago").isEmpty();
    assertThat(grace.utilisation().workload()).isEqualTo(0.292);

    StandupIcReport noah = content(daily(), StandupLevel.IC, "noah", StandupIcReport.class);
    assertThat(noah.totals()).isEqualTo(new StandupIcReport.Totals(1, 0.0, 2.0));
    assertThat(noah.utilisation().capacityHours()).as("6 h a day").isEqualTo(18.0);
  }

  @Test
  void icMarkdownHasTheKeyLines() {
    String md = markdown(daily(), StandupLevel.IC, "ivan");

    assertThat(md).startsWith("# Daily standup 2031-03-11 — Ivan Petrov (ivan, devops)\n")
        .contains("Utilisation: 50% (12.0 h committed of 24.0 h over 3 working days, band healthy)")
        .contains("| " + A + "/TT1.2 | Migrate the build jobs | IN_PROGRESS | 25% | 2.0 h | 6.0 h | 2031-03-11 17:00 |")
        .contains("Totals: 2 open tasks, 2.0 h spent, 12.0 h remaining.")
        .contains("## Completed since 2031-03-10\n\n- " + A + "/TT1.1 — Provision the runners (3.0 h spent of 3.0 h "
            + "estimated)")
        .contains("- " + A + "/TT1.3 BLOCKED since 2031-03-10 10:00 — blocker (external_dependency): waiting for the "
            + "cloud quota")
        .contains("- " + A + "/TT1.3 (ivan) BLOCKED breach at 2031-03-11 06:00 (due 2031-03-10 18:00)")
        .contains("## Missing heartbeats\n\n- " + A + "/TT1.2 silent for 23.0 h (since 2031-03-10 10:00)");
  }

  // ------------------------------------------------------------------------------------------------ domain

  @Test
  void domainReportCountsStatesAndShowsProgressUtilisationBlockersHandoffsAndRisks() {
    StandupDomainReport devops = content(daily(), StandupLevel.DOMAIN, "devops", StandupDomainReport.class);

    assertThat(devops.lead().id()).isEqualTo("dmitri");
    assertThat(devops.countsByState()).containsExactly(Map.entry(TaskState.PENDING, 1),
        Map.entry(TaskState.ASSIGNED, 2), Map.entry(TaskState.IN_PROGRESS, 2), Map.entry(TaskState.BLOCKED, 1),
        Map.entry(TaskState.ESCALATED, 1), Map.entry(TaskState.UNDER_REVIEW, 0), Map.entry(TaskState.DOMAIN_REVIEW, 0),
        Map.entry(TaskState.READY_FOR_HANDOFF, 0));
    assertThat(devops.openTasks()).isEqualTo(7);
    assertThat(devops.completedSince()).isEqualTo(1);

    assertThat(devops.strategicTasks()).hasSize(1);
    assertThat(devops.strategicTasks().get(0).taskKey()).isEqualTo("ST1");
    assertThat(devops.strategicTasks().get(0).completedTasks()).isEqualTo(2);
    assertThat(devops.strategicTasks().get(0).totalTasks()).as("8 tactical tasks, the cancelled one not counted")
        .isEqualTo(8);
    assertThat(devops.strategicTasks().get(0).progress()).isEqualTo(0.25);

    assertThat(devops.utilisation().committedHours()).isEqualTo(21.0);
    assertThat(devops.utilisation().capacityHours()).isEqualTo(66.0);
    assertThat(devops.utilisation().workload()).isEqualTo(0.318);
    assertThat(devops.utilisation().band()).isEqualTo(Band.HEALTHY);
    assertThat(devops.team()).extracting(TeamLine::personId, TeamLine::openTasks, TeamLine::remainingHours,
            TeamLine::workload)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("grace", 2, 7.0, 0.292),
            org.assertj.core.groups.Tuple.tuple("ivan", 2, 12.0, 0.5),
            org.assertj.core.groups.Tuple.tuple("noah", 1, 2.0, 0.111));

    assertThat(devops.blockers()).extracting(Blocker::taskKey, Blocker::assignee, Blocker::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("TT1.3", "ivan", TaskState.BLOCKED),
            org.assertj.core.groups.Tuple.tuple("TT1.9", null, TaskState.ESCALATED));
    assertThat(devops.blockers().get(1).escalation().level()).isEqualTo("TL");
    assertThat(devops.blockers().get(1).escalation().resolverGroup()).isEqualTo("tech-leads");

    assertThat(devops.handoffs().open()).extracting(h -> h.taskKey() + " → " + h.toDomains() + " " + h.state())
        .containsExactly("TT1.0 → [backend] IN_REVIEW");
    assertThat(devops.handoffs().completed()).extracting(h -> h.taskKey() + " → " + h.toDomains() + " " + h.state())
        .containsExactly("TT1.1 → [data] ACCEPTED");

    assertThat(devops.risks().projectedMisses()).hasSize(1);
    assertThat(devops.risks().projectedMisses().get(0).taskKey()).isEqualTo("TT1.2");
    assertThat(devops.risks().projectedMisses().get(0).instructionKey()).isEqualTo(A);
    assertThat(devops.risks().projectedMisses().get(0).assignee()).isEqualTo("ivan");
    assertThat(devops.risks().projectedMisses().get(0).projectedFinish())
        .as("TT1.3 (high) goes first: 6 h Tue, then TT1.2 2 h Tue + 4 h Wed").isEqualTo(LocalDate.parse("2031-03-12"));
    assertThat(devops.risks().slaBreaches()).extracting(s -> s.taskKey() + " " + s.kind())
        .containsExactly("TT1.3 BREACH");
    assertThat(devops.slaWarnings()).extracting(s -> s.taskKey() + " " + s.kind()).containsExactly("TT1.4 WARNING");
    assertThat(devops.missingHeartbeats()).extracting(s -> s.taskKey() + " " + s.assignee())
        .containsExactly("TT1.2 ivan");
    assertThat(devops.isActive()).isTrue();
    assertThat(devops.needsAttention()).isTrue();
  }

  @Test
  void domainMarkdownHasTheKeyLines() {
    String md = markdown(daily(), StandupLevel.DOMAIN, "devops");

    assertThat(md).startsWith("# Daily standup 2031-03-11 — devops (DL Dmitri Volkov → TL)\n")
        .contains("Open tasks by state: PENDING 1, ASSIGNED 2, IN_PROGRESS 2, BLOCKED 1, ESCALATED 1 (7 open); "
            + "completed since 2031-03-10: 1")
        .contains("Team utilisation: 32% (21.0 h committed of 66.0 h over 3 working days, band healthy)")
        .contains("| ivan | 2 | 12.0 h | 50% | healthy |")
        .contains("- " + A + "/ST1 — Move CI to the new cluster: 2/8 tactical tasks completed (25%), IN_PROGRESS")
        .contains("- " + A + "/TT1.9 (unassigned) ESCALATED since 2031-03-10 10:00")
        .contains("— escalated to TL (tech-leads), due 2031-03-10 22:00")
        .contains("- " + A + "/TT1.0 devops → backend: IN_REVIEW since 2031-03-10 12:00")
        .contains("- Projected to miss its deadline: " + A + "/TT1.2 (ivan) — deadline 2031-03-11 17:00, projected "
            + "finish 2031-03-12")
        .contains("- SLA breach: " + A + "/TT1.3 (ivan) BLOCKED breach at 2031-03-11 06:00");
  }

  // ------------------------------------------------------------------------------------------------ weekly

  @Test
  void weeklyReportShowsInstructionProgressCriticalPathSlackCapacityAndEscalations() {
    StandupRun run = standups.generate(MONDAY_DATE, StandupKind.WEEKLY);
    StandupWeeklyReport weekly = content(run, StandupLevel.WEEKLY, StandupLevel.WEEKLY_SUBJECT,
        StandupWeeklyReport.class);

    assertThat(weekly.since()).isEqualTo(Instant.parse("2031-03-03T00:00:00Z"));
    InstructionProgress a = weekly.instructions().stream().filter(i -> i.instructionKey().equals(A)).findFirst()
        .orElseThrow();
    assertThat(a.completedTasks()).isEqualTo(2);
    assertThat(a.totalTasks()).isEqualTo(8);
    assertThat(a.progress()).isEqualTo(0.25);
    assertThat(a.remainingHours()).as("6 + 6 + 4 + 3 + 3 + 2").isEqualTo(24.0);
    assertThat(a.criticalPath().tasks()).containsExactly("TT1.2", "TT1.5");
    assertThat(a.criticalPath().remainingHours()).isEqualTo(9.0);
    assertThat(a.deadline()).as("no instruction record: the latest task deadline").isEqualTo(TT15_DEADLINE);
    assertThat(a.slackHours()).as("Tue 09:00 → Fri 17:00 = 80 h = 26.67 working hours, minus 9")
        .isEqualTo(17.67);
    assertThat(a.status()).isEqualTo("on_track");

    InstructionProgress b = weekly.instructions().stream().filter(i -> i.instructionKey().equals(B)).findFirst()
        .orElseThrow();
    assertThat(b.criticalPath().tasks()).containsExactly("TT1");
    assertThat(b.slackHours()).isNull();
    assertThat(b.status()).isEqualTo("no_deadline");

    StandupLines.DomainLoad devops = weekly.capacity().domains().stream().filter(d -> d.domain() == Domain.DEVOPS)
        .findFirst().orElseThrow();
    assertThat(devops.committedHours()).isEqualTo(21.0);
    assertThat(devops.capacityHours()).isEqualTo(66.0);
    assertThat(weekly.capacity().overloaded()).noneMatch(p -> p.domain() == Domain.DEVOPS);

    assertThat(weekly.escalations().list()).filteredOn(e -> e.instructionKey().equals(A))
        .extracting(e -> e.taskKey() + " " + e.level() + " " + e.outcome())
        .containsExactly("TT1.3 DL resolved", "TT1.9 TL null");
    assertThat(weekly.escalations().stillOpen()).isEqualTo(openEscalationsBefore + 1);

    String md = run.reports().get(0).markdown();
    assertThat(md).startsWith("# Weekly standup 2031-03-10 (TL → EM)\n")
        .contains("| " + A + " | — | — | 2/8 (25%) | 24.0 h | TT1.2 → TT1.5 (9.0 h) | 17.7 h | on_track |")
        .contains("| devops | 21.0 h | 66.0 h | 32% | healthy |")
        .contains("## Escalations of the week (since 2031-03-03)")
        .contains("- " + A + "/TT1.9 — TL (tech-leads), no_eligible_ic, opened 2031-03-10 14:00, open");
  }

  // ------------------------------------------------------------------------------------------------ storage, API

  @Test
  void regeneratingADayReplacesItsReports() {
    reports.store(daily());
    reports.store(daily());

    int stored = jdbc.sql("select count(*) from standup_report where report_date = ? and level = 'domain'")
        .param(TUESDAY_DATE).query(Integer.class).single();
    assertThat(stored).isEqualTo(Domain.values().length);
  }

  @Test
  void aDateAfterTodayIsRefused() {
    assertThatThrownBy(() -> standups.generate(LocalDate.parse("2031-03-12"), StandupKind.DAILY))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("after today");
  }

  @Test
  void leadsGenerateOnDemandAndReadEverything() throws Exception {
    HttpResponse<String> generated = WebappSession.basic(port, "POST", "/api/standups?date=2031-03-11&kind=daily",
        "dmitri", "demo", null);
    assertThat(generated.statusCode()).as(generated.body()).isEqualTo(200);
    JsonNode list = json.readTree(generated.body());
    JsonNode devops = find(list, "domain", "devops");
    assertThat(devops.at("/content/openTasks").asInt()).isEqualTo(7);
    assertThat(devops.at("/content/countsByState/BLOCKED").asInt()).isEqualTo(1);
    assertThat(devops.at("/date").asText()).isEqualTo("2031-03-11");
    assertThat(find(list, "ic", "ivan").at("/content/totals/remainingHours").asDouble()).isEqualTo(12.0);

    HttpResponse<String> tom = WebappSession.basic(port, "GET",
        "/api/standups?date=2031-03-11&level=ic&domain=devops", "tom", "demo", null);
    assertThat(tom.statusCode()).isEqualTo(200);
    assertThat(json.readTree(tom.body()).findValuesAsText("subject")).containsExactly("grace", "ivan", "noah");

    HttpResponse<String> weekly = WebappSession.basic(port, "POST", "/api/standups?date=2031-03-10&kind=weekly",
        "erin", "demo", null);
    assertThat(weekly.statusCode()).as(weekly.body()).isEqualTo(200);
    JsonNode report = json.readTree(weekly.body()).get(0);
    assertThat(report.get("level").asText()).isEqualTo("weekly");
    assertThat(report.has("subject")).isTrue();
    assertThat(report.get("subject").isNull()).isTrue();
    assertThat(report.at("/content/instructions").findValuesAsText("instructionKey")).contains(A, B);
  }

  @Test
  void icsReadTheirOwnReportAndTheirDomainsOnly() throws Exception {
    reports.store(daily());

    HttpResponse<String> own = WebappSession.basic(port, "GET", "/api/standups?date=2031-03-11", "ivan", "demo", null);
    assertThat(own.statusCode()).isEqualTo(200);
    JsonNode list = json.readTree(own.body());
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("level").asText() + " " + list.get(0).get("subject").asText()).isEqualTo("domain devops");
    assertThat(list.get(1).get("level").asText() + " " + list.get(1).get("subject").asText()).isEqualTo("ic ivan");

    assertThat(status("GET", "/api/standups?date=2031-03-11&person=grace", "ivan")).isEqualTo(403);
    assertThat(status("GET", "/api/standups?date=2031-03-11&domain=backend", "ivan")).isEqualTo(403);
    assertThat(status("GET", "/api/standups?date=2031-03-11&level=weekly", "ivan")).isEqualTo(403);
    assertThat(status("POST", "/api/standups?date=2031-03-11", "ivan")).isEqualTo(403);
    assertThat(status("POST", "/api/standups?date=2031-03-11", "arjun")).isEqualTo(403);
  }

  @Test
  void markdownThroughAcceptHeaderOrFormat() throws Exception {
    reports.store(daily());

    HttpResponse<String> md = get("/api/standups?date=2031-03-11&level=ic&person=ivan", "ivan", "text/markdown");
    assertThat(md.statusCode()).isEqualTo(200);
    assertThat(md.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
    assertThat(md.body()).startsWith("# Daily standup 2031-03-11 — Ivan Petrov (ivan, devops)")
        .contains("Totals: 2 open tasks, 2.0 h spent, 12.0 h remaining.");

    HttpResponse<String> format = get("/api/standups?date=2031-03-11&level=domain&domain=devops&format=markdown",
        "fiona", null);
    assertThat(format.statusCode()).isEqualTo(200);
    assertThat(format.body()).contains("(7 open); completed since 2031-03-10: 1");

    HttpResponse<String> none = get("/api/standups?date=2031-03-01&level=domain&format=markdown", "tom", null);
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(none.body()).contains("POST /api/standups?date=2031-03-01");
  }

  @Test
  void badParametersAreRefusedNamingTheField() throws Exception {
    assertField("GET", "/api/standups?date=11.03.2031", "date");
    assertField("GET", "/api/standups?date=2031-03-11&level=team", "level");
    assertField("GET", "/api/standups?date=2031-03-11&domain=mobile", "domain");
    assertField("GET", "/api/standups?date=2031-03-11&format=pdf", "format");
    assertField("POST", "/api/standups?date=2031-03-11&kind=monthly", "kind");
    assertField("POST", "/api/standups?date=2031-03-12", "date");
    HttpResponse<String> markdownError = get("/api/standups?date=yesterday", "tom", "text/markdown");
    assertThat(markdownError.statusCode()).isEqualTo(400);
  }

  // ------------------------------------------------------------------------------------------------ process

  @Test
  void timerStartEventsCarryTheConfiguredCron() {
    assertThat(schedule.getDailyCron()).isEqualTo("0 0 9 * * MON-FRI");
    assertThat(schedule.getWeeklyCron()).isEqualTo("0 30 9 * * MON");
    assertThat(timerDefinitions("standup")).containsOnly(
        Map.entry("StartEvent_DailyStandupDue", "CYCLE: ${standupSchedule.dailyCron}"));
    assertThat(timerDefinitions("standup-weekly")).containsOnly(
        Map.entry("StartEvent_WeeklyStandupDue", "CYCLE: ${standupSchedule.weeklyCron}"));

    java.time.ZonedDateTime daily = due(timer("standup", "StartEvent_DailyStandupDue"));
    assertThat(daily.getHour() * 60 + daily.getMinute()).as("09:00").isEqualTo(9 * 60);
    assertThat(daily.getDayOfWeek()).isNotIn(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY);
    java.time.ZonedDateTime weekly = due(timer("standup-weekly", "StartEvent_WeeklyStandupDue"));
    assertThat(weekly.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
    assertThat(weekly.getHour() * 60 + weekly.getMinute()).as("09:30").isEqualTo(9 * 60 + 30);
  }

  private Map<String, String> timerDefinitions(String processKey) {
    ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult();
    assertThat(definition).as("%s is deployed", processKey).isNotNull();
    Map<String, String> cycles = new java.util.TreeMap<>();
    for (JobDefinition job : management.createJobDefinitionQuery().processDefinitionId(definition.getId()).list()) {
      cycles.put(job.getActivityId(), job.getJobConfiguration());
    }
    return cycles;
  }

  private static java.time.ZonedDateTime due(Job job) {
    return job.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault());
  }

  @Test
  void firingTheDailyTimerStoresTheReportsAndAnnouncesThem() {
    jdbc.sql("delete from standup_report where report_date = ?").param(TUESDAY_DATE).update();
    Job daily = timer("standup", "StartEvent_DailyStandupDue");
    Instant before = TUESDAY.minusSeconds(1);

    management.executeJob(daily.getId());

    List<StandupReportRepository.Row> stored = reports.read(reports.reader("tom", List.of("tech-leads")),
        TUESDAY_DATE, null, null, null);
    assertThat(stored).filteredOn(r -> r.level() == StandupLevel.DOMAIN).hasSize(Domain.values().length);
    assertThat(stored).filteredOn(r -> r.level() == StandupLevel.IC).extracting(StandupReportRepository.Row::subject)
        .contains("grace", "ivan", "noah");
    assertThat(stored).filteredOn(r -> r.level() == StandupLevel.DOMAIN && r.subject().equals("devops"))
        .singleElement().satisfies(r -> assertThat(r.markdown()).contains("(7 open)"));

    List<Announcement> team = announcements.channel("devops-team", "dmitri", 0, before, 500).stream()
        .filter(a -> a.subject().equals("Daily standup 2031-03-11 — devops")).toList();
    assertThat(team).hasSize(1);
    Announcement posted = team.get(0);
    assertThat(posted.type()).isEqualTo(AnnouncementType.MILESTONE);
    assertThat(posted.priority()).as("blockers and a breach").isEqualTo(com.orchestration.lifecycle.Priority.HIGH);
    assertThat(posted.author()).isEqualTo(AnnouncementService.SYSTEM);
    assertThat(posted.affectedDomains()).containsExactly("devops");
    assertThat(posted.affectedInstructions()).containsExactly(A);
    assertThat(posted.message()).contains("Open tasks by state: PENDING 1, ASSIGNED 2, IN_PROGRESS 2, BLOCKED 1, "
        + "ESCALATED 1 (7 open)").contains("Blockers: 2 · SLA warnings: 1 · SLA breaches: 1");
    assertThat(posted.actionItems()).hasSize(3).first().asString().startsWith("Unblock " + A + "/TT1.3 (ivan)");
    assertThat(announcements.channel("tech-leads", "tom", 0, before, 500))
        .extracting(Announcement::subject).contains("Daily standup 2031-03-11 — devops");

    assertThat(timer("standup", "StartEvent_DailyStandupDue").getId()).as("the cycle goes on: a new job")
        .isNotEqualTo(daily.getId());
  }

  @Test
  void firingTheWeeklyTimerPostsToTechLeads() {
    StandupScenario.at(Instant.parse("2031-03-10T09:30:00Z"));

    management.executeJob(timer("standup-weekly", "StartEvent_WeeklyStandupDue").getId());

    assertThat(reports.read(reports.reader("erin", List.of("engineering-managers")), MONDAY_DATE,
        StandupLevel.WEEKLY, null, null)).hasSize(1);
    assertThat(announcements.channel("tech-leads", "erin", 0, Instant.parse("2031-03-10T09:29:00Z"), 500))
        .extracting(Announcement::subject).contains("Weekly standup 2031-03-10 (TL → EM)");
  }

  private Job timer(String processKey, String activityId) {
    Job job = management.createJobQuery().processDefinitionKey(processKey).timers().activityId(activityId)
        .singleResult();
    assertThat(job).as("timer job of %s", activityId).isNotNull();
    return job;
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private void assertField(String method, String path, String field) throws Exception {
    HttpResponse<String> response = WebappSession.basic(port, method, path, "tom", "demo", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("field").asText()).isEqualTo(field);
  }

  private int status(String method, String path, String user) {
    return WebappSession.basic(port, method, path, user, "demo", null).statusCode();
  }

  private HttpResponse<String> get(String path, String user, String accept) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET()
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    if (accept != null) {
      request.header("Accept", accept);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode find(JsonNode list, String level, String subject) {
    for (JsonNode node : list) {
      if (node.get("level").asText().equals(level) && subject.equals(node.path("subject").asText())) {
        return node;
      }
    }
    throw new AssertionError("no " + level + " report " + subject + " in " + list);
  }
}
