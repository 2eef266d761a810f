package com.orchestration.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SPEC §13 scale-out: two application processes on one PostgreSQL database, job executor on both. One tier-3
 * instruction (2 strategic tasks × 2 tactical tasks) is driven through both nodes' REST APIs alternately — every step
 * goes to the other node than the one before — and the jobs (the strategic tasks' async continuations) run on
 * whichever node acquires them. Then the database must show every task exactly once COMPLETED, consistent
 * transition logs, no capacity left reserved, no incident and no job run twice.
 */
@ExtendWith(TwoNodeCluster.Extension.class)
class ClusterIT {

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
  void aTierThreeInstructionDrivenThroughBothNodesCompletesWithEveryTaskExactlyOnce() {
    String key = client.submit(client.next(), "fiona", "Order history across two nodes");
    Map<String, String> domains = new LinkedHashMap<>();
    domains.put("ST1", "frontend");
    domains.put("ST2", "data");
    client.plan(client.next(), key, domains);
    domains.forEach((st, domain) -> client.breakdown(client.next(), key, st, domain, 2));
    for (String st : domains.keySet()) {
      client.complete(client.next(), client.awaitTask(key, "Task_ReviewBreakdown", st, STEP));
    }

    // Every tactical task was assigned when its breakdown was approved; nobody above the cap.
    assertThat(ClusterChecks.items(sql, key)).filteredOn(i -> i.taskKey().startsWith("TT")).hasSize(4)
        .allSatisfy(i -> assertThat(i.assignee()).as(i.taskKey()).isNotNull());
    ClusterChecks.assertReservationsMatchOpenWork(sql);
    ClusterChecks.assertNobodyOverCapacity(client.ok(client.next(), "admin", "GET", "/api/capacity", null));

    for (String tt : List.of("TT1.1", "TT2.1", "TT1.2", "TT2.2")) {
      client.finishTactical(key, tt, STEP);
    }
    // QA validates both strategic tasks at the same moment, one on each node. Each completion ends a strategic-task
    // process; joining them in the instruction's multi-instance happens in jobs (async after each instance), which
    // either node may run and which retry a conflict — so neither person gets an error.
    JsonNode validateSt1 = client.awaitTask(key, "Task_ValidateQuality", "ST1", STEP);
    JsonNode validateSt2 = client.awaitTask(key, "Task_ValidateQuality", "ST2", STEP);
    CompletableFuture<Void> onA = CompletableFuture.runAsync(() -> client.complete(cluster.a, validateSt1));
    CompletableFuture<Void> onB = CompletableFuture.runAsync(() -> client.complete(cluster.b, validateSt2));
    CompletableFuture.allOf(onA, onB).join();

    client.complete(client.next(), client.awaitTask(key, "Task_DecideGoNoGo", null, STEP));
    ClusterClient.await(key + " COMPLETED", STEP,
        () -> client.instruction(client.next(), key).path("state").asText().equals("COMPLETED"));

    ClusterChecks.assertCompletedExactlyOnce(sql, key, 2, 4);
    ClusterChecks.assertReservationsMatchOpenWork(sql);
    ClusterChecks.assertNoIncidentsAndEachJobRanOnce(sql);
    ClusterChecks.assertOneVersionPerModel(sql);
    Map<String, Integer> jobs = ClusterChecks.jobsPerNode(sql, List.of(key));
    assertThat(jobs.values().stream().mapToInt(Integer::intValue).sum()).as("jobs run: %s", jobs)
        .isGreaterThanOrEqualTo(2);
    assertThat(jobs.keySet()).as("jobs ran on the cluster's nodes").isSubsetOf("node-a", "node-b");
    assertThat(client.callsPerNode.keySet()).containsExactlyInAnyOrder("node-a", "node-b");
    System.out.println("ClusterIT " + key + ": HTTP calls per node " + client.callsPerNode + ", jobs per node "
        + jobs);
  }
}
