package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.LifecycleVariables.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.ExternalTaskClientBuilder;
import org.camunda.bpm.client.backoff.BackoffStrategy;
import org.camunda.bpm.client.exception.NotFoundException;
import org.camunda.bpm.client.exception.RestException;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.camunda.bpm.client.topic.TopicSubscriptionBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference AGENT IC (docs/agents.md): a plain Java program, no Spring, that works {@code ic-work} external
 * tasks over the authenticated REST API ({@code /engine-rest}) with the agent's own credentials. It only ever sees
 * the tasks of lifecycles assigned to it: assignment grants the agent READ + UPDATE on that one process instance.
 *
 * <p>Rule ({@link ReferenceAgentDecision}): a task marked {@value ReferenceAgentDecision#BLOCK_MARKER} is reported
 * blocked (technical_uncertainty), anything else is submitted with a summary, a test count and the estimate as hours
 * spent. A refused completion (the server validates like the do-work form) and any failure of the agent are reported
 * with {@code handleFailure} (retries − 1, retry in 60 s); at 0 retries Camunda raises an incident for Cockpit.
 *
 * <pre>
 * mvn -q compile exec:java -Dexec.mainClass=com.orchestration.lifecycle.ReferenceAgentWorker \
 *   -Dexec.args="--url http://localhost:8080/engine-rest --user bot-backend-1 --password demo [--once]"
 * </pre>
 */
public final class ReferenceAgentWorker {

  public static final String TOPIC = "ic-work";
  static final long LOCK_DURATION_MS = Duration.ofMinutes(5).toMillis();
  static final long ASYNC_RESPONSE_TIMEOUT_MS = Duration.ofSeconds(20).toMillis();
  static final long RETRY_TIMEOUT_MS = Duration.ofSeconds(60).toMillis();
  /** Retries a task starts with when the engine has none recorded yet (first failure → 2 left). */
  static final int DEFAULT_RETRIES = 3;

  private static final Logger LOG = LoggerFactory.getLogger(ReferenceAgentWorker.class);

  private ReferenceAgentWorker() {}

  public static void main(String[] args) throws InterruptedException {
    ReferenceAgentOptions options;
    try {
      options = ReferenceAgentOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(ReferenceAgentOptions.USAGE);
      System.exit(2);
      return;
    }
    quietLogging();
    CountDownLatch done = new CountDownLatch(1);
    ExternalTaskClient client = client(options.url(), options.user(), options.password(), true, options.once(),
        null, result -> {
          if (options.once()) {
            done.countDown();
          }
        });
    LOG.info("Reference agent {} polling topic '{}' at {}{}", options.user(), TOPIC, options.url(),
        options.once() ? " (works at most one task, then exits)" : " (Ctrl-C to stop)");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      client.stop();
      done.countDown();
    }, "reference-agent-shutdown"));
    done.await();
    client.stop();
    LOG.info("Reference agent {} stopped", options.user());
    System.exit(0);
  }

  /**
   * Works at most one {@code ic-work} task visible to {@code user}, polling (short requests, no long polling) until
   * {@code timeout}; empty if there was none. Used by tests and demos against a running server.
   */
  public static Optional<ReferenceAgentResult> runOnce(String url, String user, String password, Duration timeout) {
    return runOnce(url, user, password, null, timeout);
  }

  /** As {@link #runOnce(String, String, String, Duration)}, only tasks of one instruction (business key). */
  public static Optional<ReferenceAgentResult> runOnce(String url, String user, String password, String businessKey,
      Duration timeout) {
    List<ReferenceAgentResult> results = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    ExternalTaskClient client = client(url, user, password, false, true, businessKey, result -> {
      synchronized (results) {
        results.add(result);
      }
      done.countDown();
    });
    try {
      done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      client.stop();
    }
    synchronized (results) {
      return results.stream().findFirst();
    }
  }

  /**
   * A started client subscribed to {@code ic-work}. {@code longPolling=false} fetches with short requests and a
   * fixed 200 ms pause instead (needed where the engine clock is frozen, e.g. tests: long-poll timeouts are
   * computed from the engine clock).
   */
  static ExternalTaskClient client(String url, String user, String password, boolean longPolling, boolean once,
      String businessKey, Consumer<ReferenceAgentResult> onResult) {
    ExternalTaskClientBuilder builder = ExternalTaskClient.create()
        .baseUrl(url)
        .workerId(user + "-" + UUID.randomUUID().toString().substring(0, 8))
        .addInterceptor(new BasicAuthProvider(user, password))
        .maxTasks(1)
        .lockDuration(LOCK_DURATION_MS);
    if (longPolling) {
      builder.asyncResponseTimeout(ASYNC_RESPONSE_TIMEOUT_MS);
    } else {
      builder.backoffStrategy(new FixedBackoff(200));
    }
    ExternalTaskClient client = builder.build();
    TopicSubscriptionBuilder subscription = client.subscribe(TOPIC)
        .lockDuration(LOCK_DURATION_MS)
        .variables(ReferenceAgentDecision.INPUT_VARIABLES)
        .handler(new Handler(once, onResult));
    if (businessKey != null) {
      subscription.businessKey(businessKey);
    }
    subscription.open();
    return client;
  }

  /** Works one fetched task by the rule and reports what happened. */
  static final class Handler implements ExternalTaskHandler {

    private final boolean once;
    private final Consumer<ReferenceAgentResult> onResult;
    private final AtomicInteger worked = new AtomicInteger();

    Handler(boolean once, Consumer<ReferenceAgentResult> onResult) {
      this.once = once;
      this.onResult = onResult;
    }

    @Override
    public void execute(ExternalTask task, ExternalTaskService service) {
      if (once && worked.getAndIncrement() > 0) {
        // Fetched while stopping: give it back at once instead of letting the lock run out.
        unlockQuietly(task, service);
        return;
      }
      String taskKey = text(task, TASK_KEY);
      ReferenceAgentResult result;
      try {
        ReferenceAgentDecision decision = ReferenceAgentDecision.decide(taskKey, text(task, TASK_TITLE),
            String.join("\n", nonNull(text(task, "taskDescription")), nonNull(text(task, WHY_IT_MATTERS)),
                nonNull(text(task, ACCEPTANCE_CRITERIA))),
            task.getVariable(ESTIMATE_HOURS) instanceof Number n ? n : null);
        service.complete(task, decision.variables());
        ReferenceAgentResult.Action action = "block".equals(decision.outcome())
            ? ReferenceAgentResult.Action.BLOCKED : ReferenceAgentResult.Action.SUBMITTED;
        result = result(task, taskKey, action, decision.outcome() + " completed");
        LOG.info("Agent task {} ({}, instance {}): {}", taskKey, task.getId(), task.getProcessInstanceId(),
            decision.outcome() == null ? "?" : decision.outcome());
      } catch (NotFoundException e) {
        // Cancelled or reassigned meanwhile: nothing left to report a failure on.
        result = result(task, taskKey, ReferenceAgentResult.Action.FAILED, "task is gone: " + e.getMessage());
        LOG.warn("Agent task {} ({}) is gone (cancelled or reassigned?): {}", taskKey, task.getId(), e.getMessage());
      } catch (RestException e) {
        result = result(task, taskKey, ReferenceAgentResult.Action.REFUSED, e.getMessage());
        LOG.error("Agent task {} ({}): the server refused the completion (HTTP {}): {}", taskKey, task.getId(),
            e.getHttpStatusCode(), e.getMessage());
        fail(task, service, "Completion refused: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        result = result(task, taskKey, ReferenceAgentResult.Action.FAILED, String.valueOf(e.getMessage()));
        LOG.error("Agent task {} ({}) failed: {}", taskKey, task.getId(), e.toString(), e);
        fail(task, service, "Reference agent failed: " + e, e);
      }
      onResult.accept(result);
    }

    private static void fail(ExternalTask task, ExternalTaskService service, String message, Exception cause) {
      int retries = task.getRetries() == null ? DEFAULT_RETRIES - 1 : Math.max(0, task.getRetries() - 1);
      try {
        service.handleFailure(task, truncate(message, 600), stackTrace(cause), retries, RETRY_TIMEOUT_MS);
        LOG.warn("Agent task {} reported as failed: {} retries left{}", task.getId(), retries,
            retries == 0 ? " (Camunda raises an incident)" : ", retry in " + RETRY_TIMEOUT_MS / 1000 + " s");
      } catch (RuntimeException e) {
        LOG.error("Agent task {}: could not report the failure ({}); its lock expires by itself", task.getId(),
            e.getMessage());
      }
    }

    private static void unlockQuietly(ExternalTask task, ExternalTaskService service) {
      try {
        service.unlock(task);
      } catch (RuntimeException e) {
        LOG.warn("Could not unlock extra task {}: {}", task.getId(), e.getMessage());
      }
    }
  }

  private static ReferenceAgentResult result(ExternalTask task, String taskKey, ReferenceAgentResult.Action action,
      String message) {
    return new ReferenceAgentResult(task.getId(), task.getProcessInstanceId(), taskKey, action, message);
  }

  private static String text(ExternalTask task, String name) {
    Object value = task.getVariable(name);
    return value == null ? null : value.toString();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static String stackTrace(Exception e) {
    java.io.StringWriter out = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }

  /** Without Spring, logback would log everything at DEBUG (HTTP wire logs): keep the agent's output readable. */
  private static void quietLogging() {
    if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
      context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.INFO);
    }
  }

  /** A fixed pause between polls that returned nothing. */
  private record FixedBackoff(long millis) implements BackoffStrategy {
    @Override
    public void reconfigure(List<ExternalTask> tasks) {}

    @Override
    public long calculateBackoffTime() {
      return millis;
    }
  }
}
