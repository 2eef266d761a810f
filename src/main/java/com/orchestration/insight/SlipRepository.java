package com.orchestration.insight;

import static com.orchestration.insight.CriticalPathRepository.decimal;
import static com.orchestration.insight.CriticalPathRepository.instant;

import com.orchestration.platform.Texts;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Baselines and slips (V13); written only through {@link SlipDetection}. Portable SQL (H2 2.3, PostgreSQL 15). */
@Repository
class SlipRepository {

  private static final String SLIP_COLUMNS = """
      id, instruction_key, slip_number, detected_at, original_hours, baseline_hours, projected_hours, slip_ratio,
      remaining_hours, projected_completion, critical_path, domains, rule_id, rule_reason, state, decided_by,
      decided_at, decision_reason, cancelled_tasks, process_instance_id""";

  private final JdbcClient jdbc;

  SlipRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One slip as stored; {@code path} and {@code domains} are the critical path and its domains when detected. */
  record Slip(long id, String instructionKey, int slipNumber, Instant detectedAt, double originalHours,
      double baselineHours, double projectedHours, double slipRatio, double remainingHours,
      Instant projectedCompletion, List<String> path, List<String> domains, String ruleId, String ruleReason,
      String state, String decidedBy, Instant decidedAt, String decisionReason, String cancelledTasks,
      String processInstanceId) {}

  boolean baselineExists(String instructionKey) {
    return jdbc.sql("select count(*) from critical_path_baseline where instruction_key = :key")
        .param("key", instructionKey).query(Integer.class).single() > 0;
  }

  void insertBaseline(String instructionKey) {
    jdbc.sql("insert into critical_path_baseline (instruction_key) values (:key)").param("key", instructionKey)
        .update();
  }

  /** Locks the instruction's baseline row until the transaction ends. */
  CriticalPathRepository.Baseline lockBaseline(String instructionKey) {
    return jdbc.sql("""
            select instruction_key, baseline_hours, reference_hours, set_by, set_at
            from critical_path_baseline where instruction_key = :key for update""")
        .param("key", instructionKey)
        .query((rs, n) -> new CriticalPathRepository.Baseline(rs.getString(1), decimal(rs.getBigDecimal(2)),
            decimal(rs.getBigDecimal(3)), rs.getString(4), instant(rs.getTimestamp(5))))
        .single();
  }

  /** The EM accepted {@code hours} as the new baseline; the next slip is measured from there. */
  void acceptBaseline(String instructionKey, double hours, String actor, Instant at) {
    jdbc.sql("""
            update critical_path_baseline set baseline_hours = :hours, reference_hours = :hours, set_by = :actor,
              set_at = :at where instruction_key = :key""")
        .param("hours", BigDecimal.valueOf(hours)).param("actor", actor).param("at", Timestamp.from(at))
        .param("key", instructionKey).update();
  }

  /** The EM decided a slip without a new baseline: the next one is measured from this projection. */
  void setReference(String instructionKey, double hours) {
    jdbc.sql("update critical_path_baseline set reference_hours = :hours where instruction_key = :key")
        .param("hours", BigDecimal.valueOf(hours)).param("key", instructionKey).update();
  }

  boolean hasOpenSlip(String instructionKey) {
    return jdbc.sql("select count(*) from critical_path_slip where instruction_key = :key and state = 'OPEN'")
        .param("key", instructionKey).query(Integer.class).single() > 0;
  }

  int nextSlipNumber(String instructionKey) {
    return jdbc.sql("select coalesce(max(slip_number), 0) + 1 from critical_path_slip where instruction_key = :key")
        .param("key", instructionKey).query(Integer.class).single();
  }

  long insert(Slip slip) {
    jdbc.sql("""
            insert into critical_path_slip (instruction_key, slip_number, detected_at, original_hours, baseline_hours,
              projected_hours, slip_ratio, remaining_hours, projected_completion, critical_path, domains, rule_id,
              rule_reason, state)
            values (:key, :number, :detected, :original, :baseline, :projected, :ratio, :remaining, :completion, :path,
              :domains, :rule, :reason, 'OPEN')""")
        .param("key", slip.instructionKey()).param("number", slip.slipNumber())
        .param("detected", Timestamp.from(slip.detectedAt()))
        .param("original", BigDecimal.valueOf(slip.originalHours()))
        .param("baseline", BigDecimal.valueOf(slip.baselineHours()))
        .param("projected", BigDecimal.valueOf(slip.projectedHours()))
        .param("ratio", BigDecimal.valueOf(slip.slipRatio()))
        .param("remaining", BigDecimal.valueOf(slip.remainingHours()))
        .param("completion", slip.projectedCompletion() == null ? null : Timestamp.from(slip.projectedCompletion()))
        .param("path", Texts.abbreviate(String.join(",", slip.path()), 4000))
        .param("domains", Texts.abbreviate(String.join(",", slip.domains()), 200))
        .param("rule", slip.ruleId()).param("reason", Texts.abbreviate(slip.ruleReason(), 1000))
        .update();
    return jdbc.sql("select id from critical_path_slip where instruction_key = :key and slip_number = :number")
        .param("key", slip.instructionKey()).param("number", slip.slipNumber()).query(Long.class).single();
  }

  void linkProcessInstance(long id, String processInstanceId) {
    jdbc.sql("update critical_path_slip set process_instance_id = :pi where id = :id")
        .param("pi", processInstanceId).param("id", id).update();
  }

  Optional<Slip> find(long id) {
    return jdbc.sql("select " + SLIP_COLUMNS + " from critical_path_slip where id = :id").param("id", id)
        .query(SlipRepository::slip).optional();
  }

  List<Slip> ofInstruction(String instructionKey) {
    return jdbc.sql("select " + SLIP_COLUMNS + " from critical_path_slip where instruction_key = :key "
            + "order by slip_number").param("key", instructionKey)
        .query(SlipRepository::slip).list();
  }

  /** Records the decision on an OPEN slip; false when it was decided already (a retried job). */
  boolean decide(long id, String state, String actor, Instant at, String reason, String cancelledTasks) {
    return jdbc.sql("""
            update critical_path_slip set state = :state, decided_by = :actor, decided_at = :at,
              decision_reason = :reason, cancelled_tasks = :cancelled
            where id = :id and state = 'OPEN'""")
        .param("state", state).param("actor", actor).param("at", Timestamp.from(at))
        .param("reason", Texts.abbreviate(reason, 4000)).param("cancelled", cancelledTasks).param("id", id)
        .update() > 0;
  }

  private static Slip slip(ResultSet rs, int row) throws SQLException {
    return new Slip(rs.getLong("id"), rs.getString("instruction_key"), rs.getInt("slip_number"),
        instant(rs.getTimestamp("detected_at")), rs.getDouble("original_hours"), rs.getDouble("baseline_hours"),
        rs.getDouble("projected_hours"), rs.getDouble("slip_ratio"), rs.getDouble("remaining_hours"),
        instant(rs.getTimestamp("projected_completion")), split(rs.getString("critical_path")),
        split(rs.getString("domains")), rs.getString("rule_id"), rs.getString("rule_reason"), rs.getString("state"),
        rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")), rs.getString("decision_reason"),
        rs.getString("cancelled_tasks"), rs.getString("process_instance_id"));
  }

  private static List<String> split(String value) {
    return value == null || value.isBlank() ? List.of() : Arrays.stream(value.split(",")).map(String::strip).toList();
  }

}
