package com.orchestration.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import com.orchestration.WebappSession;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SPEC §13: authentication on every API; Camunda's own REST needs it too. Wrong passwords are tried with an
 * unknown user: a failed login of a real user delays its next login (Camunda's brute-force protection).
 */
@OrchestrationTest
class AuthenticationTest {

  @LocalServerPort int port;

  @Test
  void engineRestRequiresCredentials() {
    assertThat(WebappSession.basic(port, "GET", "/engine-rest/task", null, null, null).statusCode()).isEqualTo(401);
    assertThat(WebappSession.basic(port, "GET", "/engine-rest/task", "nobody", "wrong", null).statusCode())
        .isEqualTo(401);
    assertThat(WebappSession.basic(port, "GET", "/engine-rest/task", "admin", "admin", null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void ourApiRequiresCredentialsAndSaysHowToAuthenticate() {
    HttpResponse<String> anonymous = WebappSession.basic(port, "GET", "/api/openapi", null, null, null);
    HttpResponse<String> wrong = WebappSession.basic(port, "GET", "/api/openapi", "nobody", "nope", null);

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
    assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
    assertThat(wrong.statusCode()).isEqualTo(401);
  }

  @Test
  void servesTheOpenApiDescriptionToAuthenticatedUsers() {
    HttpResponse<String> response = WebappSession.basic(port, "GET", "/api/openapi", "admin", "admin", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"openapi\"");
  }

  @Test
  void acceptsTheWebappSessionOfALoggedInPersonForTheDashboard() {
    WebappSession session = WebappSession.login(port, "admin", "admin", "cockpit");

    assertThat(session.get("/api/openapi").statusCode()).isEqualTo(200);
    assertThat(WebappSession.anonymous(port).get("/api/openapi").statusCode()).isEqualTo(401);
  }

  @Test
  void aChangeThroughTheWebappSessionNeedsTheSessionsCsrfToken() {
    // Given the tech lead logged in to Tasklist (as the dashboard is)
    WebappSession tom = WebappSession.login(port, "tom", "demo", "tasklist");
    String post = "{\"type\":\"milestone\",\"subject\":\"CSRF probe\",\"message\":\"from the session\"}";

    // When another site's page makes his browser post to our API with his cookie but without the token
    HttpResponse<String> forged = tom.withoutCsrfToken().postJson("/api/channels/tech-leads/announcements", post);
    HttpResponse<String> wrongToken = tom.withCsrfToken("guessed").postJson("/api/channels/tech-leads/announcements",
        post);

    // Then both are refused before anything is posted, and the same request with the session's token goes through
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("X-XSRF-TOKEN");
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    assertThat(tom.postJson("/api/channels/tech-leads/announcements", post).statusCode()).isEqualTo(201);
    // and reading needs no token
    assertThat(tom.withoutCsrfToken().get("/api/channels").statusCode()).isEqualTo(200);
  }

  @Test
  void keepsHealthOpenForProbesButOtherActuatorEndpointsForAdministrators() {
    assertThat(WebappSession.basic(port, "GET", "/actuator/health", null, null, null).statusCode()).isEqualTo(200);
    assertThat(WebappSession.basic(port, "GET", "/actuator/metrics", null, null, null).statusCode()).isEqualTo(401);
    assertThat(WebappSession.basic(port, "GET", "/actuator/metrics", "admin", "admin", null).statusCode())
        .isEqualTo(200);
  }
}
