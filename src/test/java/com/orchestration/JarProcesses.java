package com.orchestration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * For tests that run the packaged application as a process of its own, as an operator would (ClusterIT, FaultIT,
 * DemoBrowserIT): a free port, waiting until it is healthy, the end of its log for a failure message.
 */
public final class JarProcesses {

  private JarProcesses() {}

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until {@code url/actuator/health} says UP; fails with the end of {@code log} when the process exits or is
   * not healthy within {@code max}.
   */
  public static void awaitHealthy(String name, String url, Process process, Path log, Duration max) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Instant deadline = Instant.now().plus(max);
    while (Instant.now().isBefore(deadline)) {
      if (process == null || !process.isAlive()) {
        throw new AssertionError(name + " exited with " + (process == null ? "-" : process.exitValue())
            + " while starting:\n" + tail(log));
      }
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      sleep(500);
    }
    throw new AssertionError(name + " not healthy after " + max + ":\n" + tail(log));
  }

  /** The last 60 lines of a log. */
  public static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
