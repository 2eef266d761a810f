package com.orchestration.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** JDBC access to escalation records; only {@link EscalationService} writes through it. */
@Repository
class EscalationRepository {

  private static final String COLUMNS = "id, work_item_id, instruction_key, task_key, reason_type, reason_detail, "
      + "level, resolver_group, rule_id, rule_description, opened_at, due_at, reminders, closed_at, outcome, "
      + "outcome_note, resolved_by, process_instance_id, parent_escalation_id";

  private final JdbcClient jdbc;

  EscalationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record NewEscalation(long workItemId, String instructionKey, String taskKey, String reasonType,
      String reasonDetail, EscalationLevel level, String resolverGroup, String ruleId, String ruleDescription,
      Instant openedAt, Instant dueAt, String processInstanceId, Long parentEscalationId) {}

  long insert(NewEscalation e) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into escalation (work_item_id, instruction_key, task_key, reason_type, reason_detail, level,
              resolver_group, rule_id, rule_description, opened_at, due_at, reminders, process_instance_id,
              parent_escalation_id)
            values (:item, :ins, :task, :reason, :detail, :level, :grp, :rule, :ruleDescription, :opened, :due, 0,
              :pi, :parent)""")
        .param("item", e.workItemId())
        .param("ins", e.instructionKey())
        .param("task", e.taskKey())
        .param("reason", e.reasonType())
        .param("detail", e.reasonDetail())
        .param("level", e.level().name())
        .param("grp", e.resolverGroup())
        .param("rule", e.ruleId())
        .param("ruleDescription", e.ruleDescription())
        .param("opened", Timestamp.from(e.openedAt()))
        .param("due", Timestamp.from(e.dueAt()))
        .param("pi", e.processInstanceId())
        .param("parent", e.parentEscalationId())
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** Closes an open record; 0 when it was already closed. */
  int close(long id, Instant at, String outcome, String note, String by) {
    return jdbc.sql("""
            update escalation set closed_at = ?, outcome = ?, outcome_note = ?, resolved_by = ?
            where id = ? and closed_at is null""")
        .params(Timestamp.from(at), outcome, note, by, id).update();
  }

  int remind(long id, Instant newDue) {
    return jdbc.sql("update escalation set due_at = ?, reminders = reminders + 1 where id = ? and closed_at is null")
        .params(Timestamp.from(newDue), id).update();
  }

  Optional<EscalationRecord> findById(long id) {
    return jdbc.sql("select " + COLUMNS + " from escalation where id = ?").param(id)
        .query(EscalationRepository::map).optional();
  }

  List<EscalationRecord> findByWorkItem(long workItemId) {
    return jdbc.sql("select " + COLUMNS + " from escalation where work_item_id = ? order by id").param(workItemId)
        .query(EscalationRepository::map).list();
  }

  List<EscalationRecord> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("select " + COLUMNS + " from escalation where process_instance_id = ? order by id")
        .param(processInstanceId).query(EscalationRepository::map).list();
  }

  List<EscalationRecord> find(Boolean open, String instructionKey, String taskKey, EscalationLevel level,
      int limit) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    if (open != null) {
      where.add(open ? "closed_at is null" : "closed_at is not null");
    }
    if (instructionKey != null) {
      where.add("instruction_key = :ins");
      params.put("ins", instructionKey);
    }
    if (taskKey != null) {
      where.add("task_key = :task");
      params.put("task", taskKey);
    }
    if (level != null) {
      where.add("level = :level");
      params.put("level", level.name());
    }
    String sql = "select " + COLUMNS + " from escalation"
        + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
        + " order by id desc fetch first " + limit + " rows only";
    return jdbc.sql(sql).params(params).query(EscalationRepository::map).list();
  }

  private static EscalationRecord map(ResultSet rs, int row) throws SQLException {
    long parent = rs.getLong("parent_escalation_id");
    Long parentId = rs.wasNull() ? null : parent;
    return new EscalationRecord(rs.getLong("id"), rs.getLong("work_item_id"), rs.getString("instruction_key"),
        rs.getString("task_key"), rs.getString("reason_type"), rs.getString("reason_detail"),
        EscalationLevel.valueOf(rs.getString("level")), rs.getString("resolver_group"), rs.getString("rule_id"),
        rs.getString("rule_description"), instant(rs, "opened_at"), instant(rs, "due_at"), rs.getInt("reminders"),
        instant(rs, "closed_at"), rs.getString("outcome"), rs.getString("outcome_note"),
        rs.getString("resolved_by"), rs.getString("process_instance_id"), parentId);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
