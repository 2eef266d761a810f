package com.orchestration.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 9 items 4 and 6, against one real node (the packaged jar, PostgreSQL profile, job executor on) on loopback:
 *
 * <ul>
 *   <li><b>Load</b>: 50 clients for a bounded time mix the main {@code /api} reads with the work of tier-1 tasks done
 *       the way people do it — Camunda REST completions of each user task as its assignee, heartbeats while the work
 *       is in progress. Each instruction is worked by one client at a time (as one person works one task), so no
 *       request of this part has a reason to fail: every answer must be 2xx. Twice: <em>saturated</em>, each client
 *       sending its next call as soon as the last is answered (what the node can take; {@code target/load/load.md}),
 *       and <em>at a person's pace</em>, each client pausing 0.5–1.5 s between calls as 50 people at their screens do
 *       ({@code target/load/load-paced.md}). Latencies (p50/p99 per operation) are reported, never asserted.</li>
 *   <li><b>Contention</b>: 20 clients complete, heartbeat and reassign the same three tasks at the same moment. Each
 *       answer is 2xx or a 404/409 problem that says what happened (or a 403 for the IC a reassignment has just
 *       taken the task from); afterwards each task was completed exactly once, by one assignee, with one transition
 *       chain and no capacity left reserved.</li>
 * </ul>
 *
 * Durations: {@code -Dorchestration.load.seconds} (measured, default 30) after
 * {@code -Dorchestration.load.warmup-seconds} (default 5); clients {@code -Dorchestration.load.clients} (50).
 * docs/load-testing.md says how to run it alone and what it measured. The contention part runs first, on ICs with
 * nothing reserved yet, so a reassignment always finds another eligible IC.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadIT {

  static final int CLIENTS = Integer.getInteger("orchestration.load.clients", 50);
  static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("orchestration.load.warmup-seconds", 5));
  static final Duration MEASURED = Duration.ofSeconds(Long.getLong("orchestration.load.seconds", 30));
  static final Duration STEP = Duration.ofSeconds(60);
  /** The pause of the paced run between a client's calls: uniform in [THINK_MIN, THINK_MAX) ms, 1 s on average. */
  static final int THINK_MIN = 500;
  static final int THINK_MAX = 1500;

  /** Domains without agent ICs: every task here is worked by a person through the REST API. */
  static final List<String> DOMAINS = List.of("frontend", "devops", "data", "security");
  static final Map<String, String> LEAD = Map.of("frontend", "fiona", "devops", "dmitri", "data", "dana",
      "security", "sara");
  /** Who reads: the ICs of those domains, their leads, the tech lead and the engineering manager. */
  static final List<String> READERS = List.of("lena", "marco", "yuki", "ivan", "grace", "noah", "mei", "luis", "kofi",
      "elena", "raj", "fiona", "dmitri", "dana", "sara", "tom", "erin");
  /** Instructions submitted before the clients start, and the open ones the intake client keeps in stock. */
  static final int SEED = 30;
  static final int OPEN_WORK = 40;
  /**
   * Share of a client's turns spent working a task (the rest are reads): people look far more often than they
   * complete, and one completion costs the node as much as 10–20 reads.
   */
  static final int WORK_PERCENT = 15;
  static final int HEARTBEATS_PER_TASK = 2;

  static FreshPostgresDatabase db;
  static ClusterNode node;
  static ClusterClient client;
  static JdbcClient sql;
  static final AtomicInteger titles = new AtomicInteger();

  @BeforeAll
  static void startOneNode() {
    db = FreshPostgresDatabase.create("load");
    // As in production: the default pool size (application-postgres.yaml), the JVM's own JIT and GC.
    node = new ClusterNode("load", db, 20, List.of("-Xmx1g"));
    node.start();
    node.awaitHealthy(TwoNodeCluster.START);
    client = new ClusterClient(List.of(node));
    sql = db.jdbc();
  }

  @AfterAll
  static void stopIt() {
    try {
      if (node != null) {
        node.stop();
      }
    } finally {
      if (db != null) {
        db.close();
      }
    }
  }

  // ---- load ------------------------------------------------------------------------------------------------------

  @Test
  @Order(2)
  void fiftyClientsReadAndWorkTasksForABoundedTimeWithoutASingleError() throws Exception {
    runLoad("Load: " + CLIENTS + " clients on one node, saturated (no pause between calls)", "load.md", false);
  }

  @Test
  @Order(3)
  void fiftyClientsAtAPersonsPaceReadAndWorkWithoutASingleError() throws Exception {
    runLoad("Load: " + CLIENTS + " clients on one node at a person's pace (" + THINK_MIN + "–" + THINK_MAX
        + " ms between calls)", "load-paced.md", true);
  }

  private void runLoad(String title, String file, boolean paced) throws Exception {
    // Given: tier-1 instructions, each at once one task TT1 assigned to an IC, its "Start work" open. Submitted ten
    // at a time: concurrent submissions take turns at the day's instruction counter (InstructionNumberRaceTest covers
    // the first submissions of a day racing to create it).
    Work work = new Work();
    ExecutorService submitters = Executors.newFixedThreadPool(10);
    List<Future<String>> seeded = new ArrayList<>();
    for (int i = 0; i < SEED; i++) {
      seeded.add(submitters.submit(LoadIT::submit));
    }
    submitters.shutdown();
    for (Future<String> key : seeded) {
      work.add(key.get(STEP.toSeconds(), TimeUnit.SECONDS));
    }
    assertThat(work.submitted).as("one instruction number each").doesNotHaveDuplicates();
    LoadRecorder recorder = new LoadRecorder(client, node);

    // When: 50 clients for warm-up + measured time
    Instant start = Instant.now();
    Instant measureFrom = start.plus(WARM_UP);
    Instant end = measureFrom.plus(MEASURED);
    recorder.measureFrom(measureFrom);
    recorder.measureTo(end);
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      int id = i;
      clients.add(pool.submit(() -> runClient(id, end, work, recorder, paced)));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(WARM_UP.plus(MEASURED).plusSeconds(120).toSeconds(), TimeUnit.SECONDS))
        .as("clients stopped").isTrue();
    for (Future<?> c : clients) {
      c.get(); // a failure of the test's own code surfaces here
    }
    Duration wall = Duration.between(start, Instant.now());

    String report = recorder.report(title, List.of(
        "date " + Instant.now() + ", load average before the run " + work.loadAverageBefore
            + ", after " + LoadRecorder.loadAverage(),
        "one node (java -jar -Xmx1g, postgres profile, pool 20, job executor on) on 127.0.0.1, PostgreSQL on 127.0.0.1",
        CLIENTS + " clients" + (paced ? ", each pausing " + THINK_MIN + "–" + THINK_MAX + " ms between calls"
            : ", no pause between calls") + ", warm-up " + WARM_UP.toSeconds() + " s (not counted), measured "
            + MEASURED.toSeconds() + " s, wall " + wall.toSeconds() + " s",
        work.submitted.size() + " tier-1 instructions (" + SEED + " before the run), " + work.finished.size()
            + " of their tasks COMPLETED during the run"));
    LoadRecorder.write(file, report);

    // Then: not one error, real work done, and the database consistent
    assertThat(recorder.errors()).as("errors (answers other than 2xx, or no answer)").isEmpty();
    assertThat(recorder.count("engine: complete")).as("task completions").isPositive();
    assertThat(recorder.count("api: heartbeat")).as("heartbeats").isPositive();
    assertConsistent(work.submitted);
    for (String key : work.finished) {
      ClusterClient.await(key + " COMPLETED", STEP,
          () -> client.instruction(node, key).path("state").asText().equals("COMPLETED"));
    }
  }

  /** The instructions of the load run: a queue of those not finished; each is taken by one client at a time. */
  static final class Work {
    final ConcurrentLinkedQueue<String> ready = new ConcurrentLinkedQueue<>();
    final List<String> submitted = new CopyOnWriteArrayList<>();
    final List<String> finished = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> heartbeats = new ConcurrentHashMap<>();
    final String loadAverageBefore = LoadRecorder.loadAverage();

    void add(String key) {
      submitted.add(key);
      ready.add(key);
    }

    int open() {
      return submitted.size() - finished.size();
    }
  }

  private static String submit() {
    int n = titles.incrementAndGet();
    String domain = DOMAINS.get(n % DOMAINS.size());
    return client.submitTierOne(node, LEAD.get(domain), "Load: document part " + n, domain);
  }

  private static void runClient(int id, Instant end, Work work, LoadRecorder recorder, boolean paced) {
    SplittableRandom random = new SplittableRandom(id);
    String reader = READERS.get(id % READERS.size());
    if (paced) {
      pause(random.nextInt(THINK_MAX)); // spread the clients' first calls over a pause
    }
    while (Instant.now().isBefore(end)) {
      if (paced) {
        pause(random.nextInt(THINK_MIN, THINK_MAX));
      }
      if (id == 0 && work.open() < OPEN_WORK) {
        intake(work, recorder);
      } else if (random.nextInt(100) < WORK_PERCENT && advance(work, recorder)) {
        continue;
      } else {
        read(random, reader, work, recorder);
      }
    }
  }

  private static void pause(int millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("client interrupted", e);
    }
  }

  /** The intake client: one more tier-1 instruction whenever fewer than OPEN_WORK are open. */
  private static void intake(Work work, LoadRecorder recorder) {
    int n = titles.incrementAndGet();
    String domain = DOMAINS.get(n % DOMAINS.size());
    ClusterClient.Response created = call(recorder, "api: submit instruction", LEAD.get(domain), "POST",
        "/api/instructions", ClusterClient.instructionBody("Load: document part " + n, "docs", domain));
    if (created.ok()) {
      work.add(created.body().path("key").asText());
    }
  }

  /**
   * One step of one instruction's work, as its people do it: the open user task completed by its assignee with the
   * form's answer; while "Do the work" is open, first a heartbeat or two. Nothing open: a job is between two user
   * tasks, or the task is done. False when no instruction is free to work on.
   */
  private static boolean advance(Work work, LoadRecorder recorder) {
    String key = work.ready.poll();
    if (key == null) {
      return false;
    }
    boolean more = true;
    try {
      ClusterClient.Response open = call(recorder, "engine: open tasks of an instruction", ClusterClient.ADMIN, "GET",
          "/engine-rest/task?processInstanceBusinessKey=" + ClusterClient.enc(key), null);
      if (!open.ok()) {
        return true;
      }
      if (open.body().isEmpty()) {
        ClusterClient.Response task = call(recorder, "api: task detail", ClusterClient.ADMIN, "GET",
            "/api/tasks/" + key + "/TT1", null);
        if (task.ok() && task.body().path("task").path("state").asText().equals("COMPLETED")) {
          more = false;
          work.finished.add(key);
        }
        return true;
      }
      JsonNode task = open.body().get(0);
      String definition = task.path("taskDefinitionKey").asText();
      String assignee = task.path("assignee").asText();
      AtomicInteger beats = work.heartbeats.computeIfAbsent(key, k -> new AtomicInteger());
      if (definition.equals("Task_DoWork") && beats.get() < HEARTBEATS_PER_TASK) {
        int n = beats.incrementAndGet();
        call(recorder, "api: heartbeat", assignee, "POST", "/api/tasks/" + key + "/TT1/heartbeat",
            Map.of("progressPercent", 40 * n, "hoursSpent", 0.2 * n, "remainingHours", 0.5 - 0.2 * n,
                "note", "Load run, heartbeat " + n));
      } else {
        call(recorder, "engine: complete " + definition, assignee, "POST",
            "/engine-rest/task/" + task.path("id").asText() + "/complete",
            Map.of("variables", ClusterClient.variables(ClusterClient.answer(definition))));
      }
      return true;
    } finally {
      if (more) {
        work.ready.add(key);
      }
    }
  }

  /** One of the main reads, as the client's persona. */
  private static void read(SplittableRandom random, String reader, Work work, LoadRecorder recorder) {
    String key = work.submitted.get(random.nextInt(work.submitted.size()));
    switch (random.nextInt(8)) {
      case 0 -> call(recorder, "api: instruction list", reader, "GET", "/api/instructions?limit=50", null);
      case 1 -> call(recorder, "api: instruction detail", reader, "GET", "/api/instructions/" + key, null);
      case 2 -> call(recorder, "api: task detail", reader, "GET", "/api/tasks/" + key + "/TT1", null);
      case 3 -> call(recorder, "api: capacity", reader, "GET", "/api/capacity", null);
      case 4 -> call(recorder, "api: metrics", reader, "GET", "/api/metrics", null);
      case 5 -> call(recorder, "api: inbox", reader, "GET", "/api/inbox?limit=50", null);
      case 6 -> call(recorder, "engine: my tasks", reader, "GET", "/engine-rest/task?assignee=" + reader, null);
      default -> call(recorder, "api: workload", reader, "GET", "/api/people/" + reader + "/workload", null);
    }
  }

  /** A call of the load part: anything but 2xx is an error. */
  private static ClusterClient.Response call(LoadRecorder recorder, String op, String user, String method,
      String path, Object body) {
    ClusterClient.Response response = recorder.send(op, user, method, path, body);
    if (!response.ok()) {
      recorder.error(op, user, method, path, response);
    }
    return response;
  }

  // ---- contention -------------------------------------------------------------------------------------------------

  static final int CONTENDERS = 20;
  static final int ROUNDS = 8;
  /** Rounds with reassignments: after them only completions and heartbeats, so each round moves every task on. */
  static final int REASSIGN_ROUNDS = 2;

  enum Action { COMPLETE, HEARTBEAT, REASSIGN }

  /** An instruction's open user task at the start of a round, and its tactical task's assignee. */
  record Target(String key, String domain, String taskId, String definition, String taskAssignee, String icAssignee) {}

  @Test
  @Order(1)
  @Timeout(240)
  void twentyClientsCompletingHeartbeatingAndReassigningTheSameTasksGetAnswersTheyCanActOn() throws Exception {
    // Given: three tier-1 tasks in domains with three ICs each (so a reassignment has somewhere to go)
    Map<String, String> domainOf = new java.util.LinkedHashMap<>();
    for (String domain : List.of("frontend", "devops", "security")) {
      domainOf.put(client.submitTierOne(node, LEAD.get(domain), "Contention: " + domain + " guide", domain), domain);
    }
    LoadRecorder recorder = new LoadRecorder(client, node);
    recorder.measureFrom(Instant.now());
    Contention contention = new Contention(recorder);
    ExecutorService pool = Executors.newFixedThreadPool(CONTENDERS);
    int rounds = 0;
    try {
      // When: round after round, all clients at the same moment on the open user tasks of the three
      while (rounds < ROUNDS) {
        List<Target> targets = new ArrayList<>();
        domainOf.forEach((key, domain) -> {
          Target target = target(key, domain);
          if (target != null) {
            targets.add(target);
          }
        });
        if (targets.isEmpty()) {
          break;
        }
        rounds++;
        boolean reassign = rounds <= REASSIGN_ROUNDS;
        Map<String, Integer> lostBefore = contention.timesTakenAway(targets);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> contenders = new ArrayList<>();
        for (int i = 0; i < CONTENDERS; i++) {
          Target target = targets.get(i % targets.size());
          Action action = switch ((i / targets.size()) % 4) {
            case 1 -> Action.HEARTBEAT;
            case 2 -> reassign ? Action.REASSIGN : Action.COMPLETE;
            default -> Action.COMPLETE;
          };
          contenders.add(pool.submit(() -> {
            go.await();
            contention.contend(target, action);
            return null;
          }));
        }
        go.countDown();
        for (Future<?> contender : contenders) {
          contender.get(2, TimeUnit.MINUTES);
        }
        contention.judgeRefusalsOfFormerAssignees(lostBefore);
      }
    } finally {
      pool.shutdownNow();
    }
    recorder.measureTo(Instant.now());
    // Whatever the rounds left open is finished one step at a time (normally nothing).
    List<String> finishedAfterwards = new ArrayList<>();
    for (String key : domainOf.keySet()) {
      if (target(key, domainOf.get(key)) != null) {
        finishedAfterwards.add(key);
        client.finishTactical(key, "TT1", STEP);
      }
    }
    List<String> context = new ArrayList<>(List.of("date " + Instant.now() + ", load average "
            + LoadRecorder.loadAverage(),
        CONTENDERS + " clients on the open user tasks of " + domainOf.keySet() + ", " + rounds + " rounds ("
            + REASSIGN_ROUNDS + " with reassignments); finished one by one afterwards: " + finishedAfterwards));
    new java.util.TreeMap<>(contention.refusals).forEach((answer, n) -> context.add(n + "× " + answer));
    LoadRecorder.write("contention.md", recorder.report("Contention: " + CONTENDERS + " clients, three tasks",
        context));

    // Then: every answer 2xx or a 404/409 problem saying what happened; the losers of each race were refused
    assertThat(recorder.errors()).as("answers other than 2xx or a 404/409 problem detail").isEmpty();
    assertThat(recorder.calls()).as("completions refused because another one won")
        .anyMatch(c -> c.op().startsWith("complete") && (c.status() == 404 || c.status() == 409));
    // and each task was done exactly once, by one assignee, with nothing left reserved
    for (String key : domainOf.keySet()) {
      ClusterClient.await(key + " COMPLETED", STEP,
          () -> client.instruction(node, key).path("state").asText().equals("COMPLETED"));
      ClusterChecks.assertCompletedExactlyOnce(sql, key, 0, 1);
      Map<String, Integer> completions = new java.util.TreeMap<>();
      sql.sql("select t.task_def_key_, count(*) from act_hi_taskinst t join act_hi_procinst p "
              + "on p.proc_inst_id_ = t.proc_inst_id_ where p.business_key_ = ? and t.delete_reason_ = 'completed' "
              + "group by t.task_def_key_").param(key)
          .query((rs, n) -> completions.put(rs.getString(1), rs.getInt(2))).list();
      assertThat(completions).as("user tasks of %s completed", key)
          .isEqualTo(Map.of("Task_StartWork", 1, "Task_DoWork", 1, "Task_ReviewCode", 1));
      String ic = ClusterChecks.items(sql, key).get(0).assignee();
      assertThat(sql.sql("select t.assignee_ from act_hi_taskinst t join act_hi_procinst p on p.proc_inst_id_ = "
              + "t.proc_inst_id_ where p.business_key_ = ? and t.task_def_key_ in ('Task_StartWork', 'Task_DoWork') "
              + "and t.delete_reason_ = 'completed'").param(key).query(String.class).list())
          .as("who started and did %s", key).containsOnly(ic);
    }
    assertConsistent(List.copyOf(domainOf.keySet()));
    // A completion that comes after the winner's commit: Camunda's "Cannot find task" as a 404 problem, not a 500
    Map.Entry<String, String> done = contention.completedBy.entrySet().iterator().next();
    ClusterClient.Response late = client.send(node, done.getValue(), "POST", "/engine-rest/task/" + done.getKey()
        + "/complete", Map.of("variables", ClusterClient.variables(Map.of())));
    assertThat(late.status()).as("late completion: %s", late.raw()).isEqualTo(404);
    assertThat(late.body().path("detail").asText()).contains("Cannot find task");
  }

  /** The open user task of the instruction, waiting while a job is between two; null once TT1 is COMPLETED. */
  private static Target target(String key, String domain) {
    return ClusterClient.await("an open task of " + key + " or its completion", STEP, () -> {
      List<JsonNode> open = client.openTasks(node, key, null, null);
      if (open.size() > 1) {
        throw new AssertionError("more than one open user task of " + key + ": " + open);
      }
      if (open.isEmpty()) {
        return client.taskState(node, key, "TT1").equals("COMPLETED") ? java.util.Optional.<Target>empty() : null;
      }
      JsonNode task = open.get(0);
      return java.util.Optional.of(new Target(key, domain, task.path("id").asText(),
          task.path("taskDefinitionKey").asText(), task.path("assignee").asText(),
          ClusterChecks.items(sql, key).get(0).assignee()));
    }).orElse(null);
  }

  /** What the contenders were answered: refusals by kind, the winner of each completion. */
  static final class Contention {
    final LoadRecorder recorder;
    final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    /** task id → who completed it */
    final Map<String, String> completedBy = new ConcurrentHashMap<>();
    /** 403s, judged after the round: right only for someone the task was taken from in that round. */
    final List<Refusal> forbidden = new CopyOnWriteArrayList<>();

    record Refusal(Target target, String op, String user, String path, ClusterClient.Response response) {}

    Contention(LoadRecorder recorder) {
      this.recorder = recorder;
    }

    /**
     * One contender's request. 2xx, or a 404/409 problem detail whose text says what happened (a problem detail's
     * {@code detail}): the task was completed or changed by someone else in the meantime. A 403 is right only for the
     * IC a reassignment of the same round took the task from (judged after the round). Anything else is an error.
     */
    void contend(Target target, Action action) {
      String op;
      String user;
      String path;
      Object body;
      switch (action) {
        case COMPLETE -> {
          op = "complete " + target.definition();
          user = target.taskAssignee();
          path = "/engine-rest/task/" + target.taskId() + "/complete";
          body = Map.of("variables", ClusterClient.variables(ClusterClient.answer(target.definition())));
        }
        case HEARTBEAT -> {
          op = "heartbeat";
          user = target.icAssignee();
          path = "/api/tasks/" + target.key() + "/TT1/heartbeat";
          body = Map.of("progressPercent", 50, "hoursSpent", 0.3, "remainingHours", 0.2, "note", "Contention");
        }
        default -> {
          op = "reassign";
          user = LEAD.get(target.domain());
          path = "/api/tasks/" + target.key() + "/TT1/reassign";
          body = Map.of("reason", "Contention test: let assignment choose another IC");
        }
      }
      ClusterClient.Response response = recorder.send(op, user, "POST", path, body);
      if (response.ok()) {
        if (action == Action.COMPLETE && completedBy.putIfAbsent(target.taskId(), user) != null) {
          recorder.error(op + " (a second success for one task)", user, "POST", path, response);
        }
      } else if ((response.status() == 404 || response.status() == 409)
          && !response.body().path("detail").asText("").isBlank()) {
        refused(op, response, "");
      } else if (response.status() == 403 && action != Action.REASSIGN && !detail(response).isBlank()) {
        forbidden.add(new Refusal(target, op, user, path, response));
      } else {
        recorder.error(op, user, "POST", path, response);
      }
    }

    /**
     * How often each target's IC has had the task taken away by a reassignment so far (superseded assignments), by
     * {@code key/ic}.
     */
    Map<String, Integer> timesTakenAway(List<Target> targets) {
      Map<String, Integer> counts = new java.util.HashMap<>();
      for (Target t : targets) {
        counts.put(t.key() + "/" + t.icAssignee(), timesTakenAway(t.key(), t.icAssignee()));
      }
      return counts;
    }

    private int timesTakenAway(String key, String ic) {
      return sql.sql("select count(*) from assignment a join work_item w on w.id = a.work_item_id "
          + "where w.instruction_key = ? and w.task_key = 'TT1' and a.assignee = ? and a.superseded_at is not null")
          .params(key, ic).query(Integer.class).single();
    }

    /**
     * A 403 is an error unless a reassignment of this round took the task from the caller: they are no longer its
     * assignee, or they were reassigned away and a second reassignment of the same round gave it back.
     */
    void judgeRefusalsOfFormerAssignees(Map<String, Integer> lostBefore) {
      for (Refusal r : forbidden) {
        String key = r.target().key();
        if (!r.user().equals(ClusterChecks.items(sql, key).get(0).assignee())
            || timesTakenAway(key, r.user()) > lostBefore.getOrDefault(key + "/" + r.user(), 0)) {
          refused(r.op(), r.response(), " (the task had just been reassigned)");
        } else {
          recorder.error(r.op(), r.user(), "POST", r.path(), r.response());
        }
      }
      forbidden.clear();
    }

    private void refused(String op, ClusterClient.Response response, String why) {
      String answer = op + " → " + response.status() + why + " " + response.body().path("type").asText("") + ": "
          + detail(response).replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>").replaceAll("INS-[0-9-]+", "INS-…");
      refusals.computeIfAbsent(answer, a -> new AtomicInteger()).incrementAndGet();
    }

    /** Our problem details say it in {@code detail}; Camunda's own errors in {@code message}. */
    private static String detail(ClusterClient.Response response) {
      String detail = response.body().path("detail").asText("");
      return detail.isBlank() ? response.body().path("message").asText("") : detail;
    }
  }

  // ---- consistency -----------------------------------------------------------------------------------------------

  /**
   * Whatever the clients did: transition logs are chains (nothing written twice or lost), no task COMPLETED twice,
   * reservations match open assigned work, no incident, no job run twice.
   */
  static void assertConsistent(List<String> keys) {
    for (String key : keys) {
      ClusterChecks.assertTransitionChains(sql, key);
    }
    assertThat(sql.sql("select w.instruction_key || '/' || w.task_key from state_transition t join work_item w "
        + "on w.id = t.work_item_id where t.to_state = 'COMPLETED' group by w.instruction_key, w.task_key "
        + "having count(*) > 1").query(String.class).list()).as("tasks COMPLETED more than once").isEmpty();
    ClusterChecks.assertReservationsMatchOpenWork(sql);
    ClusterChecks.assertNoIncidentsAndEachJobRanOnce(sql);
  }
}
