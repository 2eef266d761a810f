package com.orchestration.insight;

import static com.orchestration.insight.CriticalPathFixtures.strategic;
import static com.orchestration.insight.CriticalPathFixtures.tactical;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orchestration.OrchestrationTest;
import com.orchestration.WebappSession;
import com.orchestration.lifecycle.LifecycleDriver;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemDrafts;
import com.orchestration.organization.Domain;
import com.orchestration.platform.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The critical path of a real instruction (SPEC §10.2) through {@link CriticalPathService} and its API: durations
 * calibrated with an IC's factor (1.5) and a domain's (2.0), a strategic task not yet broken down waiting for a
 * broken-down one, a completed and a cancelled task; exact schedule, path, original / projected hours, slip and
 * projected completion; the Tasklist task of a running lifecycle; 200 / 404 / 401.
 *
 * <pre>
 * ST1 (backend, 1 day = 8 h in the strategic plan) broken down:
 *   TT1.1 backend  COMPLETED by bob, estimate 2, actual 3
 *   TT1.2 backend  IN_PROGRESS alice (factor 1.5), estimate 4, spent 1 → remaining 3 × 1.5 = 4.5   after TT1.1
 *   TT1.3 security PENDING, unassigned (security factor 2.0), estimate 2 → 2 × 2.0 = 4.0          after TT1.1
 *   TT1.4 backend  CANCELLED
 * ST2 (security, 1 day = 8 h) not broken down, unassigned → 8 × 2.0 = 16; depends on ST1 → on TT1.1, TT1.2, TT1.3
 * </pre>
 */
@OrchestrationTest
class CriticalPathServiceTest {

  @LocalServerPort int port;
  @Autowired CriticalPathFixtures fixtures;
  @Autowired CriticalPathService criticalPaths;
  @Autowired LifecycleDriver lifecycle;
  @Autowired TaskService tasks;
  @Autowired ObjectMapper json;

  String key;

  @BeforeEach
  void seed() {
    ClockUtil.setCurrentTime(java.util.Date.from(CriticalPathFixtures.TUESDAY_9));
    fixtures.calibrate("alice", Domain.BACKEND, 1.5);
    fixtures.calibrate("cp-sampler", Domain.SECURITY, 2.0);
    key = fixtures.instruction(3, "Customer order history");
    Map<String, WorkItem> items = fixtures.create(
        strategic(key, "ST1", Domain.BACKEND, 1),
        strategic(key, "ST2", Domain.SECURITY, 1, "ST1"),
        tactical(key, "TT1.1", "ST1", Domain.BACKEND, 2),
        tactical(key, "TT1.2", "ST1", Domain.BACKEND, 4, "TT1.1"),
        tactical(key, "TT1.3", "ST1", Domain.SECURITY, 2, "TT1.1"),
        tactical(key, "TT1.4", "ST1", Domain.BACKEND, 1));
    fixtures.move(items.get("ST1"), TaskState.IN_PLANNING, null);
    fixtures.move(items.get("ST1"), TaskState.IN_PROGRESS, null);
    fixtures.complete(items.get("TT1.1"), "bob", 3);
    fixtures.start(items.get("TT1.2"), "alice", 1, null);
    fixtures.move(items.get("TT1.4"), TaskState.CANCELLED, null);
  }

  @AfterEach
  void cleanUp() {
    fixtures.cleanUp();
  }

  private static CriticalPath.Task task(CriticalPath path, String key) {
    return path.tasks().stream().filter(t -> t.taskKey().equals(key)).findFirst().orElseThrow();
  }

  /** remaining, ES, EF, LS, LF, slack. */
  private static List<Double> schedule(CriticalPath.Task t) {
    return List.of(t.remainingHours(), t.earliestStartHours(), t.earliestFinishHours(), t.latestStartHours(),
        t.latestFinishHours(), t.slackHours());
  }

  @Test
  void calibratedScheduleOfTacticalAndUnbrokenStrategicTasks() {
    CriticalPath path = criticalPaths.of(key);

    assertThat(path.tasks()).extracting(CriticalPath.Task::taskKey)
        .as("no cancelled task, no broken-down ST; in an order they can be done in")
        .containsExactly("TT1.1", "TT1.2", "TT1.3", "ST2");
    assertThat(schedule(task(path, "TT1.1"))).containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
    assertThat(task(path, "TT1.1").critical()).as("completed: never critical").isFalse();
    assertThat(schedule(task(path, "TT1.2"))).containsExactly(4.5, 0.0, 4.5, 0.0, 4.5, 0.0);
    assertThat(task(path, "TT1.2").estimateFactor()).isEqualTo(1.5);
    assertThat(schedule(task(path, "TT1.3"))).containsExactly(4.0, 0.0, 4.0, 0.5, 4.5, 0.5);
    assertThat(task(path, "TT1.3").estimateFactor()).as("unassigned: the domain's factor").isEqualTo(2.0);
    assertThat(schedule(task(path, "ST2"))).containsExactly(16.0, 4.5, 20.5, 4.5, 20.5, 0.0);
    assertThat(task(path, "ST2").dependsOn()).containsExactly("TT1.1", "TT1.2", "TT1.3");
    assertThat(path.path()).containsExactly("TT1.2", "ST2");
    assertThat(path.pathDomains()).containsExactly(Domain.BACKEND, Domain.SECURITY);

    assertThat(path.remainingHours()).isEqualTo(20.5);
    assertThat(path.originalHours()).as("the strategic plan: ST1 (1 day) → ST2 (1 day) = 8 + 8").isEqualTo(16.0);
    assertThat(path.baselineHours()).as("no baseline accepted: the original").isEqualTo(16.0);
    assertThat(path.projectedHours()).as("3 actual + (1 + 4.5) + 16").isEqualTo(24.5);
    assertThat(path.slipRatio()).as("24.5 / 16 − 1").isEqualTo(0.531);
    assertThat(path.slipping()).isTrue();
    assertThat(path.asOf()).isEqualTo(CriticalPathFixtures.TUESDAY_9);
    // 20.5 working hours from Tuesday 09:00: 5 h to Tuesday's end, 8 h Wednesday, 7.5 h of Thursday (22:30).
    assertThat(path.projectedCompletion()).isEqualTo(Instant.parse("2026-11-26T22:30:00Z"));
    assertThat(path.scopeReview()).isNull();
  }

  @Test
  void readingManyInstructionsGivesTheSamePathAndLeavesUnknownKeysOut() {
    Map<String, CriticalPath> paths = criticalPaths.of(List.of(key, "INS-20000101-999"));

    assertThat(paths).containsOnlyKeys(key);
    assertThat(paths.get(key).path()).containsExactly("TT1.2", "ST2");
    assertThat(paths.get(key).remainingHours()).isEqualTo(20.5);
    assertThatThrownBy(() -> criticalPaths.of("INS-20000101-999")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aRunningLifecycleLinksItsOpenTasklistTask() {
    lifecycle.startClock();
    String bare = WorkItemDrafts.newInstructionKey();
    WorkItem assigned = lifecycle.plan(2, LifecycleDriver.frontendTask(bare, "TT1")).get(0);
    fixtures.created.add(assigned);

    CriticalPath path = criticalPaths.of(bare);

    CriticalPath.Task only = path.tasks().get(0);
    assertThat(only.processInstanceId()).isEqualTo(assigned.processInstanceId());
    assertThat(only.userTaskId()).isEqualTo(tasks.createTaskQuery()
        .processInstanceId(assigned.processInstanceId()).singleResult().getId());
    assertThat(only.assignee()).isEqualTo(assigned.assignee());
    assertThat(path.slipping()).as("no instruction record: no slip rule applies").isFalse();
  }

  @Test
  void theApiAnswersTheShapeTheDashboardReads() throws Exception {
    var response = WebappSession.basic(port, "GET", "/api/instructions/" + key + "/critical-path", "alice", "demo",
        null);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("instructionKey").asText()).isEqualTo(key);
    for (String field : List.of("asOf", "tasks", "path", "remainingHours", "originalHours", "baselineHours",
        "projectedHours", "slipRatio", "projectedCompletion", "slipping", "scopeReview")) {
      assertThat(body.has(field)).as(field).isTrue();
    }
    JsonNode st2 = body.get("tasks").get(3);
    for (String field : List.of("taskKey", "title", "domain", "state", "assignee", "remainingHours",
        "earliestStartHours", "earliestFinishHours", "latestStartHours", "latestFinishHours", "slackHours",
        "critical", "processInstanceId", "userTaskId")) {
      assertThat(st2.has(field)).as("tasks[3].%s", field).isTrue();
    }
    assertThat(st2.get("taskKey").asText()).isEqualTo("ST2");
    assertThat(st2.get("domain").asText()).isEqualTo("security");
    assertThat(st2.get("earliestFinishHours").asDouble()).isEqualTo(20.5);
    assertThat(body.get("path").toString()).isEqualTo("[\"TT1.2\",\"ST2\"]");
    assertThat(body.get("projectedCompletion").asText()).isEqualTo("2026-11-26T22:30:00Z");
    assertThat(body.get("slipRatio").asDouble()).isEqualTo(0.531);
  }

  @Test
  void anUnknownKeyIsNotFoundAndStrangersAreRefused() throws Exception {
    var unknown = WebappSession.basic(port, "GET", "/api/instructions/INS-20000101-999/critical-path", "alice",
        "demo", null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json.readTree(unknown.body()).get("detail").asText()).contains("INS-20000101-999");

    var anonymous = WebappSession.anonymous(port).get("/api/instructions/" + key + "/critical-path");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    // A wrong password for a user nobody has: a failed login of a real person would lock them for a while (Camunda's
    // login delay), and a later test whose engine clock stands in the past would find them locked.
    var wrongPassword = WebappSession.basic(port, "GET", "/api/instructions/" + key + "/critical-path", "nobody",
        "wrong", null);
    assertThat(wrongPassword.statusCode()).isEqualTo(401);
  }
}
