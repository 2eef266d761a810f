package com.orchestration.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * SPEC §10.3 and issue 8 items 5–6 in a real browser: the packaged application with the demo profile (its story
 * played on a fresh H2 database), headless Debian Chromium through Selenium. (a) An IC logs in to Tasklist, finds a
 * task in "My tasks", completes its Camunda Form, and the task moves on. (b) A lead logs in to the dashboard and sees
 * the capacity heat-map and the critical path with the same numbers the API gives; the broadcast feed shows a new
 * announcement live, as text. A failsafe IT: it needs the jar, and the demo data must not meet the shared test
 * context's database. Screenshots in {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoBrowserIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static DemoApplication app;

  @BeforeAll
  static void startTheDemo() {
    app = DemoApplication.start();
  }

  @AfterAll
  static void stopTheDemo() {
    if (app != null) {
      app.close();
    }
  }

  // ------------------------------------------------------------------------------------------------ the story

  @Test
  @Order(1)
  void theDemoStoryLeavesTheOrganisationDocsDemoMdDescribes() {
    Map<String, String> states = new java.util.HashMap<>();
    Map<String, Integer> tiers = new java.util.HashMap<>();
    for (JsonNode instruction : get("/api/instructions?limit=200", "erin", "demo")) {
      states.put(instruction.get("title").asText(), instruction.get("state").asText());
      tiers.put(instruction.get("title").asText(), instruction.get("tier").asInt());
    }
    assertThat(tiers).containsEntry("Add order history page", 3).containsEntry("Fix the rounding of order totals", 2)
        .containsEntry("Rebuild the checkout summary", 2).containsEntry("Fix the typo on the checkout button", 1)
        .containsEntry("How do we rotate the staging database credentials?", 0);
    assertThat(states).containsEntry("Fix the typo on the checkout button", "COMPLETED")
        .containsEntry("Why do the integration tests need Docker?", "COMPLETED")
        .containsEntry("How do we rotate the staging database credentials?", "PLANNING")
        .containsEntry("Add order history page", "EXECUTING");

    String orderHistory = keyOf("Add order history page");
    assertThat(task(orderHistory, "ST2").get("state").asText()).isEqualTo("COMPLETED");
    assertThat(task(orderHistory, "TT1.1").get("state").asText()).isEqualTo("COMPLETED");
    assertThat(task(orderHistory, "TT1.2").get("state").asText()).isEqualTo("IN_PROGRESS");
    assertThat(task(orderHistory, "TT1.3").get("state").asText()).isEqualTo("PENDING");

    // blocked, then escalated by the BLOCKED SLA to the backend lead and on to the tech lead
    String rounding = keyOf("Fix the rounding of order totals");
    assertThat(task(rounding, "TT1").get("state").asText()).isEqualTo("ESCALATED");
    assertThat(openEscalations(rounding)).containsExactly("TL");
    // never started: the ASSIGNED SLA warned, then breached and escalated to the devops lead
    String helm = keyOf("Review the Helm chart resource limits");
    assertThat(task(helm, "TT1").get("state").asText()).isEqualTo("ASSIGNED");
    List<String> slaEvents = new ArrayList<>();
    get("/api/sla-events?instructionKey=" + helm, "erin", "demo")
        .forEach(e -> slaEvents.add(e.get("state").asText() + " " + e.get("kind").asText()));
    assertThat(slaEvents).containsExactly("ASSIGNED WARNING", "ASSIGNED BREACH");
    assertThat(openEscalations(helm)).containsExactly("DL");

    // one IC over 110 %, and the rebalancing it started proposes a move
    JsonNode rebalancing = get("/api/rebalancing?domain=frontend", "fiona", "demo");
    assertThat(rebalancing.get("open").size()).isEqualTo(1);
    assertThat(rebalancing.get("open").get(0).get("moves").get(0).get("from").asText()).isEqualTo("lena");

    // today's standups were generated and announced
    assertThat(get("/api/standups?level=weekly", "erin", "demo").size()).isEqualTo(1);
    assertThat(get("/api/standups?level=domain", "erin", "demo").size()).isEqualTo(6);
  }

  private static JsonNode task(String instructionKey, String taskKey) {
    return get("/api/tasks/" + instructionKey + "/" + taskKey, "erin", "demo").get("task");
  }

  private static List<String> openEscalations(String instructionKey) {
    List<String> levels = new ArrayList<>();
    get("/api/escalations?open=true&instructionKey=" + instructionKey, "erin", "demo")
        .forEach(e -> levels.add(e.get("level").asText()));
    return levels;
  }

  @Test
  @Order(99)
  void aRestartOnTheSameDatabaseDoesNotPlayTheStoryAgain() {
    int before = get("/api/instructions?limit=500", "erin", "demo").size();

    app.restart();

    assertThat(get("/api/instructions?limit=500", "erin", "demo").size()).isEqualTo(before);
    assertThat(app.output()).contains("the demo story is not played again");
  }

  // ------------------------------------------------------------------------------------------------ (a) Tasklist

  @Test
  @Order(3)
  void anIcCompletesTheStartWorkFormFromMyTasksInTasklistAndTheTaskMovesOn() {
    // Given lena's "Start work" tasks of the demo (the checkout summary), as the engine lists them
    JsonNode open = get("/engine-rest/task?assignee=lena&taskDefinitionKey=Task_StartWork&sortBy=created&sortOrder=asc",
        "admin", "admin");
    assertThat(open.size()).as("lena has Start work tasks in the demo").isPositive();
    String taskId = open.get(0).get("id").asText();
    String instructionKey = variable(taskId, "instructionKey");
    String taskKey = variable(taskId, "taskKey");
    assertThat(get("/api/tasks/" + instructionKey + "/" + taskKey, "lena", "demo").get("task").get("state").asText())
        .isEqualTo("ASSIGNED");

    try (HeadlessChromium browser = new HeadlessChromium()) {
      // When lena logs in to Tasklist
      logInToTasklist(browser, "lena");

      // and opens her filter "My tasks" and the task in it
      browser.until(d -> d.findElements(By.xpath("//*[contains(@class,'filters')]//*[normalize-space(text())='My tasks']"))
          .stream().filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
      WebElement entry = browser.until(d -> d.findElements(By.cssSelector("a[href*='task=" + taskId + "']")).stream()
          .filter(WebElement::isDisplayed).findFirst().orElse(null));
      entry.click();

      // Then the Camunda Form of "Start work" is shown; she accepts the task and completes the form
      WebElement accept = browser.visible(By.cssSelector("input[type='checkbox'][id*='Field_WorkAccepted'], "
          + ".fjs-form input[type='checkbox']"));
      browser.screenshot("tasklist-start-work-form", null);
      accept.click();
      WebElement complete = browser.visible(By.xpath("//button[normalize-space(.)='Complete']"));
      browser.until(d -> complete.isEnabled());
      complete.click();
      browser.until(d -> get("/engine-rest/task?taskId=" + taskId, "admin", "admin").isEmpty());
      browser.screenshot("tasklist-after-complete", null);
    }

    // And the task moved on: IN_PROGRESS, with "Do the work" now open for lena
    JsonNode task = get("/api/tasks/" + instructionKey + "/" + taskKey, "lena", "demo").get("task");
    assertThat(task.get("state").asText()).isEqualTo("IN_PROGRESS");
    assertThat(task.get("assignee").asText()).isEqualTo("lena");
    JsonNode next = get("/engine-rest/task?assignee=lena&taskDefinitionKey=Task_DoWork&processInstanceId="
        + open.get(0).get("processInstanceId").asText(), "admin", "admin");
    assertThat(next.size()).as("Do the work is open for lena").isEqualTo(1);
  }

  private String variable(String taskId, String name) {
    return get("/engine-rest/task/" + taskId + "/variables/" + name, "admin", "admin").get("value").asText();
  }

  // ------------------------------------------------------------------------------------------------ (b) dashboard

  @Test
  @Order(2)
  void aLeadSeesTheHeatMapAndTheCriticalPathWithTheNumbersOfTheApiAndTheFeedLive() {
    try (HeadlessChromium browser = new HeadlessChromium()) {
      // Given tom, the tech lead, logs in through the dashboard's own form (Camunda's login: one session)
      browser.logIn(app.url() + "/dashboard/", By.id("login-user"), By.id("login-password"), By.id("login-submit"),
          "tom");
      assertThat(browser.visible(By.id("who-user")).getText()).isEqualTo("tom");

      // Then the heat-map shows every IC on each of the 3 working days, with the forecast's numbers
      JsonNode forecast = get("/api/capacity/forecast", "tom", "demo");
      int cells = 0;
      for (JsonNode person : forecast.get("people")) {
        cells += person.get("days").size();
      }
      int expectedCells = cells;
      browser.until(d -> d.findElements(By.cssSelector("#table-heatmap tbody tr")).size() == expectedCells);
      assertThat(browser.visible(By.cssSelector("#chart-heatmap canvas")).isDisplayed()).isTrue();
      // one chart cell per IC and day (the last column is each IC's 3-day workload)
      assertThat(((Number) browser.script("return echarts.getInstanceByDom(document.getElementById('chart-heatmap'))"
          + ".getOption().series[0].data.filter(c => c[0] < arguments[0]).length;", forecast.get("days").size()))
          .intValue()).isEqualTo(expectedCells);
      for (JsonNode person : forecast.get("people")) {
        for (JsonNode day : person.get("days")) {
          WebElement row = browser.driver.findElement(By.cssSelector("#table-heatmap tr[data-person='"
              + person.get("personId").asText() + "'][data-date='" + day.get("date").asText() + "']"));
          assertCell(row, "plannedHours", day.get("plannedHours"), hours(day.get("plannedHours")));
          assertCell(row, "capacityHours", day.get("capacityHours"), hours(day.get("capacityHours")));
          assertCell(row, "utilisation", day.get("utilisation"), percent(day.get("utilisation")));
        }
      }
      JsonNode capacity = get("/api/capacity", "tom", "demo");
      List<String> overloaded = new ArrayList<>();
      for (JsonNode person : capacity.get("people")) {
        if ("OVERSUBSCRIBED".equals(person.get("band").asText())) {
          overloaded.add(person.get("personId").asText());
        }
        for (WebElement row : browser.driver.findElements(By.cssSelector("#table-heatmap tr[data-person='"
            + person.get("personId").asText() + "']"))) {
          assertCell(row, "workload", person.get("workload"), percent(person.get("workload")));
        }
      }
      assertThat(overloaded).as("the demo has one IC over 110 %").containsExactly("lena");
      WebElement heatmap = browser.driver.findElement(By.id("panel-heatmap"));
      browser.screenshot("dashboard-heatmap", heatmap);

      browser.screenshot("dashboard", null);

      // And an announcement posted now arrives in the feed live (SSE), shown as text, never as markup
      String subject = "Release train <img src=x id=xss-probe onerror=\"document.title='pwned'\"> moves to Thursday";
      HttpResponse<String> posted = request("POST", "/api/channels/tech-leads/announcements", "tom", "demo",
          "{\"type\":\"milestone\",\"subject\":" + JSON.valueToTree(subject) + ",\"message\":\"<b>not bold</b>\"}");
      assertThat(posted.statusCode()).isEqualTo(201);
      browser.until(d -> d.findElements(By.cssSelector("#feed-list > li .subject")).stream()
          .anyMatch(e -> subject.equals(e.getAttribute("textContent"))));
      assertThat(browser.driver.findElements(By.id("xss-probe"))).isEmpty();
      assertThat(browser.driver.getTitle()).isEqualTo("Orchestration dashboard");

      // And the critical path of the order history page, with the critical-path API's numbers
      String orderHistory = keyOf("Add order history page");
      HttpResponse<String> path = request("/api/instructions/" + orderHistory + "/critical-path", "tom", "demo");
      assertThat(path.statusCode()).as("GET /api/instructions/{key}/critical-path (insight capability): %s",
          path.body()).isEqualTo(200);
      JsonNode critical = read(path.body());
      new Select(browser.visible(By.id("cp-instruction"))).selectByValue(orderHistory);
      int tasks = critical.get("tasks").size();
      browser.until(d -> d.findElements(By.cssSelector("#table-critical-path tbody tr")).size() == tasks
          && d.findElement(By.id("cp-instruction-detail")).getText().contains(orderHistory));
      Map<String, JsonNode> byKey = new java.util.HashMap<>();
      for (JsonNode task : critical.get("tasks")) {
        byKey.put(task.get("taskKey").asText(), task);
        WebElement row = browser.driver.findElement(By.cssSelector("#table-critical-path tr[data-task-key='"
            + task.get("taskKey").asText() + "']"));
        for (String field : List.of("remainingHours", "earliestStartHours", "earliestFinishHours", "latestStartHours",
            "latestFinishHours", "slackHours")) {
          assertCell(row, field, task.get(field), hours(task.get(field)));
        }
        assertThat(row.findElement(By.cssSelector("[data-field='critical']")).getAttribute("data-value"))
            .isEqualTo(String.valueOf(task.path("critical").asBoolean()));
        if (task.hasNonNull("userTaskId")) {
          assertThat(row.findElement(By.cssSelector("a.tasklist-link")).getAttribute("href"))
              .endsWith("/camunda/app/tasklist/default/#/?task=" + task.get("userTaskId").asText());
        }
        if (task.hasNonNull("processInstanceId")) {
          assertThat(row.findElement(By.cssSelector("a.cockpit-link")).getAttribute("href"))
              .endsWith("/camunda/app/cockpit/default/#/process-instance/" + task.get("processInstanceId").asText());
        }
      }
      WebElement summary = browser.driver.findElement(By.id("cp-summary"));
      for (String field : List.of("remainingHours", "originalHours", "projectedHours")) {
        assertCell(summary, field, critical.get(field), hours(critical.get(field)));
      }
      // the story's path: the endpoint in progress (TT1.2) and the authorization after it are critical; the
      // OpenAPI description (TT1.4, 2 h beside TT1.3's 3 h) has slack
      assertThat(byKey.get("TT1.2").path("critical").asBoolean()).isTrue();
      assertThat(byKey.get("TT1.3").path("critical").asBoolean()).isTrue();
      assertThat(byKey.get("TT1.4").path("slackHours").asDouble()).isPositive();
      int bars = ((Number) browser.script("return echarts.getInstanceByDom(document.getElementById("
          + "'chart-critical-path')).getOption().series.reduce((n, s) => n + s.data.length, 0);")).intValue();
      assertThat(bars).isEqualTo(tasks);
      browser.screenshot("dashboard-critical-path", browser.driver.findElement(By.id("panel-critical-path")));

    }
  }

  @Test
  @Order(4)
  void theOtherPanelsShowTheNumbersOfTheirApis() {
    try (HeadlessChromium browser = new HeadlessChromium()) {
      // Given erin, the engineering manager, on the dashboard
      browser.logIn(app.url() + "/dashboard/", By.id("login-user"), By.id("login-password"), By.id("login-submit"),
          "erin");
      JsonNode metrics = get("/api/metrics", "erin", "demo");
      JsonNode capacity = get("/api/capacity", "erin", "demo");
      JsonNode bottlenecks = get("/api/insight/bottlenecks", "erin", "demo");

      // Then work in progress per state is the metrics' WIP (states with open work; timers of the running demo do
      // not move tasks between states in these seconds)
      browser.until(d -> !d.findElements(By.cssSelector("#panel-wip tr[data-key]")).isEmpty());
      int wipRows = 0;
      for (var state : (Iterable<Map.Entry<String, JsonNode>>) metrics.get("wipPerState")::fields) {
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#panel-wip tr[data-key='"
            + state.getKey() + "']"));
        if (!rows.isEmpty()) {
          wipRows++;
          assertThat(rows.get(0).findElement(By.cssSelector("td.num")).getAttribute("data-value"))
              .as("WIP %s", state.getKey()).isEqualTo(state.getValue().asText());
        }
      }
      assertThat(wipRows).as("a row per lifecycle state").isGreaterThanOrEqualTo(5);

      // And domain utilisation is the capacity API's, per domain and for the system
      for (JsonNode domain : capacity.get("domains")) {
        WebElement row = browser.driver.findElement(By.cssSelector("#table-domains tr[data-domain='"
            + domain.get("domain").asText() + "']"));
        assertCell(row, "committed", domain.get("committed"), hours(domain.get("committed")));
        assertCell(row, "capacity", domain.get("capacity"), hours(domain.get("capacity")));
        assertCell(row, "utilisation", domain.get("utilisation"), percent(domain.get("utilisation")));
      }
      assertThat(Double.parseDouble(browser.driver.findElement(By.id("system-utilisation"))
          .getAttribute("data-value"))).isEqualTo(capacity.get("system").get("utilisation").asDouble());
      // and the heat-map colours by the boundaries DMN capacity-bands gives (through the API), not by constants
      JsonNode bands = capacity.get("bands");
      assertThat(browser.driver.findElement(By.id("heatmap-legend")).getAttribute("textContent"))
          .contains("under " + percentOf(bands.get("cautionFrom")) + " % healthy")
          .contains("over " + percentOf(bands.get("oversubscribedFrom")) + " % oversubscribed");

      // And the SLA panel counts the metrics' breaches of the period
      assertThat(browser.visible(By.id("sla-period")).getAttribute("data-value"))
          .isEqualTo(metrics.get("slaBreaches").get("total").asText());

      // And the bottlenecks name what the API names, with its stable numbers (waits grow by the second)
      JsonNode state = bottlenecks.get("stateOrGate");
      assertThat(browser.visible(By.id("bottleneck-state")).getText()).contains(state.get("name").asText())
          .contains(state.get("wip").asText() + " open");
      JsonNode group = bottlenecks.get("group");
      assertThat(browser.driver.findElement(By.id("bottleneck-group")).getText()).contains(group.get("group").asText())
          .contains(group.get("queued").asText() + " waiting");
      JsonNode ic = bottlenecks.get("overloadedIc");
      assertThat(ic.get("personId").asText()).as("the demo's overloaded IC").isEqualTo("lena");
      assertThat(browser.driver.findElement(By.id("bottleneck-ic")).getText()).contains("lena")
          .contains(percent(ic.get("workload"))).contains(hours(ic.get("hoursOver")) + " over");
      browser.screenshot("dashboard-bottlenecks", browser.driver.findElement(By.id("panel-bottlenecks")));
    }
  }

  @Test
  @Order(5)
  void oneLoginServesTasklistAndTheDashboardAndLoggingOutOfTheDashboardEndsIt() {
    try (HeadlessChromium browser = new HeadlessChromium()) {
      // Given erin logged in to Tasklist
      logInToTasklist(browser, "erin");
      browser.visible(By.xpath("//*[contains(@class,'filters')]"));

      // When she opens the dashboard, she is signed in already
      browser.driver.get(app.url() + "/dashboard/");
      assertThat(browser.visible(By.id("who-user")).getText()).isEqualTo("erin");
      assertThat(browser.driver.findElement(By.id("login-section")).isDisplayed()).isFalse();

      // Then logging out of the dashboard logs her out of Tasklist too
      browser.driver.findElement(By.id("logout")).click();
      browser.visible(By.id("login-form"));
      assertThat(browser.script("return fetch('/dashboard/session').then(r => r.json()).then(s => s.userId);"))
          .isNull();
      browser.driver.get(app.url() + "/camunda/app/tasklist/default/");
      browser.visible(By.cssSelector("input[ng-model='username']"));
    }
  }

  private static void logInToTasklist(HeadlessChromium browser, String user) {
    browser.logIn(app.url() + "/camunda/app/tasklist/default/", By.cssSelector("input[ng-model='username']"),
        By.cssSelector("input[ng-model='password']"), By.cssSelector("button[type='submit']"), user);
  }

  private static void assertCell(WebElement row, String field, JsonNode expected, String text) {
    WebElement cell = row.findElement(By.cssSelector("[data-field='" + field + "']"));
    String raw = cell.getAttribute("data-value");
    if (expected == null || expected.isNull()) {
      assertThat(raw).as(field).isEmpty();
    } else {
      assertThat(Double.parseDouble(raw)).as(field).isEqualTo(expected.asDouble());
    }
    assertThat(cell.getAttribute("textContent")).as(field).isEqualTo(text);
  }

  /** As the dashboard shows hours: one decimal and " h"; no value "—". */
  static String hours(JsonNode value) {
    return value == null || value.isNull() ? "—" : String.format(Locale.ROOT, "%.1f h", value.asDouble());
  }

  /** A band boundary as the dashboard's legend writes it: percent with at most one decimal (0.75 → "75"). */
  static String percentOf(JsonNode ratio) {
    double pct = Math.round(ratio.asDouble() * 1000) / 10.0;
    return pct == Math.rint(pct) ? String.valueOf((long) pct) : String.valueOf(pct);
  }

  /** As the dashboard shows a ratio: whole percent. */
  static String percent(JsonNode value) {
    return value == null || value.isNull() ? "—" : Math.round(value.asDouble() * 100) + " %";
  }

  private static String keyOf(String title) {
    for (JsonNode instruction : get("/api/instructions?limit=200", "tom", "demo")) {
      if (title.equals(instruction.get("title").asText())) {
        return instruction.get("key").asText();
      }
    }
    throw new AssertionError("no instruction '" + title + "' in the demo");
  }

  // ------------------------------------------------------------------------------------------------ HTTP

  static JsonNode get(String path, String user, String password) {
    HttpResponse<String> response = request(path, user, password);
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return read(response.body());
  }

  static HttpResponse<String> request(String path, String user, String password) {
    return request("GET", path, user, password, null);
  }

  static HttpResponse<String> request(String method, String path, String user, String password, String json) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(app.url() + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
            .getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      builder.header("Content-Type", "application/json");
    }
    try {
      return HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }
}
