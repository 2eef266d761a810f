package com.orchestration.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orchestration.OrchestrationTest;
import com.orchestration.WebappSession;
import java.net.http.HttpResponse;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Client errors on Camunda's REST APIs that no form check sees: 4xx with a problem detail, never a 500. */
@OrchestrationTest
class EngineRestProblemsTest {

  static final String ENGINE_REST = "/engine-rest";
  static final String WEBAPP = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  @Test
  void malformedTypedValuesForAnUnknownTaskOrProcessAreClientErrorsNotServerErrors() throws Exception {
    // No task, no form to check the values against: Camunda converts them before it looks the task up.
    List<String> values = List.of("{\"value\":\"eA==\",\"type\":\"File\"}",
        "{\"value\":\"not base64!\",\"type\":\"Bytes\"}", "{\"value\":\"tomorrow\",\"type\":\"Date\"}",
        "{\"value\":\"seven\",\"type\":\"Integer\"}", "{\"value\":\"{\",\"type\":\"Json\"}",
        "{\"value\":\"x\",\"type\":\"Object\"}", "{\"value\":\"x\",\"type\":\"NoSuchType\"}",
        "{\"value\":\"<x\",\"type\":\"Xml\"}", "{\"value\":{\"a\":1},\"type\":\"String\"}");
    WebappSession tasklist = WebappSession.login(port, "erin", "demo", "tasklist");
    SoftAssertions softly = new SoftAssertions();
    for (String value : values) {
      String body = "{\"variables\":{\"title\":" + value + "}}";
      for (String path : List.of("/task/no-such-task/complete", "/task/no-such-task/submit-form",
          "/process-definition/key/no-such-process/submit-form", "/process-definition/no-such-id/submit-form")) {
        HttpResponse<String> rest = WebappSession.basic(port, "POST", ENGINE_REST + path, "erin", "demo", body);
        softly.assertThat(rest.statusCode()).as("%s %s → %s", path, value, rest.body()).isBetween(400, 499);
        HttpResponse<String> webapp = tasklist.postJson(WEBAPP + path, body);
        softly.assertThat(webapp.statusCode()).as("webapp %s %s → %s", path, value, webapp.body())
            .isBetween(400, 499);
      }
    }
    softly.assertAll();
  }

  @Test
  void aFileValueWithoutItsValueInfoIsAnInvalidInputProblem() throws Exception {
    HttpResponse<String> response = WebappSession.basic(port, "POST", ENGINE_REST + "/task/no-such-task/complete",
        "erin", "demo", "{\"variables\":{\"title\":{\"value\":\"eA==\",\"type\":\"File\"}}}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(json.readTree(response.body()).path("detail").asText())
        .isEqualTo("A variable's value cannot be read: Cannot create file without valueInfo.");
    assertThat(json.readTree(response.body()).path("message").asText()).contains("Cannot create file");
  }
}
