package com.orchestration.cluster;

import com.orchestration.insight.Percentiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * Every HTTP call of a load run, as it was answered: operation, status, latency. Calls that start before
 * {@link #measureFrom} (the warm-up) are made but not counted. A call whose answer is not what that operation may
 * answer is an error, kept with its body for the report. The report is Markdown: per operation the count, statuses,
 * p50/p99/max (nearest rank), and the throughput over the measured time.
 */
final class LoadRecorder {

  /** status -1: no answer at all (connection refused, reset, timed out). */
  record Call(String op, String method, int status, long nanos) {}

  private final ClusterClient client;
  private final ClusterNode node;
  private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
  private volatile Instant measureFrom = Instant.MIN;
  private volatile Instant measureTo;

  LoadRecorder(ClusterClient client, ClusterNode node) {
    this.client = client;
    this.node = node;
  }

  /** Calls started from now on are counted. */
  void measureFrom(Instant from) {
    measureFrom = from;
  }

  void measureTo(Instant to) {
    measureTo = to;
  }

  /** One call; an IOException is answered as status -1 with the exception as its body. */
  ClusterClient.Response send(String op, String user, String method, String path, Object body) {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    ClusterClient.Response response;
    try {
      response = client.send(node, user, method, path, body);
    } catch (IOException | UncheckedIOException e) {
      response = new ClusterClient.Response(-1, ClusterClient.JSON.nullNode(), e.toString());
    }
    long nanos = System.nanoTime() - t0;
    if (!started.isBefore(measureFrom)) {
      calls.add(new Call(op, method, response.status(), nanos));
    }
    return response;
  }

  /** Records an answer the operation must not give (warm-up included: an error is an error). */
  void error(String op, String user, String method, String path, ClusterClient.Response response) {
    String raw = response.raw() == null ? "" : response.raw();
    errors.add(op + " — " + method + " " + path + " as " + user + ": " + response.status() + " "
        + (raw.length() > 600 ? raw.substring(0, 600) + "…" : raw));
  }

  List<String> errors() {
    return List.copyOf(errors);
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  long count(String opPrefix) {
    return calls.stream().filter(c -> c.op().startsWith(opPrefix) && c.status() / 100 == 2).count();
  }

  /** p-th percentile by nearest rank (as the metrics API computes it), in milliseconds. */
  static double percentile(List<Long> sortedNanos, int p) {
    Double nanos = Percentiles.nearestRank(sortedNanos.stream().mapToDouble(Long::doubleValue).toArray(), p);
    return nanos == null ? Double.NaN : nanos / 1e6;
  }

  /** The Markdown report; {@code context} lines go first (what ran, on what machine). */
  String report(String title, List<String> context) {
    List<Call> all = calls();
    Duration measured = Duration.between(measureFrom, measureTo == null ? Instant.now() : measureTo);
    StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
    context.forEach(line -> md.append("- ").append(line).append('\n'));
    md.append(String.format("- measured: %.1f s, %d calls, %.1f calls/s, %d errors%n%n", measured.toMillis() / 1e3,
        all.size(), all.size() / Math.max(0.001, measured.toMillis() / 1e3), errors.size()));
    md.append("| operation | calls | statuses | p50 ms | p99 ms | max ms |\n|---|---:|---|---:|---:|---:|\n");
    Map<String, List<Call>> byOp = new TreeMap<>(all.stream().collect(Collectors.groupingBy(Call::op)));
    byOp.forEach((op, list) -> md.append(row(op, list)));
    List<Call> reads = all.stream().filter(c -> c.method().equals("GET")).toList();
    if (!reads.isEmpty() && reads.size() < all.size()) {
      md.append(row("**`/api` reads (SPEC §14: p99 < 100 ms)**",
          reads.stream().filter(c -> c.op().startsWith("api:")).toList()));
      md.append(row("**all reads (GET)**", reads));
      md.append(row("**all writes**", all.stream().filter(c -> !c.method().equals("GET")).toList()));
    }
    md.append(row("**all**", all));
    if (!errors.isEmpty()) {
      md.append("\n## Errors\n\n");
      errors.stream().limit(50).forEach(e -> md.append("- ").append(e.replace('\n', ' ')).append('\n'));
    }
    return md.toString();
  }

  private static String row(String op, List<Call> list) {
    List<Long> nanos = new ArrayList<>(list.stream().map(Call::nanos).toList());
    nanos.sort(Comparator.naturalOrder());
    String statuses = new TreeMap<>(list.stream().collect(Collectors.groupingBy(Call::status, Collectors.counting())))
        .entrySet().stream().map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(", "));
    return String.format("| %s | %d | %s | %.1f | %.1f | %.1f |%n", op, list.size(), statuses,
        percentile(nanos, 50), percentile(nanos, 99), nanos.isEmpty() ? Double.NaN : nanos.get(nanos.size() - 1) / 1e6);
  }

  /** Writes the report to {@code target/load/<file>} and prints it. */
  static void write(String file, String markdown) {
    Path out = ClusterNode.LOGS.resolve("load").resolve(file);
    try {
      Files.createDirectories(out.getParent());
      Files.writeString(out, markdown, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println(markdown);
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
