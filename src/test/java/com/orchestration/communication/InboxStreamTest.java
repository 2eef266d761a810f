package com.orchestration.communication;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import com.orchestration.WebappSession;
import com.orchestration.lifecycle.Priority;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * GET /api/inbox/stream over real HTTP (SPEC §9.2): live delivery to the members of the channel after the post
 * commits, replay after Last-Event-ID on reconnect, heartbeat comments, server-side close through the async dispatch,
 * and the same stream behind a webapp session login.
 */
@OrchestrationTest
class InboxStreamTest {

  static final Duration WAIT = Duration.ofSeconds(10);
  static final Duration QUIET = Duration.ofMillis(700);

  @LocalServerPort int port;
  @Autowired AnnouncementService announcements;
  @Autowired InboxStream stream;
  @Autowired PlatformTransactionManager transactions;

  final List<SseClient> open = new ArrayList<>();

  @AfterEach
  void closeStreams() {
    open.forEach(SseClient::close);
  }

  SseClient connect(String user, String lastEventId) {
    SseClient client = SseClient.open(port, user, "demo", lastEventId);
    open.add(client);
    assertThat(client.response().headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/event-stream"));
    assertThat(client.awaitComment("connected", WAIT)).as("greeting of the stream of %s", user).isTrue();
    return client;
  }

  long post(String user, String channel, String subject) {
    HttpResponse<String> response = WebappSession.basic(port, "POST", "/api/channels/" + channel + "/announcements",
        user, "demo", """
            {"type": "blocker", "priority": "high", "subject": "%s", "message": "See the runbook"}"""
            .formatted(subject));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String location = response.headers().firstValue("Location").orElseThrow();
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  @Test
  void aMemberReceivesAPostLiveWithItsIdAndAReconnectReplaysOnlyWhatCameAfter() {
    // Given alice (backend IC) listening
    SseClient alice = connect("alice", null);

    // When fiona posts to frontend-team (not alice's) and bruno to backend-team
    long frontend = post("fiona", "frontend-team", "Design review moved");
    long first = post("bruno", "backend-team", "Payments API frozen until Friday");

    // Then alice receives bruno's post only, as an "announcement" event whose id is the announcement id
    SseClient.Event event = alice.nextEvent(WAIT);
    assertThat(event).as("live event").isNotNull();
    assertThat(event.id()).isEqualTo(String.valueOf(first)).isNotEqualTo(String.valueOf(frontend));
    assertThat(event.name()).isEqualTo("announcement");
    Map<String, Object> data = event.json();
    assertThat(data).containsEntry("subject", "Payments API frozen until Friday").containsEntry("author", "bruno")
        .containsEntry("channel", "backend-team").containsEntry("type", "blocker")
        .containsEntry("priority", "high");
    assertThat(((Number) data.get("id")).longValue()).isEqualTo(first);
    alice.close();

    // When she was away, bruno posted once; she reconnects with the id she saw, then bruno posts twice
    long whileAway = post("bruno", "backend-team", "Use the new staging URL");
    SseClient again = connect("alice", String.valueOf(first));
    long second = post("bruno", "backend-team", "Payments API open again");
    long third = post("erin", "all", "All-hands at 15:00");

    // Then: what she missed, then the live ones, each once and in order; the first is not repeated
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      SseClient.Event next = again.nextEvent(WAIT);
      assertThat(next).as("event %s after reconnecting", i + 1).isNotNull();
      ids.add(next.id());
    }
    assertThat(ids).containsExactly(String.valueOf(whileAway), String.valueOf(second), String.valueOf(third));
    assertThat(again.nextEvent(QUIET)).as("nothing more, no duplicate").isNull();
  }

  @Test
  void theLastEventIdQueryParameterReplaysToo() {
    long before = post("bruno", "backend-team", "Replay me");
    SseClient client = SseClient.open(java.net.http.HttpClient.newHttpClient(),
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
            + "/api/inbox/stream?lastEventId=" + (before - 1)))
            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("bob:demo".getBytes())));
    open.add(client);
    SseClient.Event replayed = client.nextEvent(WAIT);
    assertThat(replayed).isNotNull();
    assertThat(replayed.id()).isEqualTo(String.valueOf(before));
  }

  @Test
  void aRolledBackPostIsNeverStreamed() {
    SseClient bruno = connect("bruno", null);

    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      announcements.announce(Announcement.Draft.of("backend-team", AnnouncementType.INCIDENT, Priority.CRITICAL,
          "Rolled back", "This transaction does not commit"));
      status.setRollbackOnly();
    });
    Announcement committed = announcements.announce(Announcement.Draft.of("backend-team",
        AnnouncementType.INCIDENT, Priority.CRITICAL, "Committed", "This one does"));

    SseClient.Event event = bruno.nextEvent(WAIT);
    assertThat(event).isNotNull();
    assertThat(event.json()).containsEntry("subject", "Committed").containsEntry("author", "system");
    assertThat(event.id()).isEqualTo(String.valueOf(committed.id()));
    assertThat(bruno.nextEvent(QUIET)).isNull();
  }

  @Test
  void heartbeatsKeepTheStreamOpenAndAServerSideCloseEndsItCleanly() {
    SseClient erin = connect("erin", null);
    assertThat(stream.openStreams("erin")).isEqualTo(1);

    stream.heartbeatNow();
    assertThat(erin.awaitComment("heartbeat", WAIT)).isTrue();

    // the server ends the stream (as its timeout does): the response completes through the async dispatch
    stream.close("erin");
    assertThat(erin.awaitEnd(WAIT)).as("the stream ends").isTrue();
    assertThat(stream.openStreams("erin")).isZero();

    // a client that went away is dropped at the next heartbeat
    SseClient gone = connect("erin", null);
    gone.close();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (stream.openStreams("erin") > 0 && System.nanoTime() < deadline) {
      stream.heartbeatNow();
      sleep(100);
    }
    assertThat(stream.openStreams("erin")).isZero();
  }

  @Test
  void theStreamWorksBehindAWebappSessionAndRefusesStrangers() {
    WebappSession session = WebappSession.login(port, "fiona", "demo", "tasklist");
    SseClient fiona = SseClient.of(session.streamLines("/api/inbox/stream", "text/event-stream"));
    open.add(fiona);
    assertThat(fiona.awaitComment("connected", WAIT)).isTrue();

    long posted = post("tom", "tech-leads", "Architecture sync moved to Thursday");
    SseClient.Event event = fiona.nextEvent(WAIT);
    assertThat(event).isNotNull();
    assertThat(event.id()).isEqualTo(String.valueOf(posted));

    HttpResponse<String> anonymous = WebappSession.basic(port, "GET", "/api/inbox/stream", null, null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    HttpResponse<String> badId = WebappSession.basic(port, "GET", "/api/inbox/stream?lastEventId=abc", "alice",
        "demo", null);
    assertThat(badId.statusCode()).isEqualTo(400);
    assertThat(badId.body()).contains("\"field\":\"lastEventId\"");
    // as a browser's EventSource asks: the problem is still answered as JSON
    HttpResponse<String> badHeader = sendAcceptingEventStream("alice", "x1");
    assertThat(badHeader.statusCode()).isEqualTo(400);
    assertThat(badHeader.body()).contains("\"field\":\"Last-Event-ID\"");
  }

  HttpResponse<String> sendAcceptingEventStream(String user, String lastEventId) {
    try {
      return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create("http://localhost:" + port + "/api/inbox/stream"))
          .header("Accept", "text/event-stream").header("Last-Event-ID", lastEventId)
          .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":demo")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8))).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
