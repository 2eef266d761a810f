package com.orchestration.communication;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client over real HTTP for tests, as a browser's EventSource reads the stream: lines are read
 * on a thread of their own and grouped into events at each blank line; comments ({@code :heartbeat}) are kept.
 */
final class SseClient implements AutoCloseable {

  /** One SSE block: id, event name, data, and the comment lines. */
  record Event(String id, String name, String data, List<String> comments) {

    Map<String, Object> json() {
      try {
        return new ObjectMapper().readValue(data, new TypeReference<>() {});
      } catch (java.io.IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final Event END = new Event(null, null, null, List.of());

  private final HttpResponse<Stream<String>> response;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Thread reader;

  private SseClient(HttpResponse<Stream<String>> response) {
    this.response = response;
    this.reader = new Thread(this::read, "sse-test-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens {@code /api/inbox/stream} as {@code user} with HTTP Basic; {@code lastEventId} may be null. */
  static SseClient open(int port, String user, String password, String lastEventId) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/inbox/stream"))
        .header("Accept", "text/event-stream")
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    return open(HttpClient.newHttpClient(), request);
  }

  static SseClient open(HttpClient client, HttpRequest.Builder request) {
    HttpResponse<Stream<String>> response;
    try {
      response = client.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofLines())
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return of(response);
  }

  /** Wraps a stream opened elsewhere (e.g. with a webapp session's cookies). */
  static SseClient of(HttpResponse<Stream<String>> response) {
    if (response.statusCode() != 200) {
      throw new AssertionError("stream refused: " + response.statusCode() + " "
          + String.join("\n", response.body().toList()));
    }
    return new SseClient(response);
  }

  HttpResponse<Stream<String>> response() {
    return response;
  }

  private void read() {
    String id = null;
    String name = null;
    StringBuilder data = null;
    List<String> comments = new ArrayList<>();
    try {
      Iterator<String> lines = response.body().iterator();
      while (lines.hasNext()) {
        String line = lines.next();
        if (line.isEmpty()) {
          if (id != null || name != null || data != null || !comments.isEmpty()) {
            events.add(new Event(id, name, data == null ? null : data.toString(), List.copyOf(comments)));
          }
          id = null;
          name = null;
          data = null;
          comments.clear();
        } else if (line.startsWith(":")) {
          comments.add(line.substring(1).strip());
        } else {
          int colon = line.indexOf(':');
          String field = colon < 0 ? line : line.substring(0, colon);
          String value = colon < 0 ? "" : line.substring(colon + 1);
          if (value.startsWith(" ")) {
            value = value.substring(1);
          }
          switch (field) {
            case "id" -> id = value;
            case "event" -> name = value;
            case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            default -> { }
          }
        }
      }
    } catch (RuntimeException closed) {
      // the test closed the stream
    }
    events.add(END);
  }

  /** The next block, comments included; null when none arrives within {@code timeout}. */
  Event nextBlock(Duration timeout) {
    try {
      Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (event == END) {
        events.add(END);
        return null;
      }
      return event;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The next announcement event, skipping comment-only blocks; null when none arrives within {@code timeout}. */
  Event nextEvent(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      Event block = nextBlock(Duration.ofNanos(left));
      if (block == null) {
        return null;
      }
      if (block.name() != null || block.data() != null) {
        return block;
      }
    }
  }

  /** Waits for a comment block containing {@code comment} (e.g. the greeting "connected"). */
  boolean awaitComment(String comment, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      Event block = nextBlock(Duration.ofNanos(left));
      if (block == null) {
        return false;
      }
      if (block.comments().contains(comment)) {
        return true;
      }
    }
  }

  /** True when the server ended the stream within {@code timeout}. */
  boolean awaitEnd(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        Event event = events.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
        if (event == END) {
          events.add(END);
          return true;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  @Override
  public void close() {
    response.body().close();
  }
}
