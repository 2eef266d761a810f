package com.orchestration.demo;

import com.orchestration.JarProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application with profile {@code demo} on a fresh H2 file database under {@code target/}, as a person
 * trying the demo would start it ({@code java -jar … --spring.profiles.active=demo}); ready once the demo story is
 * told ({@code /actuator/health} is UP only after it). Its output goes to {@code target/demo-app.log}.
 *
 * <p>{@code -Dorchestration.browser.url=http://localhost:8080} uses an application that is already running instead
 * (started with the demo profile on an empty database), for working on the browser tests.
 */
final class DemoApplication implements AutoCloseable {

  static final Path JAR = Path.of(System.getProperty("orchestration.cluster.jar", "target/orchestration-v2.jar"));
  static final Path TARGET = Path.of(System.getProperty("orchestration.cluster.logs", "target"));
  private static final int MAX_LIFE_SECONDS = 900;

  private final String url;
  private final Path log = TARGET.resolve("demo-app.log");
  private Process process;

  private DemoApplication(String url) {
    this.url = url;
  }

  static DemoApplication start() {
    String running = System.getProperty("orchestration.browser.url");
    if (running != null && !running.isBlank()) {
      return new DemoApplication(running.replaceAll("/+$", ""));
    }
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " does not exist: the browser tests run in the integration-test phase, "
          + "after package (mvn -B verify), with -Dorchestration.cluster.jar set by the failsafe plugin");
    }
    int port = JarProcesses.freePort();
    DemoApplication app = new DemoApplication("http://localhost:" + port);
    app.launch(port, true);
    app.awaitReady(Duration.ofMinutes(5));
    return app;
  }

  String url() {
    return url;
  }

  /** Stops the application and starts it again on the same database, as someone restarting the demo would. */
  void restart() {
    if (process == null) {
      throw new IllegalStateException("an application started elsewhere (orchestration.browser.url) is not restarted");
    }
    int port = URI.create(url).getPort();
    close();
    launch(port, false);
    awaitReady(Duration.ofMinutes(5));
  }

  /** The application's output so far. */
  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void launch(int port, boolean freshDatabase) {
    Path data = TARGET.resolve("demo-data").toAbsolutePath();
    if (freshDatabase) {
      deleteTree(data);
    }
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/timeout"))) {
      command.addAll(List.of("/usr/bin/timeout", "-s", "KILL", String.valueOf(MAX_LIFE_SECONDS)));
    }
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of("-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dspring.jmx.enabled=false",
        "-jar", JAR.toAbsolutePath().toString(), "--spring.profiles.active=demo", "--server.port=" + port,
        "--orchestration.data-dir=" + data));
    try {
      Files.createDirectories(TARGET);
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(freshDatabase ? ProcessBuilder.Redirect.to(log.toFile())
              : ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the demo application", e);
    }
  }

  private void awaitReady(Duration max) {
    JarProcesses.awaitHealthy("the demo application", url, process, log, max);
  }

  String tail() {
    return JarProcesses.tail(log);
  }

  @Override
  public void close() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.toHandle().descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
