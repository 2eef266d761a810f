package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.LifecycleDriver.frontendTask;
import static com.orchestration.lifecycle.WorkItemDrafts.newInstructionKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orchestration.OrchestrationTest;
import com.orchestration.WebappSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Cancel and reassign through our API, with the authority rules of SPEC §3 and problem details. */
@OrchestrationTest
class TaskCommandApiTest {

  @LocalServerPort int port;
  @Autowired LifecycleDriver driver;
  @Autowired ObjectMapper json;

  final List<WorkItem> created = new ArrayList<>();
  WorkItem item;
  String path;

  @BeforeEach
  void planATask() {
    driver.startClock();
    item = driver.plan(2, frontendTask(newInstructionKey(), "TT1.1")).get(0);
    created.add(item);
    path = "/api/tasks/" + item.instructionKey() + "/" + item.taskKey();
  }

  @AfterEach
  void cancelLeftovers() {
    driver.cleanUp(created);
  }

  HttpResponse<String> post(String user, String suffix, String body) {
    return WebappSession.basic(port, "POST", path + suffix, user, "demo", body);
  }

  JsonNode body(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body());
  }

  @Test
  void anIcMayNotReassignButTheDomainLeadMovesTheTaskAndItsCapacity() throws Exception {
    String first = driver.reload(item).assignee();
    String other = first.equals("lena") ? "marco" : "lena";

    HttpResponse<String> refused = post("alice", "/reassign", "{\"assignee\":\"" + other + "\",\"reason\":\"mine\"}");
    HttpResponse<String> moved = post("fiona", "/reassign", "{\"assignee\":\"" + other + "\",\"reason\":\"rebalancing\"}");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(body(refused).get("detail").asText()).contains("frontend domain lead");
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    assertThat(body(moved).get("assignee").asText()).isEqualTo(other);
  }

  @Test
  void reassigningToSomeoneWhoCannotTakeItIsRefusedAndNothingMoves() throws Exception {
    String first = driver.reload(item).assignee();

    HttpResponse<String> unknown = post("fiona", "/reassign", "{\"assignee\":\"nobody\",\"reason\":\"x\"}");
    HttpResponse<String> wrongDomain = post("fiona", "/reassign", "{\"assignee\":\"alice\",\"reason\":\"x\"}");

    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(body(unknown).get("field").asText()).isEqualTo("assignee");
    assertThat(wrongDomain.statusCode()).isEqualTo(409);
    assertThat(body(wrongDomain).get("detail").asText()).contains("alice");
    assertThat(driver.reload(item).assignee()).isEqualTo(first);
  }

  @Test
  void onlyTheTechLeadOrManagerCancelsWithAReason() throws Exception {
    HttpResponse<String> byLead = post("fiona", "/cancel", "{\"reason\":\"not needed\"}");
    HttpResponse<String> noReason = post("tom", "/cancel", "{\"reason\":\"\"}");
    assertThat(byLead.statusCode()).isEqualTo(403);
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(body(noReason).get("field").asText()).isEqualTo("reason");
    assertThat(driver.reload(item).state()).isEqualTo(TaskState.ASSIGNED);

    HttpResponse<String> cancelled = post("tom", "/cancel", "{\"reason\":\"scope dropped by the customer\"}");

    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(body(cancelled).get("state").asText()).isEqualTo("CANCELLED");
    HttpResponse<String> again = post("tom", "/cancel", "{\"reason\":\"twice\"}");
    assertThat(again.statusCode()).isEqualTo(409);
  }

  @Test
  void tasklistLoadsTheCamundaFormAndItsContextForTheAssignee() throws Exception {
    String ic = driver.reload(item).assignee();
    String taskId = driver.task(item, "Task_StartWork").getId();
    WebappSession tasklist = WebappSession.login(port, ic, "demo", "tasklist");

    HttpResponse<String> form = tasklist.get("/camunda/api/engine/engine/default/task/" + taskId + "/deployed-form");
    HttpResponse<String> variables = tasklist.get("/camunda/api/engine/engine/default/task/" + taskId
        + "/form-variables");

    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    assertThat(body(form).get("id").asText()).isEqualTo("start-work");
    assertThat(variables.statusCode()).isEqualTo(200);
    assertThat(body(variables).get("taskTitle").get("value").asText()).isEqualTo("Build the order history page TT1.1");
    assertThat(body(variables).get("assignmentRationale").get("value").asText()).startsWith("skill ");
  }

  @Test
  void theTaskViewSaysWhoGotTheTaskAndWhy() throws Exception {
    HttpResponse<String> view = WebappSession.basic(port, "GET", path, "fiona", "demo", null);

    assertThat(view.statusCode()).isEqualTo(200);
    JsonNode assignments = body(view).get("sections").get("assignments");
    assertThat(assignments).hasSize(1);
    assertThat(assignments.get(0).get("rationale").asText()).startsWith("skill ");
    assertThat(body(view).get("sections").get("escalations")).isEmpty();
  }
}
