package com.orchestration.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SPEC §13: a node dies (kill -9) in the middle of a job and in the middle of an assignment; nothing is lost, nothing
 * doubled, no capacity leaks, and the other node carries on.
 *
 * <p>The moment is made deterministic with row locks the test holds in PostgreSQL: instruction Y's strategic task is
 * validated, its join job is acquired by a node and waits for Y's instruction row (the job moves Y to GO_NO_GO);
 * the same node gets the tech lead's approval of instruction X's breakdown, creates the tactical tasks and waits for
 * the lock on an IC's person row (the capacity reservation). Then that node is killed: PostgreSQL rolls back both
 * transactions, the job stays locked by the dead node until its lock expires, and the client sends the approval
 * again — to the other node, as a load balancer would.
 */
@ExtendWith(TwoNodeCluster.Extension.class)
class FaultIT {

  static final Duration STEP = Duration.ofSeconds(60);

  static TwoNodeCluster cluster;
  static ClusterClient client;
  static JdbcClient sql;

  @BeforeAll
  static void cluster(TwoNodeCluster running) {
    cluster = running;
    client = new ClusterClient(running.nodes());
    sql = running.db.jdbc();
  }

  @Test
  @Timeout(180)
  void aNodeKilledDuringAJobAndAnAssignmentLosesNothingAndTheOtherNodeCarriesOn() throws Exception {
    // X: two strategic tasks broken down, the tech lead's reviews open
    String x = client.submit(client.next(), "fiona", "Fault: assignment in flight");
    Map<String, String> domains = new LinkedHashMap<>();
    domains.put("ST1", "frontend");
    domains.put("ST2", "data");
    client.plan(client.next(), x, domains);
    client.breakdown(client.next(), x, "ST1", "frontend", 2);
    client.breakdown(client.next(), x, "ST2", "data", 1);
    JsonNode review = client.awaitTask(x, "Task_ReviewBreakdown", "ST1", STEP);
    // Y: one strategic task whose only tactical task is done; QA's validation open
    String y = client.submit(client.next(), "fiona", "Fault: job in flight");
    client.plan(client.next(), y, Map.of("ST1", "frontend"));
    client.breakdown(client.next(), y, "ST1", "frontend", 1);
    client.complete(client.next(), client.awaitTask(y, "Task_ReviewBreakdown", "ST1", STEP));
    client.finishTactical(y, "TT1.1", STEP);
    JsonNode validation = client.awaitTask(y, "Task_ValidateQuality", "ST1", STEP);
    String yInstance = sql.sql("select process_instance_id from instruction where instruction_key = ?").param(y)
        .query(String.class).single();

    ClusterNode victim;
    String jobId;
    CompletableFuture<Throwable> approvalOnVictim;
    try (Connection hold = cluster.db.connect()) {
      hold.setAutoCommit(false);
      lock(hold, "select id from person where domain = 'frontend' for update");
      lock(hold, "select instruction_key from instruction where instruction_key = ? for no key update", y);

      client.complete(client.next(), validation);
      victim = node(awaitWaiting("update instruction set state"));
      jobId = sql.sql("select id_ from act_ru_job where process_instance_id_ = ? and lock_owner_ is not null")
          .param(yInstance).query(String.class).single();

      approvalOnVictim = CompletableFuture.supplyAsync(() -> {
        try {
          client.complete(victim, review);
          return null;
        } catch (RuntimeException | AssertionError e) {
          return e;
        }
      });
      assertThat(node(awaitWaiting("select id from person where id"))).isSameAs(victim);

      victim.kill();
      assertThat(approvalOnVictim.get(30, TimeUnit.SECONDS)).as("the approval's connection died with the node")
          .isInstanceOf(UncheckedIOException.class);
      assertThat(sql.sql("select count(*) from act_ru_job where id_ = ? and lock_owner_ is not null")
          .param(jobId).query(Integer.class).single()).as("the job is neither done nor lost").isEqualTo(1);
      hold.rollback();
    }
    ClusterNode survivor = cluster.nodes().get(0) == victim ? cluster.nodes().get(1) : cluster.nodes().get(0);
    victim.start();

    // Nothing of the killed transactions was committed: the approval is still to be done, no task exists twice.
    ClusterClient onSurvivor = new ClusterClient(List.of(survivor));
    assertThat(onSurvivor.openTasks(survivor, x, "Task_ReviewBreakdown", "ST1")).singleElement()
        .satisfies(t -> assertThat(t.path("id").asText()).isEqualTo(review.path("id").asText()));
    assertThat(ClusterChecks.items(sql, x)).extracting(ClusterChecks.Item::taskKey)
        .containsExactly("ST1", "ST2");
    // The client's retry on the survivor: the tasks are created and assigned once, capacity reserved once.
    onSurvivor.complete(survivor, review);
    assertThat(ClusterChecks.items(sql, x)).filteredOn(i -> i.taskKey().startsWith("TT1."))
        .hasSize(2).allSatisfy(i -> {
          assertThat(i.state()).isEqualTo("ASSIGNED");
          assertThat(i.assignee()).isNotNull();
        });
    ClusterChecks.assertReservationsMatchOpenWork(sql);
    // A client that sends the approval once more (it never saw an answer) changes nothing.
    ClusterClient.Response again = onSurvivor.send(survivor, "tom", "POST",
        "/engine-rest/task/" + review.path("id").asText() + "/complete", Map.of("variables",
            ClusterClient.variables(ClusterClient.answer("Task_ReviewBreakdown"))));
    assertThat(again.raw()).as("status %s", again.status()).contains("Cannot find task");
    assertThat(ClusterChecks.items(sql, x)).hasSize(4);

    // The dead node's job is taken over once its lock expires — by the survivor or by the restarted node, whichever
    // acquires it first: Y reaches its go/no-go and the job succeeded exactly once.
    onSurvivor.awaitTask(y, "Task_DecideGoNoGo", null, STEP);
    assertThat(sql.sql("select hostname_ from act_hi_job_log where job_id_ = ? and job_state_ = 2").param(jobId)
        .query(String.class).list()).as("the job ran once after the kill").singleElement()
        .isIn(survivor.name, victim.name);

    // The restarted node joins again; both instructions are finished through both nodes.
    victim.awaitHealthy(TwoNodeCluster.START);
    client.complete(client.next(), client.awaitTask(x, "Task_ReviewBreakdown", "ST2", STEP));
    for (String tt : List.of("TT1.1", "TT1.2", "TT2.1")) {
      client.finishTactical(x, tt, STEP);
    }
    for (String st : domains.keySet()) {
      client.complete(client.next(), client.awaitTask(x, "Task_ValidateQuality", st, STEP));
    }
    for (String key : List.of(x, y)) {
      client.complete(client.next(), client.awaitTask(key, "Task_DecideGoNoGo", null, STEP));
      ClusterClient.await(key + " COMPLETED", STEP,
          () -> client.instruction(client.next(), key).path("state").asText().equals("COMPLETED"));
    }

    ClusterChecks.assertCompletedExactlyOnce(sql, x, 2, 3);
    ClusterChecks.assertCompletedExactlyOnce(sql, y, 1, 1);
    ClusterChecks.assertReservationsMatchOpenWork(sql);
    ClusterChecks.assertNoIncidentsAndEachJobRanOnce(sql);
    ClusterChecks.assertOneVersionPerModel(sql);
    System.out.println("FaultIT: killed " + victim.name + " during job " + jobId + " and an assignment; "
        + survivor.name + " carried on; jobs per node " + ClusterChecks.jobsPerNode(sql, List.of(x, y)));
  }

  static void lock(Connection connection, String query, String... params) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(query)) {
      for (int i = 0; i < params.length; i++) {
        statement.setString(i + 1, params[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).as("rows locked by %s", query).isTrue();
        while (rows.next()) {
          // every row fetched is locked
        }
      }
    }
  }

  /** The node (application_name) whose connection waits for one of the test's row locks with this statement. */
  static String awaitWaiting(String statementStart) {
    return ClusterClient.await("a node waiting in '" + statementStart + "'", STEP, () -> sql.sql(
            "select application_name from pg_stat_activity where datname = current_database() "
                + "and wait_event_type = 'Lock' and query like ?")
        .param(statementStart + "%").query(String.class).list().stream().findFirst().orElse(null));
  }

  static ClusterNode node(String name) {
    return cluster.nodes().stream().filter(n -> n.name.equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no node named " + name));
  }
}
