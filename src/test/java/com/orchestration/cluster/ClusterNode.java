package com.orchestration.cluster;

import com.orchestration.JarProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One application process, {@code java -jar target/orchestration-v2-*.jar --spring.profiles.active=postgres}, as an
 * operator would run it, on its own port against the cluster's database; job executor on. Its output goes to
 * {@code target/cluster-<name>.log} (appended across restarts). The child runs under {@code timeout -s KILL} when
 * available, so even a test JVM killed with -9 leaves no process behind for long.
 */
final class ClusterNode implements AutoCloseable {

  static final Path JAR = Path.of(System.getProperty("orchestration.cluster.jar", "target/orchestration-v2.jar"));
  static final Path LOGS = Path.of(System.getProperty("orchestration.cluster.logs", "target"));
  /** Upper bound of a child's life, in seconds, whatever happens to the test JVM. */
  private static final int MAX_LIFE_SECONDS = 900;

  /**
   * Test-only job executor settings: acquire at least every 2 s when idle (so either node picks up a job, not only
   * the one that created it) and lock jobs for 10 s instead of 5 min, so the jobs a killed node had locked are taken
   * over within seconds. docs/operations.md explains the production values.
   */
  static final List<String> JOB_EXECUTOR = List.of(
      "--camunda.bpm.job-execution.enabled=true",
      "--camunda.bpm.job-execution.wait-time-in-millis=1000",
      "--camunda.bpm.job-execution.max-wait=2000",
      "--camunda.bpm.job-execution.lock-time-in-millis=10000");

  final String name;
  final int port;
  final Path log;
  private final FreshPostgresDatabase db;
  private final int poolSize;
  private final List<String> jvmOptions;
  private Process process;

  /**
   * A node of a cluster, small and quick to start (two of these share the CI machine with the test JVM): 10
   * connections, so two nodes together hold what one production node would; C1 only, serial GC.
   */
  ClusterNode(String name, FreshPostgresDatabase db) {
    this(name, db, 10, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
  }

  /**
   * @param poolSize the node's database connections (spring.datasource.hikari.maximum-pool-size)
   * @param jvmOptions options of the node's JVM
   */
  ClusterNode(String name, FreshPostgresDatabase db, int poolSize, List<String> jvmOptions) {
    this.name = name;
    this.db = db;
    this.poolSize = poolSize;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.port = JarProcesses.freePort();
    this.log = LOGS.resolve("cluster-" + name + ".log");
    try {
      Files.deleteIfExists(log); // one run per file; restarts within the run append
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  synchronized void start() {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " does not exist: ClusterIT and FaultIT run in the integration-test "
          + "phase, after package (mvn -B verify), with -Dorchestration.cluster.jar set by the failsafe plugin");
    }
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/timeout"))) {
      command.addAll(List.of("/usr/bin/timeout", "-s", "KILL", String.valueOf(MAX_LIFE_SECONDS)));
    }
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-Dspring.jmx.enabled=false", "-jar", JAR.toAbsolutePath().toString(),
        "--spring.profiles.active=postgres",
        "--server.port=" + port,
        // the node's name in pg_stat_activity.application_name: whose connection waits for what
        "--spring.datasource.url=" + db.url() + "?ApplicationName=" + name,
        "--spring.datasource.username=" + db.user(),
        "--spring.datasource.password=" + db.password(),
        "--spring.datasource.hikari.maximum-pool-size=" + poolSize,
        "--orchestration.data-dir=" + LOGS.resolve("cluster-data-" + name).toAbsolutePath(),
        // recorded in ACT_HI_JOB_LOG.HOSTNAME_: which node ran which job
        "--camunda.bpm.generic-properties.properties.hostname=" + name));
    command.addAll(JOB_EXECUTOR);
    try {
      Files.createDirectories(LOGS);
      Files.writeString(log, "==== " + Instant.now() + " starting " + name + " on port " + port + ": "
          + String.join(" ", command) + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
  }

  /** Waits until {@code /actuator/health} says UP; fails with the end of the log when the node dies or is slow. */
  void awaitHealthy(Duration max) {
    JarProcesses.awaitHealthy(name, url(), process, log, max);
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** kill -9 of the application JVM: no shutdown hook, no rollback but the database's own. */
  synchronized void kill() {
    if (process == null) {
      return;
    }
    process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    waitFor(Duration.ofSeconds(20));
    appendToLog("==== " + Instant.now() + " " + name + " killed (SIGKILL)");
  }

  /** A graceful stop (SIGTERM, Spring shuts down), forcibly after 20 s. */
  synchronized void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    List<ProcessHandle> java = process.toHandle().descendants().toList();
    if (java.isEmpty()) {
      process.destroy();
    } else {
      java.forEach(ProcessHandle::destroy);
    }
    if (!waitFor(Duration.ofSeconds(20))) {
      kill();
    }
  }

  private boolean waitFor(Duration max) {
    try {
      return process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    stop();
  }

  String tail() {
    return JarProcesses.tail(log);
  }

  private void appendToLog(String line) {
    try {
      Files.writeString(log, line + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException ignored) {
      // diagnosis only
    }
  }

  static void sleep(long millis) {
    JarProcesses.sleep(millis);
  }

  @Override
  public String toString() {
    return name + "@" + port;
  }
}
