package com.orchestration.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.TransitionRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What must hold in the shared database whatever node did what: read directly with SQL, not through a node.
 */
final class ClusterChecks {

  private static final Set<String> CLOSED = Set.of("COMPLETED", "CANCELLED");

  private ClusterChecks() {}

  record Item(long id, String taskKey, TaskKind kind, String state, String assignee) {}

  record Transition(long itemId, String from, String to) {}

  static List<Item> items(JdbcClient sql, String key) {
    return sql.sql("select id, task_key, kind, state, assignee from work_item where instruction_key = ? order by id")
        .param(key)
        .query((rs, n) -> new Item(rs.getLong(1), rs.getString(2), TaskKind.valueOf(rs.getString(3)),
            rs.getString(4), rs.getString(5)))
        .list();
  }

  /** The instruction COMPLETED, each of its tasks exactly once COMPLETED, nothing reserved for any of them. */
  static void assertCompletedExactlyOnce(JdbcClient sql, String key, int strategic, int tactical) {
    assertThat(sql.sql("select state from instruction where instruction_key = ?").param(key).query(String.class)
        .single()).as("instruction %s", key).isEqualTo("COMPLETED");
    List<Item> items = items(sql, key);
    assertThat(items).as("tasks of %s", key).hasSize(strategic + tactical)
        .allSatisfy(i -> assertThat(i.state()).as(i.taskKey()).isEqualTo("COMPLETED"));
    assertThat(items.stream().filter(i -> i.kind() == TaskKind.TACTICAL)).hasSize(tactical);
    assertThat(sql.sql("select count(*) from work_item where instruction_key = ? group by task_key "
        + "having count(*) > 1").param(key).query(Integer.class).list()).as("a task key twice").isEmpty();
    assertTransitionChains(sql, key);
    for (Item item : items) {
      assertThat(transitions(sql, item.id()).stream().filter(t -> t.to().equals("COMPLETED")))
          .as("COMPLETED transitions of %s/%s", key, item.taskKey()).hasSize(1);
    }
    assertThat(sql.sql("select count(*) from capacity_reservation r join work_item w on w.id = r.work_item_id "
        + "where w.instruction_key = ?").param(key).query(Integer.class).single())
        .as("reservations left for the completed tasks of %s", key).isZero();
  }

  static List<Transition> transitions(JdbcClient sql, long itemId) {
    return sql.sql("select work_item_id, from_state, to_state from state_transition where work_item_id = ? "
        + "order by id").param(itemId)
        .query((rs, n) -> new Transition(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
  }

  /**
   * Every task's log is one chain: it starts from nothing, each transition leaves the state the previous one entered,
   * each is allowed (TransitionRules), nothing follows a terminal state — so no transition was written twice or lost,
   * and the last one is the task's current state.
   */
  static void assertTransitionChains(JdbcClient sql, String key) {
    for (Item item : items(sql, key)) {
      List<Transition> log = transitions(sql, item.id());
      String what = key + "/" + item.taskKey() + " " + log;
      assertThat(log).as(what).isNotEmpty();
      assertThat(log.get(0).from()).as("first transition of %s", what).isNull();
      String current = log.get(0).to();
      for (Transition t : log.subList(1, log.size())) {
        assertThat(t.from()).as("chain of %s", what).isEqualTo(current);
        assertThat(TransitionRules.allows(item.kind(), TaskState.valueOf(t.from()), TaskState.valueOf(t.to())))
            .as("%s → %s allowed in %s", t.from(), t.to(), what).isTrue();
        current = t.to();
      }
      assertThat(current).as("last transition = current state of %s", what).isEqualTo(item.state());
    }
  }

  /**
   * Capacity neither leaked nor doubled, across every instruction in the database: each open, assigned tactical task
   * holds exactly one TASK reservation, its assignee's; a closed task holds none; nobody holds a second reservation
   * of one kind for one task.
   */
  static void assertReservationsMatchOpenWork(JdbcClient sql) {
    List<String> problems = new ArrayList<>();
    List<Map<String, Object>> rows = sql.sql("""
        select w.instruction_key, w.task_key, w.state, w.assignee, r.person_id, r.kind, r.hours
          from work_item w left join capacity_reservation r on r.work_item_id = w.id
         where w.kind = 'TACTICAL' order by w.id""").query().listOfRows();
    Map<String, List<Map<String, Object>>> byTask = new TreeMap<>();
    for (Map<String, Object> row : rows) {
      byTask.computeIfAbsent(row.get("instruction_key") + "/" + row.get("task_key"), k -> new ArrayList<>()).add(row);
    }
    byTask.forEach((task, reservations) -> {
      Map<String, Object> first = reservations.get(0);
      String state = (String) first.get("state");
      String assignee = (String) first.get("assignee");
      List<Map<String, Object>> held = reservations.stream().filter(r -> r.get("kind") != null).toList();
      List<Map<String, Object>> taskReservations = held.stream().filter(r -> "TASK".equals(r.get("kind"))).toList();
      if (CLOSED.contains(state) && !held.isEmpty()) {
        problems.add(task + " is " + state + " but still reserves " + held);
      } else if (!CLOSED.contains(state) && assignee != null && (taskReservations.size() != 1
          || !assignee.equals(taskReservations.get(0).get("person_id"))
          || ((BigDecimal) taskReservations.get(0).get("hours")).signum() <= 0)) {
        problems.add(task + " (" + state + ", " + assignee + ") has TASK reservations " + taskReservations);
      } else if (assignee == null && !taskReservations.isEmpty()) {
        problems.add(task + " has no assignee but TASK reservations " + taskReservations);
      }
      if (held.stream().filter(r -> "REVIEW".equals(r.get("kind"))).count() > 1) {
        problems.add(task + " has more than one REVIEW reservation: " + held);
      }
    });
    assertThat(problems).as("reservations vs open assigned work").isEmpty();
  }

  /** Per IC (GET /api/capacity): committed hours within capacity. */
  static void assertNobodyOverCapacity(com.fasterxml.jackson.databind.JsonNode capacity) {
    assertThat(capacity.path("people")).as("people in %s", capacity).isNotEmpty();
    capacity.path("people").forEach(p -> assertThat(p.path("committed").asDouble())
        .as("committed hours of %s", p.path("personId").asText())
        .isLessThanOrEqualTo(p.path("capacity").asDouble()));
  }

  /** No incident, no job that failed and waits for a retry, no job executed twice. */
  static void assertNoIncidentsAndEachJobRanOnce(JdbcClient sql) {
    assertThat(sql.sql("select incident_msg_ from act_ru_incident").query(String.class).list())
        .as("incidents").isEmpty();
    assertThat(sql.sql("select exception_msg_ from act_ru_job where exception_msg_ is not null")
        .query(String.class).list()).as("jobs that failed").isEmpty();
    assertThat(sql.sql("select job_id_ from act_hi_job_log where job_state_ = 2 group by job_id_ "
        + "having count(*) > 1").query(String.class).list()).as("jobs that succeeded twice").isEmpty();
  }

  /** Nodes that started on the same database deployed each model once (duplicate filtering, deployment lock). */
  static void assertOneVersionPerModel(JdbcClient sql) {
    assertThat(sql.sql("select key_ from act_re_procdef group by key_ having count(*) > 1").query(String.class)
        .list()).as("process definitions deployed twice").isEmpty();
    assertThat(sql.sql("select count(*) from act_re_procdef").query(Integer.class).single()).isPositive();
  }

  /** Successful jobs of these instructions per node (ACT_HI_JOB_LOG.HOSTNAME_ is the node's name). */
  static Map<String, Integer> jobsPerNode(JdbcClient sql, List<String> keys) {
    Map<String, Integer> perNode = new TreeMap<>();
    sql.sql("select l.hostname_, count(*) from act_hi_job_log l join act_hi_procinst p "
            + "on p.proc_inst_id_ = l.process_instance_id_ where l.job_state_ = 2 and p.business_key_ in (:keys) "
            + "group by l.hostname_").param("keys", keys)
        .query((rs, n) -> perNode.put(rs.getString(1), rs.getInt(2))).list();
    return perNode;
  }
}
