package com.orchestration.communication;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * /api/channels and /api/inbox as the personas of the demo organisation (SPEC §9.2): who is in which channel, who may
 * post where, what bad input gets back, and reading since a time or after an id.
 */
@OrchestrationTest
class ChannelApiTest {

  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};
  static final String PASSWORD = "demo";

  @Autowired TestRestTemplate rest;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  List<Map<String, Object>> channels(String user) {
    ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, PASSWORD)
        .exchange("/api/channels", HttpMethod.GET, null, LIST);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  static List<Object> namesWhere(List<Map<String, Object>> channels, String flag) {
    return channels.stream().filter(c -> Boolean.TRUE.equals(c.get(flag))).map(c -> c.get("name")).toList();
  }

  ResponseEntity<Map<String, Object>> post(String user, String channel, String json) {
    return rest.withBasicAuth(user, PASSWORD).exchange("/api/channels/" + channel + "/announcements",
        HttpMethod.POST, new HttpEntity<>(json, jsonHeaders()), OBJECT);
  }

  ResponseEntity<Map<String, Object>> post(String user, String channel, String type, String subject) {
    return post(user, channel, """
        {"type": "%s", "priority": "high", "subject": "%s", "message": "Details for the team",
         "affectedInstructions": ["INS-20261124-001"], "affectedDomains": ["backend"],
         "actionItems": ["Pause deployments", "Tell your reviewers"]}""".formatted(type, subject));
  }

  static org.springframework.http.HttpHeaders jsonHeaders() {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    return headers;
  }

  ResponseEntity<List<Map<String, Object>>> read(String user, String path) {
    return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.GET, null, LIST);
  }

  ResponseEntity<Map<String, Object>> problem(String user, String path) {
    return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.GET, null, OBJECT);
  }

  static long id(ResponseEntity<Map<String, Object>> created) {
    return ((Number) created.getBody().get("id")).longValue();
  }

  static List<Long> ids(List<Map<String, Object>> announcements) {
    return announcements.stream().map(a -> ((Number) a.get("id")).longValue()).toList();
  }

  @Test
  void membershipFollowsTheOrganisation() {
    List<Map<String, Object>> alice = channels("alice");
    assertThat(alice).extracting(c -> c.get("name")).containsExactly("all", "domain-leads", "tech-leads",
        "frontend-team", "backend-team", "qa-team", "devops-team", "data-team", "security-team");
    assertThat(namesWhere(alice, "member")).containsExactly("all", "backend-team");
    assertThat(namesWhere(alice, "mayPost")).as("an IC posts to the team, not to all").containsExactly("backend-team");

    List<Map<String, Object>> fiona = channels("fiona");
    assertThat(namesWhere(fiona, "member")).containsExactly("all", "domain-leads", "tech-leads", "frontend-team");
    assertThat(namesWhere(fiona, "mayPost")).containsExactly("all", "domain-leads", "tech-leads", "frontend-team");

    List<Map<String, Object>> erin = channels("erin");
    assertThat(namesWhere(erin, "member")).as("the EM is in every channel").hasSize(9);
    assertThat(namesWhere(erin, "mayPost")).hasSize(9);

    List<Map<String, Object>> tom = channels("tom");
    assertThat(namesWhere(tom, "member")).containsExactly("all", "tech-leads");

    Map<String, Object> backend = alice.stream().filter(c -> c.get("name").equals("backend-team")).findFirst()
        .orElseThrow();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> members = (List<Map<String, Object>>) backend.get("members");
    assertThat(members).extracting(m -> m.get("id")).contains("bruno", "alice", "bob", "bot-backend-1", "erin")
        .doesNotContain("fiona", "tom", "lena");
    assertThat(members).filteredOn(m -> m.get("id").equals("bruno")).singleElement()
        .satisfies(m -> assertThat(m).containsEntry("role", "domain-lead").containsKey("name"));
  }

  @Test
  void membersPostToTheirChannelsAndOnlyLeadsToAll() {
    ResponseEntity<Map<String, Object>> own = post("alice", "backend-team", "blocker", "Staging DB is read-only");
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(own.getHeaders().getLocation()).hasToString("/api/channels/backend-team/announcements/" + id(own));
    assertThat(own.getBody()).containsEntry("channel", "backend-team").containsEntry("type", "blocker")
        .containsEntry("priority", "high").containsEntry("author", "alice")
        .containsEntry("affectedInstructions", List.of("INS-20261124-001"))
        .containsEntry("affectedDomains", List.of("backend"))
        .containsEntry("actionItems", List.of("Pause deployments", "Tell your reviewers"));
    assertThat(own.getBody().get("createdAt")).isNotNull();
    assertThat(problem("bruno", own.getHeaders().getLocation().toString()).getBody())
        .containsEntry("subject", "Staging DB is read-only");

    ResponseEntity<Map<String, Object>> toAll = post("alice", "all", "celebration", "We shipped");
    assertThat(toAll.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) toAll.getBody().get("detail")).contains("Only domain leads, the tech lead and the "
        + "engineering manager may post to 'all'");

    ResponseEntity<Map<String, Object>> notMember = post("alice", "frontend-team", "blocker", "Hello frontend");
    assertThat(notMember.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) notMember.getBody().get("detail"))
        .contains("Only members of channel 'frontend-team' may post to it").contains("all, backend-team");

    ResponseEntity<Map<String, Object>> unknown = post("alice", "backend-tem", "blocker", "Typo");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat((String) unknown.getBody().get("detail")).contains("No channel 'backend-tem'")
        .contains("backend-team");

    assertThat(post("fiona", "all", "celebration", "Order history is live").getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(post("tom", "tech-leads", "priority_change", "Checkout before search").getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(post("tom", "domain-leads", "priority_change", "Not a DL").getStatusCode())
        .as("the TL is not in domain-leads").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("erin", "data-team", "resource_shift", "Mei helps backend this week").getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    ResponseEntity<Map<String, Object>> emptySubject = post("alice", "backend-team", "blocker", "  ");
    assertThat(emptySubject.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(emptySubject.getBody()).containsEntry("field", "subject");

    ResponseEntity<Map<String, Object>> unknownType = post("alice", "backend-team", "gossip", "Rumours");
    assertThat(unknownType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknownType.getBody()).containsEntry("field", "type");
    assertThat((String) unknownType.getBody().get("detail")).contains("'gossip'").contains(
        "priority_change, resource_shift, milestone, blocker, celebration, sla_breach, incident");

    ResponseEntity<Map<String, Object>> badPriority = post("alice", "backend-team", """
        {"type": "blocker", "priority": "urgent", "subject": "x", "message": "y"}""");
    assertThat(badPriority.getBody()).containsEntry("field", "priority");
    assertThat((String) badPriority.getBody().get("detail")).contains("critical, high, normal, low");

    ResponseEntity<Map<String, Object>> badKey = post("alice", "backend-team", """
        {"type": "blocker", "subject": "x", "message": "y", "affectedInstructions": ["order history"]}""");
    assertThat(badKey.getBody()).containsEntry("field", "affectedInstructions[0]");

    ResponseEntity<Map<String, Object>> badDomain = post("alice", "backend-team", """
        {"type": "blocker", "subject": "x", "message": "y", "affectedDomains": ["mobile"]}""");
    assertThat(badDomain.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badDomain.getBody()).containsEntry("field", "affectedDomains[0]");

    ResponseEntity<Map<String, Object>> badSince = problem("alice", "/api/inbox?since=yesterday");
    assertThat(badSince.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badSince.getBody()).containsEntry("field", "since");
    assertThat((String) badSince.getBody().get("detail")).contains("2026-11-24T09:00:00Z");

    assertThat(problem("alice", "/api/inbox?afterId=-3").getBody()).containsEntry("field", "afterId");
    assertThat(problem("alice", "/api/inbox?limit=501").getBody()).containsEntry("field", "limit");
    assertThat(problem("alice", "/api/channels/backend-team/announcements?since=2026-13-01").getBody())
        .containsEntry("field", "since");
  }

  @Test
  void readingAChannelIsForMembers() {
    long posted = id(post("bruno", "backend-team", "resource_shift", "Bob moves to payments"));

    assertThat(ids(read("alice", "/api/channels/backend-team/announcements").getBody())).contains(posted);
    assertThat(ids(read("erin", "/api/channels/backend-team/announcements").getBody())).contains(posted);
    ResponseEntity<Map<String, Object>> outsider = problem("fiona", "/api/channels/backend-team/announcements");
    assertThat(outsider.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) outsider.getBody().get("detail")).contains("Only members of channel 'backend-team'");
    assertThat(problem("fiona", "/api/channels/nowhere/announcements").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(ids(read("fiona", "/api/inbox?limit=500").getBody())).doesNotContain(posted);
  }

  @Test
  void theInboxHoldsEverythingFromMyChannelsSinceATimeOrAfterAnId() {
    // Given: a clock of its own, so "since" sees only this test's posts
    Instant nine = Instant.parse("2033-06-14T09:00:00Z");
    ClockUtil.setCurrentTime(Date.from(nine));
    long teamEarly = id(post("bruno", "backend-team", "blocker", "Early backend news"));
    ClockUtil.setCurrentTime(Date.from(nine.plus(Duration.ofHours(1))));
    long teamLate = id(post("bruno", "backend-team", "milestone", "Late backend news"));
    long toAll = id(post("erin", "all", "priority_change", "Late news for everyone"));
    long frontend = id(post("fiona", "frontend-team", "blocker", "Frontend only"));
    long leads = id(post("fiona", "tech-leads", "blocker", "Leads only"));

    // When alice reads her inbox since 09:30
    List<Map<String, Object>> since = read("alice", "/api/inbox?since=2033-06-14T09:30:00Z").getBody();

    // Then: her channels only, at or after the time, oldest first
    assertThat(ids(since)).containsExactly(teamLate, toAll);
    assertThat(since.get(0)).containsEntry("subject", "Late backend news").containsEntry("channel", "backend-team");
    // after an id: everything of her channels with a larger id
    assertThat(ids(read("alice", "/api/inbox?afterId=" + teamEarly).getBody())).containsExactly(teamLate, toAll);
    assertThat(ids(read("alice", "/api/inbox?afterId=" + teamEarly + "&limit=1").getBody()))
        .containsExactly(teamLate);
    // without a window: the newest, still oldest first
    assertThat(ids(read("alice", "/api/inbox?limit=3").getBody())).containsExactly(teamEarly, teamLate, toAll);
    // fiona sees the frontend and leads posts, not the backend ones
    assertThat(ids(read("fiona", "/api/inbox?since=2033-06-14T09:00:00Z").getBody()))
        .containsExactly(toAll, frontend, leads);
    // per channel, with the same window
    assertThat(ids(read("bruno", "/api/channels/backend-team/announcements?since=2033-06-14T09:30:00Z").getBody()))
        .containsExactly(teamLate);
  }
}
