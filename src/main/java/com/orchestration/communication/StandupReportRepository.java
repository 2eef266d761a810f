package com.orchestration.communication;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code standup_report}; written only by the standup process's store step. */
@Repository
class StandupReportRepository {

  /** A stored report; {@code contentJson} is the report record as JSON. */
  record Row(long id, LocalDate date, StandupLevel level, String subject, String domain, String contentJson,
      String markdown, Instant createdAt) {}

  private static final String COLUMNS = "id, report_date, level, subject, domain, content_json, markdown, created_at";

  private final JdbcClient jdbc;

  StandupReportRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Deletes the day's reports of these levels; the caller inserts the new ones in the same transaction. */
  int delete(LocalDate date, Collection<StandupLevel> levels) {
    List<String> values = levels.stream().map(StandupLevel::value).toList();
    return jdbc.sql("delete from standup_report where report_date = :date and level in (:levels)")
        .param("date", date).param("levels", values).update();
  }

  void insert(LocalDate date, StandupLevel level, String subject, String domain, String contentJson, String markdown,
      Instant createdAt) {
    jdbc.sql("insert into standup_report (report_date, level, subject, domain, content_json, markdown, created_at) "
            + "values (?, ?, ?, ?, ?, ?, ?)")
        .params(date, level.value(), subject, domain, contentJson, markdown, Timestamp.from(createdAt))
        .update();
  }

  /**
   * Reports of one day, optionally narrowed to a level, subjects and a domain; ordered weekly, domain, IC, then by
   * subject.
   */
  List<Row> find(LocalDate date, StandupLevel level, Collection<String> subjects, String domain) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from standup_report where report_date = ?");
    List<Object> params = new ArrayList<>(List.of(date));
    if (level != null) {
      sql.append(" and level = ?");
      params.add(level.value());
    }
    if (subjects != null) {
      if (subjects.isEmpty()) {
        return List.of();
      }
      sql.append(" and subject in (").append(String.join(", ", subjects.stream().map(s -> "?").toList())).append(')');
      params.addAll(subjects);
    }
    if (domain != null) {
      sql.append(" and domain = ?");
      params.add(domain);
    }
    sql.append(" order by case level when 'weekly' then 0 when 'domain' then 1 else 2 end, subject");
    return jdbc.sql(sql.toString()).params(params)
        .query((rs, n) -> new Row(rs.getLong("id"), rs.getObject("report_date", LocalDate.class),
            StandupLevel.parse(rs.getString("level")).orElseThrow(), rs.getString("subject"), rs.getString("domain"),
            rs.getString("content_json"), rs.getString("markdown"), rs.getTimestamp("created_at").toInstant()))
        .list();
  }
}
