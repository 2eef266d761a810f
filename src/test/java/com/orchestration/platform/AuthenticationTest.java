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
  void keepsHealthOpenForProbesButOtherActuatorEndpointsForAdministrators() {
    assertThat(WebappSession.basic(port, "GET", "/actuator/health", null, null, null).statusCode()).isEqualTo(200);
    assertThat(WebappSession.basic(port, "GET", "/actuator/metrics", null, null, null).statusCode()).isEqualTo(401);
    assertThat(WebappSession.basic(port, "GET", "/actuator/metrics", "admin", "admin", null).statusCode())
        .isEqualTo(200);
  }
}
