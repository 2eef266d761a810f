package com.orchestration.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orchestration.OrchestrationTest;
import com.orchestration.WebappSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * The dashboard's page, its headers and its login plumbing (SPEC §10.3, §13): served at {@code /dashboard/} with a
 * Content-Security-Policy that allows no inline script, ECharts from its WebJar, the Camunda session shared with
 * Tasklist, and 401s without the browser's password dialog for the page's own requests. What the page shows is
 * tested in a browser by {@code DemoBrowserIT}.
 */
@OrchestrationTest
class DashboardServingTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  @Test
  void servesThePageAtSlashDashboardWithAContentSecurityPolicyThatAllowsNoInlineScript() {
    WebappSession browser = WebappSession.anonymous(port);

    HttpResponse<String> page = browser.get("/dashboard/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<h1>Orchestration dashboard</h1>");
    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy).contains("script-src 'self';", "connect-src 'self'", "frame-ancestors 'none'",
        "object-src 'none'");
    assertThat(policy.substring(policy.indexOf("script-src"), policy.indexOf(';', policy.indexOf("script-src"))))
        .doesNotContain("unsafe");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

    HttpResponse<String> bare = browser.get("/dashboard");
    assertThat(bare.statusCode()).isEqualTo(302);
    assertThat(bare.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/dashboard/"));
    assertThat(browser.get("/dashboard/dashboard.js").headers().firstValue("Content-Security-Policy"))
        .hasValue(policy);
    assertThat(browser.get("/webjars/echarts/dist/echarts.min.js").statusCode()).isEqualTo(200);
  }

  @Test
  void thePageHasNoInlineScriptNoInlineHandlersAndPutsApiTextIntoThePageOnlyAsText() throws IOException {
    String html = resource("static/dashboard/index.html");
    String js = resource("static/dashboard/dashboard.js");

    assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find()).as("inline <script>").isFalse();
    assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find())
        .as("inline event handler attribute").isFalse();
    assertThat(js).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
  }

  @Test
  void tellsThePageWhoIsLoggedInAndTheCsrfTokenItNeedsToLogOutThroughCamunda() throws IOException {
    WebappSession anonymous = WebappSession.anonymous(port);
    JsonNode nobody = JSON.readTree(anonymous.get("/dashboard/session").body());
    assertThat(nobody.get("userId").isNull()).isTrue();
    assertThat(nobody.get("csrfToken").asText()).isEqualTo(anonymous.csrfToken());

    WebappSession tom = WebappSession.login(port, "tom", "demo", "tasklist");
    HttpResponse<String> response = tom.get("/dashboard/session");
    assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    JsonNode session = JSON.readTree(response.body());
    assertThat(session.get("userId").asText()).isEqualTo("tom");
    assertThat(session.get("groups").toString()).contains("\"tech-leads\"");
    assertThat(session.get("csrfToken").asText()).isNotBlank().isEqualTo(tom.csrfToken());

    assertThat(tom.postForm("/camunda/api/admin/auth/user/default/logout", "").statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(tom.get("/dashboard/session").body()).get("userId").isNull()).isTrue();
  }

  @Test
  void thePagesOwnRequestsGetTheir401WithoutTheBrowsersPasswordDialog() throws Exception {
    HttpResponse<String> fromScript = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/capacity")).header("X-Requested-With", "XMLHttpRequest").GET().build());
    HttpResponse<String> fromClient = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/capacity")).GET().build());
    HttpResponse<String> fromEventSource = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/inbox/stream")).header("Accept", "text/event-stream").GET().build());

    assertThat(fromScript.statusCode()).isEqualTo(401);
    assertThat(fromScript.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(fromEventSource.statusCode()).isEqualTo(401);
    assertThat(fromEventSource.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(fromClient.statusCode()).isEqualTo(401);
    assertThat(fromClient.headers().firstValue("WWW-Authenticate")).isPresent();
  }

  private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String resource(String path) throws IOException {
    return new String(new ClassPathResource(path).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
