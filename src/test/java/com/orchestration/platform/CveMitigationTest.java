package com.orchestration.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import com.orchestration.WebappSession;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Regression tests that send the real attack requests of SPEC §13 and prove they are refused. */
@OrchestrationTest
class CveMitigationTest {

  static final String OR_QUERY_ATTACK =
      "{\"orQueries\":[{\"dueAfterExpression\":\"${expressionProbe.touch()}\"}]}";

  @LocalServerPort int port;
  @Autowired ExpressionProbe probe;
  @Autowired IdentityService identityService;

  @Test
  void refusesAnOrQueryExpressionOnTheEngineRestApiEvenForTheAdministrator() {
    HttpResponse<String> response =
        WebappSession.basic(port, "POST", "/engine-rest/task", "admin", "admin", OR_QUERY_ATTACK);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("dueAfterExpression").contains("CVE-2026-109432");
    assertThat(probe.touches()).isZero();
  }

  @Test
  void refusesTheAttackBeforeAuthenticationSoAnonymousCallersLearnNothingElse() {
    HttpResponse<String> response =
        WebappSession.basic(port, "POST", "/engine-rest/task", null, null, OR_QUERY_ATTACK);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(probe.touches()).isZero();
  }

  @Test
  void refusesExpressionKeysInTheQueryStringOfTheEngineRestApi() {
    HttpResponse<String> response = WebappSession.basic(port, "GET",
        "/engine-rest/task?dueAfterExpression=%24%7BexpressionProbe.touch()%7D", "admin", "admin", null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(probe.touches()).isZero();
  }

  @Test
  void answersTheSameQueryWithoutAnExpression() {
    HttpResponse<String> response = WebappSession.basic(port, "POST", "/engine-rest/task", "admin", "admin",
        "{\"orQueries\":[{\"assignee\":\"nobody\"}]}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("[]");
  }

  @Test
  void refusesAnOrQueryExpressionOnTheWebappsEngineApiForALoggedInUser() {
    WebappSession tasklist = WebappSession.login(port, "admin", "admin", "tasklist");

    HttpResponse<String> control =
        tasklist.postJson("/camunda/api/engine/engine/default/task", "{\"orQueries\":[{\"assignee\":\"nobody\"}]}");
    HttpResponse<String> attack = tasklist.postJson("/camunda/api/engine/engine/default/task", OR_QUERY_ATTACK);

    assertThat(control.statusCode()).as("the session and CSRF token work").isEqualTo(200);
    assertThat(attack.statusCode()).isEqualTo(400);
    assertThat(attack.body()).contains("dueAfterExpression");
    assertThat(probe.touches()).isZero();
  }

  @Test
  void refusesTheAdminSetupEndpointAndCreatesNoUser() {
    WebappSession anonymous = WebappSession.anonymous(port);

    HttpResponse<String> response = anonymous.postJson("/camunda/api/admin/setup/default/user/create",
        "{\"profile\":{\"id\":\"mallory\",\"firstName\":\"M\",\"lastName\":\"X\",\"email\":\"m@x.io\"},"
            + "\"credentials\":{\"password\":\"pwned-2026\"}}");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId("mallory").count()).isZero();
  }

  @Test
  void refusesTheSetupEndpointEvenWhenCamundaAdminHasNoDirectMember() {
    identityService.deleteMembership("admin", Groups.CAMUNDA_ADMIN);
    try {
      HttpResponse<String> response = WebappSession.anonymous(port).postJson(
          "/camunda/api/admin/setup/default/user/create",
          "{\"profile\":{\"id\":\"mallory\",\"firstName\":\"M\",\"lastName\":\"X\",\"email\":\"m@x.io\"},"
              + "\"credentials\":{\"password\":\"pwned-2026\"}}");

      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(identityService.createUserQuery().userId("mallory").count()).isZero();
    } finally {
      identityService.createMembership("admin", Groups.CAMUNDA_ADMIN);
    }
  }

  @Test
  void refusesToRemoveTheLastDirectAdministrator() {
    HttpResponse<String> membership = WebappSession.basic(port, "DELETE",
        "/engine-rest/group/camunda-admin/members/admin", "admin", "admin", null);
    HttpResponse<String> user = WebappSession.basic(port, "DELETE", "/engine-rest/user/admin", "admin", "admin", null);

    assertThat(membership.statusCode()).isEqualTo(409);
    assertThat(user.statusCode()).isEqualTo(409);
    assertThat(identityService.createUserQuery().userId("admin").memberOfGroup(Groups.CAMUNDA_ADMIN).count())
        .isEqualTo(1);
  }
}
