package com.orchestration.insight;

import com.orchestration.lifecycle.Complexity;
import com.orchestration.platform.FiredRule;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes of calibration (SPEC §11): tier outcomes of completed instructions and the performance samples of
 * one person. Every read is one set-based statement, aggregated in SQL where the rows could be many. Portable SQL
 * (H2 2.3, PostgreSQL 15).
 */
@Repository
class CalibrationRepository {

  /** The size of a completed instruction: its completed tactical tasks, their hours, and the domains it touched. */
  record Size(int tacticalTasks, double actualHours, List<String> domains) {}

  /** How many outcomes of the filter have this classified, final and implied tier. */
  record TierCell(int classifiedTier, int finalTier, int impliedTier, long count) {}

  /**
   * How often a rule of the tier-classification DRD fired on an instruction of the filter, and how often that
   * instruction's classified tier turned out higher or lower than its implied tier.
   */
  record RuleCount(String decision, String ruleId, long fired, long classifiedTooHigh, long classifiedTooLow) {}

  /** One performance sample of a person with the task it belongs to. */
  record Sample(String instructionKey, String taskKey, Complexity complexity, double estimateHours,
      double actualHours, boolean firstTimeApproved, Instant completedAt) {}

  /**
   * Which outcomes a report covers: completed at or after {@code from} and before {@code to}, touching {@code domain}
   * — each only when not null.
   */
  record Filter(Instant from, Instant to, String domain) {

    String where(String alias) {
      List<String> conditions = new ArrayList<>();
      conditions.add("1 = 1");
      if (from != null) {
        conditions.add(alias + ".completed_at >= :from");
      }
      if (to != null) {
        conditions.add(alias + ".completed_at < :to");
      }
      if (domain != null) {
        conditions.add("exists (select 1 from tier_outcome_domain d where d.instruction_key = " + alias
            + ".instruction_key and d.domain = :domain)");
      }
      return " where " + String.join(" and ", conditions);
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
      if (from != null) {
        spec = spec.param("from", Timestamp.from(from));
      }
      if (to != null) {
        spec = spec.param("to", Timestamp.from(to));
      }
      return domain == null ? spec : spec.param("domain", domain);
    }
  }

  private final JdbcClient jdbc;

  CalibrationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Size sizeOf(String instructionKey) {
    Object[] totals = jdbc.sql("""
            select count(*), coalesce(sum(hours_spent), 0) from work_item
            where instruction_key = :key and kind = 'TACTICAL' and state = 'COMPLETED'""")
        .param("key", instructionKey)
        .query((rs, n) -> new Object[] {rs.getInt(1), rs.getBigDecimal(2)}).single();
    List<String> domains = jdbc.sql("select distinct domain from work_item where instruction_key = :key "
            + "and kind = 'TACTICAL' and state = 'COMPLETED' order by domain")
        .param("key", instructionKey).query(String.class).list();
    return new Size((Integer) totals[0], ((BigDecimal) totals[1]).doubleValue(), domains);
  }

  boolean outcomeExists(String instructionKey) {
    return jdbc.sql("select count(*) from tier_outcome where instruction_key = :key").param("key", instructionKey)
        .query(Integer.class).single() > 0;
  }

  void insertOutcome(String instructionKey, int classifiedTier, int finalTier, int impliedTier, String impliedRule,
      Size size, Instant completedAt, Collection<String> domains, Collection<FiredRule> rules) {
    jdbc.sql("""
            insert into tier_outcome (instruction_key, classified_tier, final_tier, implied_tier, implied_rule,
              total_actual_hours, tactical_task_count, completed_at)
            values (:key, :classified, :final, :implied, :rule, :hours, :count, :at)""")
        .param("key", instructionKey).param("classified", classifiedTier).param("final", finalTier)
        .param("implied", impliedTier).param("rule", impliedRule)
        .param("hours", BigDecimal.valueOf(size.actualHours())).param("count", size.tacticalTasks())
        .param("at", Timestamp.from(completedAt))
        .update();
    for (String domain : domains) {
      jdbc.sql("insert into tier_outcome_domain (instruction_key, domain) values (?, ?)")
          .params(instructionKey, domain).update();
    }
    for (FiredRule rule : rules) {
      jdbc.sql("insert into tier_outcome_rule (instruction_key, decision_key, rule_id) values (?, ?, ?)")
          .params(instructionKey, rule.decision(), rule.ruleId()).update();
    }
  }

  List<TierCell> tierCells(Filter filter) {
    return filter.bind(jdbc.sql("select o.classified_tier, o.final_tier, o.implied_tier, count(*) from tier_outcome o"
            + filter.where("o") + " group by o.classified_tier, o.final_tier, o.implied_tier"))
        .query((rs, n) -> new TierCell(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getLong(4)))
        .list();
  }

  List<RuleCount> ruleCounts(Filter filter) {
    return filter.bind(jdbc.sql("""
            select r.decision_key, r.rule_id, count(*),
              sum(case when o.classified_tier > o.implied_tier then 1 else 0 end),
              sum(case when o.classified_tier < o.implied_tier then 1 else 0 end)
            from tier_outcome_rule r join tier_outcome o on o.instruction_key = r.instruction_key"""
            + filter.where("o") + " group by r.decision_key, r.rule_id"))
        .query((rs, n) -> new RuleCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
            rs.getLong(5)))
        .list();
  }

  /** Every performance sample of the person, newest first (the order recentPerformance reads them in). */
  List<Sample> samplesOf(String personId) {
    List<Sample> samples = new ArrayList<>();
    jdbc.sql("""
            select w.instruction_key, w.task_key, s.complexity, s.estimate_hours, s.actual_hours,
              s.first_time_approved, s.completed_at
            from performance_sample s join work_item w on w.id = s.work_item_id
            where s.person_id = :person
            order by s.completed_at desc, s.id desc""")
        .param("person", personId)
        .query(rs -> {
          samples.add(new Sample(rs.getString(1), rs.getString(2), Complexity.valueOf(rs.getString(3)),
              rs.getDouble(4), rs.getDouble(5), rs.getBoolean(6), rs.getTimestamp(7).toInstant()));
        });
    return samples;
  }
}
