package com.orchestration.lifecycle;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** JDBC access to {@code heartbeat}; only {@link HeartbeatService} writes through it. */
@Repository
class HeartbeatRepository {

  private final JdbcClient jdbc;

  HeartbeatRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(long workItemId, String personId, HeartbeatRequest r, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into heartbeat (work_item_id, person_id, progress_percent, hours_spent, remaining_hours, note,
              received_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(workItemId, personId, r.progressPercent(), BigDecimal.valueOf(r.hoursSpent()),
            BigDecimal.valueOf(r.remainingHours()), r.note(), Timestamp.from(now))
        .update(key, "id");
    return key.getKey().longValue();
  }

  Heartbeat findById(long id) {
    return jdbc.sql("select * from heartbeat where id = ?").param(id).query((rs, n) -> map(rs)).single();
  }

  /** Newest first. */
  List<Heartbeat> ofWorkItem(long workItemId) {
    return jdbc.sql("select * from heartbeat where work_item_id = ? order by received_at desc, id desc")
        .param(workItemId).query((rs, n) -> map(rs)).list();
  }

  /**
   * Every IN_PROGRESS task with its assignee, last heartbeat and last entry into IN_PROGRESS; one query, whatever the
   * number of tasks.
   */
  List<Silence> inProgressWithLastSignal() {
    return jdbc.sql("""
            select w.id, w.instruction_key, w.task_key, w.assignee,
              (select max(h.received_at) from heartbeat h where h.work_item_id = w.id) as last_heartbeat,
              (select max(t.occurred_at) from state_transition t
                where t.work_item_id = w.id and t.to_state = 'IN_PROGRESS') as entered_at
            from work_item w where w.state = 'IN_PROGRESS' order by w.id""")
        .query((rs, n) -> new Silence(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
        .list();
  }

  record Silence(long workItemId, String instructionKey, String taskKey, String assignee, Instant lastHeartbeat,
      Instant enteredAt) {}

  private static Heartbeat map(ResultSet rs) throws SQLException {
    return new Heartbeat(rs.getLong("id"), rs.getLong("work_item_id"), rs.getString("person_id"),
        rs.getInt("progress_percent"), rs.getBigDecimal("hours_spent").doubleValue(),
        rs.getBigDecimal("remaining_hours").doubleValue(), rs.getString("note"),
        rs.getTimestamp("received_at").toInstant());
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
