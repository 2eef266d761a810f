package com.orchestration.intake;

import com.orchestration.lifecycle.Priority;
import com.orchestration.platform.Texts;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Tables {@code instruction}, {@code instruction_decision}, {@code plan_submission}, {@code instruction_counter}. */
@Repository
class InstructionRepository {

  private static final String COLUMNS = """
      instruction_key, title, description, work_type, work_type_inferred, affected_domains, scope_flags, priority,
      deadline, customer_commitment, estimate_hours, tier, classified_tier, tier_confidence, tier_reason, state,
      objective, answer, risk_scores, risk_outcome, checkpoints, go_no_go, submitted_by, process_instance_id,
      created_at, updated_at, version""";

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;

  InstructionRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * The next number of the day, under the day's row lock. The first instruction of a day inserts the row; when two
   * race for that, the loser's insert fails on the primary key. On PostgreSQL a failed statement aborts the whole
   * transaction, so the insert runs under a savepoint (a nested transaction) that alone is rolled back, and the loser
   * then increments the winner's row.
   */
  int nextNumber(LocalDate day) {
    int updated = increment(day);
    if (updated == 0) {
      try {
        savepoint.executeWithoutResult(status ->
            jdbc.sql("insert into instruction_counter (counter_day, last_number) values (?, 1)").param(day).update());
        return 1;
      } catch (DuplicateKeyException raced) {
        increment(day);
      }
    }
    return jdbc.sql("select last_number from instruction_counter where counter_day = ?").param(day)
        .query(Integer.class).single();
  }

  private int increment(LocalDate day) {
    return jdbc.sql("update instruction_counter set last_number = last_number + 1 where counter_day = ?")
        .param(day).update();
  }

  void insert(Instruction i) {
    jdbc.sql("insert into instruction (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?, ?, ?, ?, ?, ?, ?, 0)")
        .params(i.key(), i.title(), i.description(), i.workType().name(), i.workTypeInferred(),
            String.join(",", i.affectedDomains()), String.join(",", i.scopeFlags()), i.priority().name(),
            ts(i.deadline()), i.customerCommitment(), BigDecimal.valueOf(i.estimateHours()), i.tier(),
            i.classifiedTier(), BigDecimal.valueOf(i.tierConfidence()), i.tierReason(), i.state().name(),
            i.objective(), i.answer(), null, null, null, null, i.submittedBy(), i.processInstanceId(),
            ts(i.createdAt()), ts(i.updatedAt()))
        .update();
  }

  Optional<Instruction> find(String key) {
    return jdbc.sql("select " + COLUMNS + " from instruction where instruction_key = ?").param(key)
        .query(InstructionRepository::map).optional();
  }

  /** Newest first; null filters match everything. */
  /**
   * Progress of many instructions in one statement, by the rule of {@link InstructionService#progress}: completed
   * tactical tasks / (tactical tasks not cancelled + open strategic tasks without a breakdown yet). Instructions without
   * work items are absent.
   */
  Map<String, Double> progress(java.util.Collection<String> keys) {
    Map<String, Double> progress = new java.util.HashMap<>();
    if (keys.isEmpty()) {
      return progress;
    }
    jdbc.sql("""
            select w.instruction_key,
              sum(case when w.kind = 'TACTICAL' and w.state = 'COMPLETED' then 1 else 0 end) as completed,
              sum(case when w.kind = 'TACTICAL' and w.state <> 'CANCELLED' then 1 else 0 end)
              + sum(case when w.kind = 'STRATEGIC' and w.state not in ('COMPLETED', 'CANCELLED')
                  and not exists (select 1 from work_item c where c.instruction_key = w.instruction_key
                    and c.kind = 'TACTICAL' and c.parent_task_key = w.task_key) then 1 else 0 end) as total
            from work_item w
            where w.instruction_key = any(:keys)
            group by w.instruction_key""")
        .param("keys", keys.toArray(new String[0]))
        .query((rs, n) -> progress.put(rs.getString("instruction_key"),
            InstructionService.progress(rs.getLong("completed"), rs.getLong("total"))))
        .list();
    return progress;
  }

  List<Instruction> search(InstructionState state, Integer tier, Priority priority, int limit) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from instruction where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (state != null) {
      sql.append(" and state = ?");
      params.add(state.name());
    }
    if (tier != null) {
      sql.append(" and tier = ?");
      params.add(tier);
    }
    if (priority != null) {
      sql.append(" and priority = ?");
      params.add(priority.name());
    }
    sql.append(" order by created_at desc, instruction_key desc fetch first ").append(limit).append(" rows only");
    return jdbc.sql(sql.toString()).params(params).query(InstructionRepository::map).list();
  }

  /** Open instructions in the given states, oldest first. */
  List<Instruction> inStates(List<InstructionState> states) {
    String marks = String.join(", ", states.stream().map(s -> "'" + s.name() + "'").toList());
    return jdbc.sql("select " + COLUMNS + " from instruction where state in (" + marks
        + ") order by created_at, instruction_key").query(InstructionRepository::map).list();
  }

  void updateState(String key, InstructionState state, Instant now) {
    jdbc.sql("update instruction set state = ?, updated_at = ?, version = version + 1 where instruction_key = ?")
        .params(state.name(), ts(now), key).update();
  }

  void updateTier(String key, int tier, Instant now) {
    jdbc.sql("update instruction set tier = ?, updated_at = ?, version = version + 1 where instruction_key = ?")
        .params(tier, ts(now), key).update();
  }

  void linkProcessInstance(String key, String processInstanceId) {
    jdbc.sql("update instruction set process_instance_id = ? where instruction_key = ?")
        .params(processInstanceId, key).update();
  }

  void updatePlan(String key, String objective, List<Integer> riskScores, Instant now) {
    jdbc.sql("update instruction set objective = ?, risk_scores = ?, updated_at = ?, version = version + 1 "
            + "where instruction_key = ?")
        .params(objective, String.join(",", riskScores.stream().map(String::valueOf).toList()), ts(now), key)
        .update();
  }

  void updateRisk(String key, String riskOutcome, List<String> checkpoints, Instant now) {
    jdbc.sql("update instruction set risk_outcome = ?, checkpoints = ?, updated_at = ?, version = version + 1 "
            + "where instruction_key = ?")
        .params(riskOutcome, checkpoints == null ? null : String.join(",", checkpoints), ts(now), key).update();
  }

  void updateAnswer(String key, String answer, Instant now) {
    jdbc.sql("update instruction set answer = ?, updated_at = ?, version = version + 1 where instruction_key = ?")
        .params(answer, ts(now), key).update();
  }

  void updateGoNoGo(String key, String decision, Instant now) {
    jdbc.sql("update instruction set go_no_go = ?, updated_at = ?, version = version + 1 where instruction_key = ?")
        .params(decision, ts(now), key).update();
  }

  void insertDecision(String key, String kind, String subject, String outcome, String reason, String actor,
      Instant at) {
    jdbc.sql("""
            insert into instruction_decision (instruction_key, kind, subject, outcome, reason, actor, occurred_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(key, kind, subject, outcome, Texts.abbreviate(reason, 10_000), actor, ts(at)).update();
  }

  List<InstructionDecision> decisions(String key) {
    return jdbc.sql("select id, instruction_key, kind, subject, outcome, reason, actor, occurred_at "
            + "from instruction_decision where instruction_key = ? order by id")
        .param(key)
        .query(InstructionRepository::decision)
        .list();
  }

  private static InstructionDecision decision(ResultSet rs, int row) throws SQLException {
    return new InstructionDecision(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant());
  }

  /** The EM's decisions by hand between two of these instructions (arbitration EM_START / EM_WAIT), oldest first. */
  List<InstructionDecision> emArbitrations(List<String> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select id, instruction_key, kind, subject, outcome, reason, actor, occurred_at "
            + "from instruction_decision where kind = 'arbitration' and outcome in ('EM_START', 'EM_WAIT') "
            + "and subject in (:keys) and instruction_key in (:keys) order by id")
        .param("keys", keys)
        .query(InstructionRepository::decision)
        .list();
  }

  void saveSubmission(String key, String scope, String tasksJson, String warnings, String actor, Instant at) {
    jdbc.sql("delete from plan_submission where instruction_key = ? and scope = ?").params(key, scope).update();
    jdbc.sql("insert into plan_submission (instruction_key, scope, tasks_json, warnings, submitted_by, submitted_at) "
            + "values (?, ?, ?, ?, ?, ?)")
        .params(key, scope, tasksJson, Texts.abbreviate(warnings, 4000), actor, ts(at)).update();
  }

  Optional<String> submission(String key, String scope) {
    return jdbc.sql("select tasks_json from plan_submission where instruction_key = ? and scope = ?")
        .params(key, scope).query(String.class).optional();
  }

  /** Open instructions' estimates in admitted-but-unplanned states (SPEC §4.3 pipeline load), except one. */
  double pipelineHours(String except) {
    BigDecimal sum = jdbc.sql("select coalesce(sum(estimate_hours), 0) from instruction "
            + "where state in ('PLANNING', 'RISK_REVIEW') and instruction_key <> ?")
        .param(except).query(BigDecimal.class).single();
    return sum.doubleValue();
  }

  private static Instruction map(ResultSet rs, int row) throws SQLException {
    String scores = rs.getString("risk_scores");
    String checkpoints = rs.getString("checkpoints");
    return new Instruction(rs.getString("instruction_key"), rs.getString("title"), rs.getString("description"),
        WorkType.valueOf(rs.getString("work_type")), rs.getBoolean("work_type_inferred"),
        split(rs.getString("affected_domains")), split(rs.getString("scope_flags")),
        Priority.valueOf(rs.getString("priority")), instant(rs.getTimestamp("deadline")),
        rs.getBoolean("customer_commitment"), rs.getBigDecimal("estimate_hours").doubleValue(), rs.getInt("tier"),
        rs.getInt("classified_tier"), rs.getBigDecimal("tier_confidence").doubleValue(), rs.getString("tier_reason"),
        InstructionState.valueOf(rs.getString("state")), rs.getString("objective"), rs.getString("answer"),
        scores == null ? List.of() : split(scores).stream().map(Integer::valueOf).toList(),
        rs.getString("risk_outcome"), checkpoints == null ? List.of() : split(checkpoints),
        rs.getString("go_no_go"), rs.getString("submitted_by"), rs.getString("process_instance_id"),
        instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")), rs.getInt("version"));
  }

  private static List<String> split(String csv) {
    return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).toList();
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }

}
