package com.orchestration.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** JDBC access to table {@code review}; only {@link ReviewService} writes through it. */
@Repository
class ReviewRepository {

  private static final String COLUMNS = "id, work_item_id, instruction_key, task_key, gate, round, reviewer, author, "
      + "outcome, findings, finding_count, highest_severity, opened_at, decided_at, duration_seconds";

  private final JdbcClient jdbc;

  ReviewRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(ReviewRecord r) {
    jdbc.sql("""
            insert into review (work_item_id, instruction_key, task_key, gate, round, reviewer, author, outcome,
              findings, finding_count, highest_severity, opened_at, decided_at, duration_seconds)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(r.workItemId(), r.instructionKey(), r.taskKey(), r.gate().value(), r.round(), r.reviewer(),
            r.author(), r.outcome(), r.findings(), r.findingCount(), r.highestSeverity(),
            Timestamp.from(r.openedAt()), Timestamp.from(r.decidedAt()), r.durationSeconds())
        .update();
  }

  int countDecisions(long workItemId, ReviewGate gate) {
    return jdbc.sql("select count(*) from review where work_item_id = ? and gate = ?")
        .params(workItemId, gate.value()).query(Integer.class).single();
  }

  List<ReviewRecord> findByWorkItem(long workItemId) {
    return jdbc.sql("select " + COLUMNS + " from review where work_item_id = ? order by id").param(workItemId)
        .query(ReviewRepository::map).list();
  }

  List<ReviewRecord> find(String instructionKey, String reviewer, ReviewGate gate, int limit) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from review where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (instructionKey != null) {
      sql.append(" and instruction_key = ?");
      params.add(instructionKey);
    }
    if (reviewer != null) {
      sql.append(" and reviewer = ?");
      params.add(reviewer);
    }
    if (gate != null) {
      sql.append(" and gate = ?");
      params.add(gate.value());
    }
    sql.append(" order by id desc fetch first ").append(limit).append(" rows only");
    return jdbc.sql(sql.toString()).params(params).query(ReviewRepository::map).list();
  }

  /** The outcome of the first peer review of each of the author's newest {@code limit} peer-reviewed tasks. */
  List<String> firstPeerReviewOutcomes(String author, int limit) {
    return jdbc.sql("""
            select r.outcome from review r
            where r.author = ? and r.gate = 'peer-review'
              and r.id = (select min(f.id) from review f where f.work_item_id = r.work_item_id and f.gate = 'peer-review')
            order by r.id desc
            fetch first %d rows only""".formatted(limit))
        .param(author).query(String.class).list();
  }

  private static ReviewRecord map(ResultSet rs, int row) throws SQLException {
    return new ReviewRecord(rs.getLong("id"), rs.getLong("work_item_id"), rs.getString("instruction_key"),
        rs.getString("task_key"), ReviewGate.parse(rs.getString("gate")).orElseThrow(), rs.getInt("round"),
        rs.getString("reviewer"), rs.getString("author"), rs.getString("outcome"), rs.getString("findings"),
        rs.getInt("finding_count"), rs.getString("highest_severity"), rs.getTimestamp("opened_at").toInstant(),
        rs.getTimestamp("decided_at").toInstant(), rs.getLong("duration_seconds"));
  }
}
