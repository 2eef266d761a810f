package com.orchestration.lifecycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** JDBC access to {@code sla_event}; only {@link SlaService} writes through it. */
@Repository
class SlaEventRepository {

  private static final String COLUMNS = "id, work_item_id, instruction_key, task_key, state, kind, state_entered_at, "
      + "due_at, fired_at, process_instance_id, for_standup, notified";

  /** Most rows one API call returns; a client narrows with {@code since}. */
  static final int MAX_ROWS = 1000;

  private final JdbcClient jdbc;

  SlaEventRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts unless the same threshold of the same entry into the state is already recorded. Insert-select with
   * "not exists" rather than catching a unique violation: on PostgreSQL a failed statement aborts the engine's whole
   * transaction. Casts type the parameters for PostgreSQL, which cannot infer them in a select list.
   *
   * @return true when a row was written now
   */
  boolean insertIfAbsent(long workItemId, TaskState state, SlaEventKind kind, Instant enteredAt, Instant dueAt,
      Instant firedAt, String processInstanceId) {
    return jdbc.sql("""
            insert into sla_event (work_item_id, instruction_key, task_key, state, kind, state_entered_at, due_at,
              fired_at, process_instance_id, for_standup)
            select w.id, w.instruction_key, w.task_key, cast(:state as varchar(24)), cast(:kind as varchar(8)),
              cast(:entered as timestamp), cast(:due as timestamp), cast(:fired as timestamp),
              cast(:pi as varchar(64)), cast(:standup as boolean)
            from work_item w
            where w.id = :id and not exists (
              select 1 from sla_event e where e.work_item_id = :id and e.state = :state and e.kind = :kind
                and e.state_entered_at = :entered)""")
        .param("id", workItemId)
        .param("state", state.name())
        .param("kind", kind.name())
        .param("entered", Timestamp.from(enteredAt))
        .param("due", Timestamp.from(dueAt))
        .param("fired", Timestamp.from(firedAt))
        .param("pi", processInstanceId)
        .param("standup", kind == SlaEventKind.WARNING)
        .update() == 1;
  }

  List<SlaEvent> find(SlaEventQuery q) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from sla_event where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (q.instructionKey() != null) {
      sql.append(" and instruction_key = ?");
      params.add(q.instructionKey());
    }
    if (q.taskKey() != null) {
      sql.append(" and task_key = ?");
      params.add(q.taskKey());
    }
    if (q.kind() != null) {
      sql.append(" and kind = ?");
      params.add(q.kind().name());
    }
    if (q.state() != null) {
      sql.append(" and state = ?");
      params.add(q.state().name());
    }
    if (q.since() != null) {
      sql.append(" and fired_at >= ?");
      params.add(Timestamp.from(q.since()));
    }
    sql.append(" order by fired_at, id fetch first " + MAX_ROWS + " rows only");
    return jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list();
  }

  Optional<SlaEvent> find(long workItemId, TaskState state, SlaEventKind kind, Instant enteredAt) {
    return jdbc.sql("select " + COLUMNS + " from sla_event where work_item_id = ? and state = ? and kind = ? "
            + "and state_entered_at = ?")
        .params(workItemId, state.name(), kind.name(), Timestamp.from(enteredAt))
        .query((rs, n) -> map(rs)).optional();
  }

  void markNotified(long id, String notified) {
    jdbc.sql("update sla_event set notified = ? where id = ?").params(notified, id).update();
  }

  List<SlaEvent> ofWorkItem(long workItemId) {
    return jdbc.sql("select " + COLUMNS + " from sla_event where work_item_id = ? order by fired_at, id")
        .param(workItemId).query((rs, n) -> map(rs)).list();
  }

  private static SlaEvent map(ResultSet rs) throws SQLException {
    return new SlaEvent(rs.getLong("id"), rs.getLong("work_item_id"), rs.getString("instruction_key"),
        rs.getString("task_key"), TaskState.valueOf(rs.getString("state")), SlaEventKind.valueOf(rs.getString("kind")),
        rs.getTimestamp("state_entered_at").toInstant(), rs.getTimestamp("due_at").toInstant(),
        rs.getTimestamp("fired_at").toInstant(), rs.getString("process_instance_id"), rs.getBoolean("for_standup"),
        rs.getString("notified"));
  }
}
