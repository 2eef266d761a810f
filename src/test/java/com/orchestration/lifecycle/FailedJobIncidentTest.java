package com.orchestration.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orchestration.OrchestrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SPEC §13: a job whose delegate fails is retried, then becomes a Cockpit incident with a message an admin can act
 * on, and succeeds once the data is fixed and the retries are set again — all through the REST API Cockpit uses.
 * The job: the SLA warning timer of an ASSIGNED task; the bad data: its {@code slaEnteredAt} edited into a text.
 */
@OrchestrationTest
class FailedJobIncidentTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired LifecycleDriver driver;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @LocalServerPort int port;

  final HttpClient http = HttpClient.newHttpClient();
  List<WorkItem> items = List.of();

  @BeforeEach
  void clock() {
    driver.startClock();
  }

  @AfterEach
  void cleanUp() {
    driver.cleanUp(items);
  }

  @Test
  void aFailingTimerJobBecomesAnIncidentWithAReadableMessageAndSucceedsAfterTheFixAndARetry() throws Exception {
    items = driver.plan(3, LifecycleDriver.frontendTask("INS-20261124-951", "TT1"));
    WorkItem task = driver.reload(items.get(0));
    assertThat(task.state()).isEqualTo(TaskState.ASSIGNED);
    String instance = task.processInstanceId();
    Date warningDue = management.createJobQuery().processInstanceId(instance).timers().orderByJobDuedate().asc()
        .list().get(0).getDuedate();
    Object enteredAt = runtime.getVariable(instance, SlaVariables.ENTERED_AT);

    // Someone edits the variable in Cockpit as a text.
    send("PUT", "/engine-rest/process-instance/" + instance + "/variables/" + SlaVariables.ENTERED_AT,
        "{\"value\": \"yesterday\", \"type\": \"String\"}", 204);
    ClockUtil.setCurrentTime(new Date(warningDue.getTime() + 60_000));
    Job timer = management.createJobQuery().processInstanceId(instance).timers().executable().singleResult();
    assertThat(timer).as("the warning timer is due").isNotNull();

    // The job executor's three attempts (run here by hand: the test profile has the executor off)
    for (int attempt = 1; attempt <= 3; attempt++) {
      JsonNode failed = send("POST", "/engine-rest/job/" + timer.getId() + "/execute", null, 500);
      assertThat(failed.path("message").asText()).contains("must be a date");
    }

    JsonNode incidents = send("GET", "/engine-rest/incident?processInstanceId=" + instance, null, 200);
    assertThat(incidents).as("Cockpit's incidents of the task's lifecycle").hasSize(1);
    JsonNode incident = incidents.get(0);
    assertThat(incident.path("incidentType").asText()).isEqualTo("failedJob");
    assertThat(incident.path("configuration").asText()).isEqualTo(timer.getId());
    assertThat(incident.path("incidentMessage").asText())
        .isEqualTo("Variable '" + SlaVariables.ENTERED_AT + "' must be a date, was yesterday");
    assertThat(send("GET", "/engine-rest/job/" + timer.getId(), null, 200).path("retries").asInt()).isZero();
    assertThat(slaWarnings(task)).as("nothing recorded by the failed attempts").isEmpty();

    // The admin fixes the data and gives the job a retry (Cockpit: edit variable, "Increment number of retries").
    send("PUT", "/engine-rest/process-instance/" + instance + "/variables/" + SlaVariables.ENTERED_AT,
        "{\"value\": \"" + CAMUNDA_DATE.format(((Date) enteredAt).toInstant()) + "\", \"type\": \"Date\"}", 204);
    send("PUT", "/engine-rest/job/" + timer.getId() + "/retries", "{\"retries\": 1}", 204);
    assertThat(send("GET", "/engine-rest/incident?processInstanceId=" + instance, null, 200))
        .as("a retry resolves the incident").isEmpty();
    send("POST", "/engine-rest/job/" + timer.getId() + "/execute", null, 204);

    assertThat(management.createJobQuery().jobId(timer.getId()).count()).as("the job is done").isZero();
    assertThat(slaWarnings(task)).singleElement()
        .satisfies(w -> assertThat(w.path("state").asText()).isEqualTo("ASSIGNED"));
  }

  static final java.time.format.DateTimeFormatter CAMUNDA_DATE =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(java.time.ZoneOffset.UTC);

  JsonNode slaWarnings(WorkItem task) throws Exception {
    return send("GET", "/api/sla-events?instructionKey=" + task.instructionKey() + "&taskKey=" + task.taskKey()
        + "&kind=WARNING", null, 200);
  }

  /** As the administrator, who sees every incident (Cockpit uses the same engine API). */
  JsonNode send(String method, String path, String body, int expectedStatus) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(
            StandardCharsets.UTF_8)))
        .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expectedStatus);
    return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
  }
}
