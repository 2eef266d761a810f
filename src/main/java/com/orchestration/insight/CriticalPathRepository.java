package com.orchestration.insight;

import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.organization.Domain;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read side of critical paths: work items, their dependencies, the instructions, baselines and latest slips of
 * any number of instructions, one query each (never one per task or per instruction). Read-only over the tables of
 * lifecycle and intake; portable SQL (H2 2.3, PostgreSQL 15).
 */
@Repository
class CriticalPathRepository {

  private final JdbcClient jdbc;

  CriticalPathRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A work item as the critical path needs it; cancelled ones too (they tell whether an ST was broken down). */
  record Item(long id, String instructionKey, String taskKey, TaskKind kind, String parentTaskKey, Domain domain,
      String title, double estimateHours, double hoursSpent, Double remainingHours, String assignee, TaskState state,
      String processInstanceId) {

    /** max(0, reported remaining, else estimate − spent), uncalibrated. */
    double remaining() {
      return Math.max(0, remainingHours != null ? remainingHours : estimateHours - hoursSpent);
    }
  }

  /** {@code workItemId} waits for {@code dependsOnId}. */
  record Dependency(long workItemId, long dependsOnId) {}

  record InstructionRow(String instructionKey, String title, int tier, String state) {}

  /** A baseline the EM accepted, and the projection at her last decision (the next slip is measured from there). */
  record Baseline(String instructionKey, Double baselineHours, Double referenceHours, String setBy, Instant setAt) {}

  List<Item> items(Collection<String> instructionKeys) {
    if (instructionKeys.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            select id, instruction_key, task_key, kind, parent_task_key, domain, title, estimate_hours, hours_spent,
              remaining_hours, assignee, state, process_instance_id
            from work_item where instruction_key in (:keys)
            order by instruction_key, id""")
        .param("keys", instructionKeys)
        .query((rs, n) -> new Item(rs.getLong(1), rs.getString(2), rs.getString(3), TaskKind.valueOf(rs.getString(4)),
            rs.getString(5), Domain.parse(rs.getString(6)).orElse(null), rs.getString(7), rs.getDouble(8),
            rs.getDouble(9), decimal(rs.getBigDecimal(10)), rs.getString(11), TaskState.valueOf(rs.getString(12)),
            rs.getString(13)))
        .list();
  }

  List<Dependency> dependencies(Collection<String> instructionKeys) {
    if (instructionKeys.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            select d.work_item_id, d.depends_on_id
            from work_item_dependency d join work_item w on w.id = d.work_item_id
            where w.instruction_key in (:keys)""")
        .param("keys", instructionKeys)
        .query((rs, n) -> new Dependency(rs.getLong(1), rs.getLong(2)))
        .list();
  }

  Map<String, InstructionRow> instructions(Collection<String> instructionKeys) {
    Map<String, InstructionRow> rows = new HashMap<>();
    if (instructionKeys.isEmpty()) {
      return rows;
    }
    jdbc.sql("select instruction_key, title, tier, state from instruction where instruction_key in (:keys)")
        .param("keys", instructionKeys)
        .query((rs, n) -> rows.put(rs.getString(1), new InstructionRow(rs.getString(1), rs.getString(2),
            rs.getInt(3), rs.getString(4))))
        .list();
    return rows;
  }

  Map<String, Baseline> baselines(Collection<String> instructionKeys) {
    Map<String, Baseline> rows = new HashMap<>();
    if (instructionKeys.isEmpty()) {
      return rows;
    }
    jdbc.sql("""
            select instruction_key, baseline_hours, reference_hours, set_by, set_at
            from critical_path_baseline where instruction_key in (:keys)""")
        .param("keys", instructionKeys)
        .query((rs, n) -> rows.put(rs.getString(1), new Baseline(rs.getString(1), decimal(rs.getBigDecimal(2)),
            decimal(rs.getBigDecimal(3)), rs.getString(4), instant(rs.getTimestamp(5)))))
        .list();
    return rows;
  }

  /** The newest slip of each instruction that has one. */
  Map<String, CriticalPath.ScopeReview> latestSlips(Collection<String> instructionKeys) {
    Map<String, CriticalPath.ScopeReview> rows = new HashMap<>();
    if (instructionKeys.isEmpty()) {
      return rows;
    }
    jdbc.sql("""
            select s.instruction_key, s.slip_number, s.state, s.detected_at, s.projected_hours, s.baseline_hours,
              s.slip_ratio, s.process_instance_id
            from critical_path_slip s
            where s.instruction_key in (:keys)
              and s.slip_number = (select max(l.slip_number) from critical_path_slip l
                                   where l.instruction_key = s.instruction_key)""")
        .param("keys", instructionKeys)
        .query((rs, n) -> rows.put(rs.getString(1), new CriticalPath.ScopeReview(rs.getInt(2), rs.getString(3),
            instant(rs.getTimestamp(4)), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getString(8))))
        .list();
    return rows;
  }

  static Double decimal(BigDecimal value) {
    return value == null ? null : value.doubleValue();
  }

  static Instant instant(Timestamp value) {
    return value == null ? null : value.toInstant();
  }
}
