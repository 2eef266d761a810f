package com.orchestration.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** POST /api/tasks/{instructionKey}/{taskKey}/heartbeat (SPEC §5.2) through HTTP with basic auth. */
@OrchestrationTest
class HeartbeatApiTest {

  static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;
  @Autowired WorkItemService workItems;
  @Autowired HeartbeatService heartbeats;

  private ResponseEntity<Map<String, Object>> send(String user, WorkItem task, Map<String, Object> body) {
    return rest.withBasicAuth(user, "demo").exchange(
        "/api/tasks/" + task.instructionKey() + "/" + task.taskKey() + "/heartbeat", HttpMethod.POST,
        new HttpEntity<>(body), OBJECT);
  }

  private static Map<String, Object> heartbeat(Object progress, Object spent, Object remaining, String note) {
    Map<String, Object> body = new HashMap<>();
    body.put("progressPercent", progress);
    body.put("hoursSpent", spent);
    body.put("remainingHours", remaining);
    body.put("note", note);
    return body;
  }

  @Test
  void theAssigneeReportsProgressAndTheTasksHoursFollow() {
    WorkItem task = SlaFixtures.inProgressTask(workItems, 6);

    ResponseEntity<Map<String, Object>> response =
        send("alice", task, heartbeat(60, 3.5, 2.5, "Cursor paging done, tests next"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(response.getBody()).containsEntry("personId", "alice").containsEntry("progressPercent", 60)
        .containsEntry("hoursSpent", 3.5).containsEntry("remainingHours", 2.5)
        .containsEntry("note", "Cursor paging done, tests next").containsKey("receivedAt");
    WorkItem after = workItems.get(task.id());
    assertThat(after.hoursSpent()).isEqualTo(3.5);
    assertThat(after.remainingHours()).isEqualTo(2.5);
    assertThat(heartbeats.of(task.id())).singleElement()
        .satisfies(h -> assertThat(h.progressPercent()).isEqualTo(60));
  }

  @Test
  void aBlockedTaskStillTakesHeartbeats() {
    WorkItem task = SlaFixtures.inProgressTask(workItems, 6);
    workItems.transition(task, TaskState.BLOCKED, "alice", "alice", "missing_dependency: schema not merged");

    assertThat(send("alice", task, heartbeat(40, 2, 4, null)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void someoneOtherThanTheAssigneeIsRefusedAndNothingIsStored() {
    WorkItem task = SlaFixtures.inProgressTask(workItems, 6);

    ResponseEntity<Map<String, Object>> byColleague = send("bob", task, heartbeat(60, 3, 3, null));
    ResponseEntity<Map<String, Object>> byLead = send("bruno", task, heartbeat(60, 3, 3, null));

    assertThat(byColleague.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(byLead.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) byColleague.getBody().get("detail"))
        .isEqualTo("Only the assignee of " + task.qualifiedKey() + " may send heartbeats")
        .doesNotContain("alice");
    assertNothingStored(task);
  }

  @Test
  void aTaskThatIsNotInProgressOrBlockedIsAConflictNamingItsState() {
    WorkItem task = SlaFixtures.assignedTask(workItems, 6);

    ResponseEntity<Map<String, Object>> response = send("alice", task, heartbeat(10, 0.5, 5.5, null));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat((String) response.getBody().get("detail")).contains("ASSIGNED").contains("IN_PROGRESS or BLOCKED");
    assertNothingStored(task);
  }

  @Test
  void eachBadFieldIsA400NamingItAndNothingIsStored() {
    WorkItem task = SlaFixtures.inProgressTask(workItems, 6);

    Map<String, Map<String, Object>> cases = Map.of(
        "progressPercent", heartbeat(120, 3, 3, null),
        "hoursSpent", heartbeat(50, -1, 3, null),
        "remainingHours", heartbeat(50, 3, null, null),
        "note", heartbeat(50, 3, 3, "x".repeat(2001)));

    cases.forEach((field, body) -> {
      ResponseEntity<Map<String, Object>> response = send("alice", task, body);
      assertThat(response.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody()).as(field).containsEntry("field", field);
      assertThat((String) response.getBody().get("detail")).as(field).contains(field);
    });
    assertThat(send("alice", task, heartbeat(null, 3, 3, null)).getBody()).containsEntry("field", "progressPercent");
    assertNothingStored(task);
  }

  @Test
  void anUnknownTaskIs404() {
    ResponseEntity<Map<String, Object>> response = rest.withBasicAuth("alice", "demo").exchange(
        "/api/tasks/INS-20990101-999/TT9.9/heartbeat", HttpMethod.POST,
        new HttpEntity<>(heartbeat(50, 1, 1, null)), OBJECT);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void withoutCredentialsNoHeartbeatIsAccepted() {
    WorkItem task = SlaFixtures.inProgressTask(workItems, 6);

    ResponseEntity<Map<String, Object>> response = rest.exchange(
        "/api/tasks/" + task.instructionKey() + "/" + task.taskKey() + "/heartbeat", HttpMethod.POST,
        new HttpEntity<>(heartbeat(50, 1, 1, null)), OBJECT);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertNothingStored(task);
  }

  private void assertNothingStored(WorkItem task) {
    assertThat(heartbeats.of(task.id())).isEmpty();
    WorkItem after = workItems.get(task.id());
    assertThat(after.hoursSpent()).isZero();
    assertThat(after.remainingHours()).isNull();
    assertThat(after.version()).isEqualTo(task.version());
  }
}
