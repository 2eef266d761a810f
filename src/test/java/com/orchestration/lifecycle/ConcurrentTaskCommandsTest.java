package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.LifecycleDriver.frontendTask;
import static com.orchestration.lifecycle.WorkItemDrafts.newInstructionKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orchestration.OrchestrationTest;
import com.orchestration.WebappSession;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SPEC §13 / issue 9 part 4: many clients start, heartbeat, reassign and complete the same task at the same time.
 * Every answer is a 2xx or a 4xx problem detail (409 for a lost race, with a message that says to read again) —
 * never a 500 — and afterwards the task is consistent: its state is where its lifecycle is, the transition log is
 * a valid chain ending in that state, and an open assignment holds exactly one reservation, of its assignee.
 */
@OrchestrationTest
class ConcurrentTaskCommandsTest {

  static final List<String> FRONTEND_ICS = List.of("lena", "marco", "yuki");

  @LocalServerPort int port;
  @Autowired LifecycleDriver driver;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired DataSource dataSource;

  final List<WorkItem> created = new ArrayList<>();
  final List<HttpResponse<String>> responses = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void startClock() {
    driver.startClock();
  }

  @AfterEach
  void cancelLeftovers() {
    driver.cleanUp(created);
  }

  @Test
  void startingReassigningAndHeartbeatingOneAssignedTaskAtOnceEndsConsistent() throws Exception {
    WorkItem item = plan();
    String path = "/api/tasks/" + item.instructionKey() + "/" + item.taskKey();

    race(List.of(
        () -> completeStartWork(item),
        () -> completeStartWork(item),
        () -> completeStartWork(item),
        () -> reassign(path, "fiona"),
        () -> reassign(path, "tom"),
        () -> reassign(path, "erin"),
        () -> heartbeat(item, path),
        () -> heartbeat(item, path)));

    assertNoServerErrors();
    assertConsistent(item);
  }

  @Test
  void submittingTheWorkTwiceWhileHeartbeatingEndsInOneReview() throws Exception {
    WorkItem item = plan();
    String path = "/api/tasks/" + item.instructionKey() + "/" + item.taskKey();
    Task start = driver.task(item, "Task_StartWork");
    driver.complete(item, "Task_StartWork", start.getAssignee(), Map.of("workAccepted", true));
    assertThat(driver.reload(item).state()).isEqualTo(TaskState.IN_PROGRESS);

    race(List.of(
        () -> submitWork(item),
        () -> submitWork(item),
        () -> submitWork(item),
        () -> heartbeat(item, path),
        () -> heartbeat(item, path),
        () -> heartbeat(item, path),
        () -> reassign(path, "fiona")));

    assertNoServerErrors();
    assertThat(driver.reload(item).state()).isEqualTo(TaskState.UNDER_REVIEW);
    assertConsistent(item);
  }

  @Test
  void cancellingWhileTheAssigneeSubmitsAndHeartbeatsEndsInExactlyOneOfThem() throws Exception {
    WorkItem item = plan();
    String path = "/api/tasks/" + item.instructionKey() + "/" + item.taskKey();
    driver.complete(item, "Task_StartWork", driver.task(item, "Task_StartWork").getAssignee(),
        Map.of("workAccepted", true));

    race(List.of(
        () -> submitWork(item),
        () -> submitWork(item),
        () -> heartbeat(item, path),
        () -> heartbeat(item, path),
        () -> WebappSession.basic(port, "POST", path + "/cancel", "tom", "demo", "{\"reason\":\"descoped\"}"),
        () -> WebappSession.basic(port, "POST", path + "/cancel", "erin", "demo", "{\"reason\":\"descoped\"}")));

    assertNoServerErrors();
    assertThat(driver.reload(item).state()).isIn(TaskState.UNDER_REVIEW, TaskState.CANCELLED);
    assertConsistent(item);
  }

  /**
   * The cause of a 500 seen in {@link #startingReassigningAndHeartbeatingOneAssignedTaskAtOnceEndsConsistent}: the
   * reassignment's message correlation read the lifecycle while the start of the same task committed, and Camunda
   * answered the half-old, half-new lifecycle with a NullPointerException. A reassignment now locks the task's row
   * first, so it waits there for a change that holds the row (every state change does) and reads only after it.
   */
  @Test
  void aReassignmentWaitsForAChangeOfTheSameTaskThatIsCommittingBeforeItReadsTheLifecycle() throws Exception {
    WorkItem item = plan();
    String to = FRONTEND_ICS.stream().filter(ic -> !ic.equals(item.assignee())).findFirst().orElseThrow();

    Waited reassign = sendWhileTheRowIsHeld(item, () -> WebappSession.basic(port, "POST", "/api/tasks/"
        + item.instructionKey() + "/" + item.taskKey() + "/reassign", "fiona", "demo",
        "{\"assignee\":\"" + to + "\",\"reason\":\"rebalancing\"}"));

    assertThat(reassign.statement()).as("the reassignment waits before anything else")
        .containsIgnoringCase("for update").containsIgnoringCase("work_item");
    assertThat(reassign.answer().statusCode()).as(reassign.answer().body()).isEqualTo(200);
    assertThat(driver.reload(item).assignee()).isEqualTo(to);
    assertConsistent(item);
  }

  /**
   * The cause of a 500 seen in {@link #submittingTheWorkTwiceWhileHeartbeatingEndsInOneReview}: the second of two
   * completions of one user task read the task before the first committed and its execution tree after, and Camunda
   * threw a NullPointerException. A completion now locks the task's work item row before Camunda reads anything
   * (SerialTaskCompletionPlugin), so it waits there for a change that holds the row.
   */
  @Test
  void aCompletionWaitsForAChangeOfTheSameTaskThatIsCommittingBeforeItReadsTheTask() throws Exception {
    WorkItem item = plan();
    Task start = driver.task(item, "Task_StartWork");

    Waited complete = sendWhileTheRowIsHeld(item, () -> completeStartWork(item));

    assertThat(complete.statement()).as("the completion waits before anything else")
        .containsIgnoringCase("for update").containsIgnoringCase("work_item");
    assertThat(complete.answer().statusCode()).as(complete.answer().body()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(start.getId()).count()).isZero();
    assertThat(driver.reload(item).state()).isEqualTo(TaskState.IN_PROGRESS);
    assertConsistent(item);
  }

  record Waited(String statement, HttpResponse<String> answer) {}

  /**
   * Sends the request while another transaction — a change of the same task, committing — holds the task's row, then
   * lets that transaction commit: the statement the request waited in, and its answer.
   */
  Waited sendWhileTheRowIsHeld(WorkItem item, Supplier<HttpResponse<String>> request) throws Exception {
    try (Connection change = dataSource.getConnection()) {
      change.setAutoCommit(false);
      try (Statement sql = change.createStatement()) {
        sql.executeUpdate("update work_item set updated_at = updated_at where id = " + item.id());
      }
      CompletableFuture<HttpResponse<String>> sent = CompletableFuture.supplyAsync(request);
      String waiting = awaitStatementWaitingForALock();
      change.commit();
      return new Waited(waiting, sent.get(60, TimeUnit.SECONDS));
    }
  }

  /** The statement of the H2 session that waits for another one's lock (polled: it is a different thread's). */
  String awaitStatementWaitingForALock() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      List<String> waiting = jdbc.sql("select executing_statement from information_schema.sessions "
          + "where blocker_id is not null").query(String.class).list();
      if (!waiting.isEmpty()) {
        return waiting.get(0);
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("no session waited for the held lock within 30 s");
  }

  WorkItem plan() {
    WorkItem item = driver.plan(2, frontendTask(newInstructionKey(), "TT1.1")).get(0);
    created.add(item);
    assertThat(item.state()).isEqualTo(TaskState.ASSIGNED);
    return item;
  }

  /** Runs the actions at the same moment, each a few times, on their own threads; keeps every response. */
  void race(List<Callable<HttpResponse<String>>> actions) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(actions.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (Callable<HttpResponse<String>> action : actions) {
      done.add(pool.submit(() -> {
        go.await();
        for (int i = 0; i < 3; i++) {
          HttpResponse<String> response = action.call();
          if (response != null) {
            responses.add(response);
          }
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
  }

  HttpResponse<String> completeStartWork(WorkItem item) {
    Task task = openTask(item, "Task_StartWork");
    if (task == null) {
      return null;
    }
    return WebappSession.basic(port, "POST", "/engine-rest/task/" + task.getId() + "/complete", task.getAssignee(),
        "demo", "{\"variables\":{\"workAccepted\":{\"value\":true}}}");
  }

  HttpResponse<String> submitWork(WorkItem item) {
    Task task = openTask(item, "Task_DoWork");
    if (task == null) {
      return null;
    }
    return WebappSession.basic(port, "POST", "/engine-rest/task/" + task.getId() + "/complete", task.getAssignee(),
        "demo", "{\"variables\":{\"workOutcome\":{\"value\":\"submit\"},\"summary\":{\"value\":\"Paging done\"},"
            + "\"testsRun\":{\"value\":\"OrderHistoryTest\"},\"hoursSpent\":{\"value\":1.5}}}");
  }

  HttpResponse<String> reassign(String path, String lead) {
    String to = FRONTEND_ICS.get((int) (Math.random() * FRONTEND_ICS.size()));
    return WebappSession.basic(port, "POST", path + "/reassign", lead, "demo",
        "{\"assignee\":\"" + to + "\",\"reason\":\"rebalancing\"}");
  }

  HttpResponse<String> heartbeat(WorkItem item, String path) {
    String assignee = driver.reload(item).assignee();
    return WebappSession.basic(port, "POST", path + "/heartbeat", assignee, "demo",
        "{\"progressPercent\":40,\"hoursSpent\":1,\"remainingHours\":1,\"note\":\"paging\"}");
  }

  Task openTask(WorkItem item, String definitionKey) {
    return tasks.createTaskQuery().processInstanceId(driver.processInstanceId(item))
        .taskDefinitionKey(definitionKey).list().stream().findFirst().orElse(null);
  }

  void assertNoServerErrors() throws Exception {
    assertThat(responses).isNotEmpty();
    for (HttpResponse<String> r : responses) {
      assertThat(r.statusCode()).as("%s %s → %s", r.request().method(), r.request().uri(), r.body())
          .isLessThan(500);
      if (r.statusCode() == 409) {
        JsonNode problem = json.readTree(r.body());
        assertThat(problem.path("detail").asText()).as(r.body()).isNotBlank();
      }
    }
    System.out.println("statuses: " + responses.stream().map(r -> r.request().uri().getPath()
        .replaceAll(".*/", "") + "=" + r.statusCode()
        + (r.statusCode() >= 400 && r.statusCode() != 409 ? " " + r.body() : "")).sorted().toList());
  }

  void assertConsistent(WorkItem before) {
    WorkItem item = driver.reload(before);
    List<StateTransition> log = driver.workItems.transitions(item.id());
    assertThat(log.get(0).from()).isNull();
    for (int i = 1; i < log.size(); i++) {
      StateTransition t = log.get(i);
      assertThat(t.from()).as("transition %d of %s", i, log).isEqualTo(log.get(i - 1).to());
      assertThat(TransitionRules.allows(item.kind(), t.from(), t.to())).as("%s allowed", t).isTrue();
    }
    assertThat(log.get(log.size() - 1).to()).isEqualTo(item.state());

    List<String> activities = item.state().isTerminal() ? List.of()
        : runtime.getActiveActivityIds(item.processInstanceId());
    switch (item.state()) {
      case ASSIGNED -> {
        assertThat(activities).contains("Task_StartWork");
        assertThat(openTask(item, "Task_StartWork").getAssignee()).isEqualTo(item.assignee());
      }
      case IN_PROGRESS -> {
        assertThat(activities).contains("Task_DoWork");
        assertThat(openTask(item, "Task_DoWork").getAssignee()).isEqualTo(item.assignee());
      }
      case UNDER_REVIEW -> assertThat(activities).contains("CallActivity_PeerReview");
      case CANCELLED -> { }
      default -> throw new AssertionError("unexpected state " + item.state());
    }
    if (item.state().isTerminal()) {
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(item.processInstanceId()).count())
          .as("a closed task's lifecycle has ended").isZero();
      assertThat(jdbc.sql("select count(*) from capacity_reservation where work_item_id = ?").param(item.id())
          .query(Long.class).single()).as("a closed task holds no capacity").isZero();
    }
    List<Map<String, Object>> reservations = jdbc.sql(
            "select person_id, kind from capacity_reservation where work_item_id = ? and kind = 'TASK'")
        .param(item.id()).query().listOfRows();
    if (item.state().countsTowardsWorkload()) {
      assertThat(reservations).hasSize(1);
      assertThat(reservations.get(0).get("PERSON_ID")).isEqualTo(item.assignee());
    }
  }
}
