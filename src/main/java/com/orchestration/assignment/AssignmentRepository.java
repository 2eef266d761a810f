package com.orchestration.assignment;

import com.orchestration.organization.Domain;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** JDBC access to assignment rows, domain loans and performance samples; set-based reads for ranking. */
@Repository
class AssignmentRepository {

  private final JdbcClient jdbc;

  AssignmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * People with an open loan to this domain (SPEC §8.5): not returned, and not past its end — a loan whose end has
   * passed stops counting at once, before the hourly rebalancing run marks it returned.
   */
  List<String> lentTo(Domain domain, Instant now) {
    return jdbc.sql("select distinct person_id from domain_loan where domain = :domain and returned_at is null "
            + "and (ends_at is null or ends_at > :now) order by person_id")
        .param("domain", domain.value())
        .param("now", Timestamp.from(now))
        .query(String.class).list();
  }

  /** The last {@code perPerson} samples of each person, newest first, for all of them in one query. */
  Map<String, List<PerformanceSample>> recentSamples(Collection<String> personIds, int perPerson) {
    Map<String, List<PerformanceSample>> result = new HashMap<>();
    if (personIds.isEmpty()) {
      return result;
    }
    jdbc.sql("""
            select person_id, estimate_hours, actual_hours, first_time_approved from (
              select person_id, estimate_hours, actual_hours, first_time_approved, completed_at, id,
                     row_number() over (partition by person_id order by completed_at desc, id desc) as recency
              from performance_sample where person_id in (:ids)) recent
            where recency <= :limit
            order by person_id, completed_at desc, id desc""")
        .param("ids", personIds)
        .param("limit", perPerson)
        .query(rs -> {
          result.computeIfAbsent(rs.getString("person_id"), id -> new ArrayList<>()).add(new PerformanceSample(
              rs.getDouble("estimate_hours"), rs.getDouble("actual_hours"), rs.getBoolean("first_time_approved")));
        });
    return result;
  }

  void insert(long workItemId, ScoredCandidate chosen, ScoredCandidate runnerUp, String rationale,
      String decidedBy, Instant decidedAt) {
    jdbc.sql("""
            insert into assignment (work_item_id, assignee, score, skill_match, workload, complexity_fit,
              learning_opportunity, recent_performance, runner_up, runner_up_score, rationale, decided_by, decided_at)
            values (:item, :assignee, :score, :skill, :workload, :fit, :learning, :performance, :runnerUp,
              :runnerUpScore, :rationale, :decidedBy, :decidedAt)""")
        .param("item", workItemId)
        .param("assignee", chosen.personId())
        .param("score", decimal(chosen.score()))
        .param("skill", decimal(chosen.skillMatch()))
        .param("workload", chosen.workload() == null ? null : decimal(chosen.workload()))
        .param("fit", decimal(chosen.complexityFit()))
        .param("learning", decimal(chosen.learningOpportunity()))
        .param("performance", decimal(chosen.recentPerformance()))
        .param("runnerUp", runnerUp == null ? null : runnerUp.personId())
        .param("runnerUpScore", runnerUp == null ? null : decimal(runnerUp.score()))
        .param("rationale", rationale.length() > 500 ? rationale.substring(0, 500) : rationale)
        .param("decidedBy", decidedBy)
        .param("decidedAt", Timestamp.from(decidedAt))
        .update();
  }

  /** Closes the current assignment of the task (a reassignment follows in the same transaction). */
  void supersede(long workItemId, Instant at) {
    jdbc.sql("update assignment set superseded_at = :at where work_item_id = :item and superseded_at is null")
        .param("at", Timestamp.from(at))
        .param("item", workItemId)
        .update();
  }

  /** Assignment rows of a task, oldest first. */
  List<AssignmentRecord> history(long workItemId) {
    return jdbc.sql("select * from assignment where work_item_id = :item order by id")
        .param("item", workItemId)
        .query((rs, n) -> new AssignmentRecord(
            rs.getLong("work_item_id"), rs.getString("assignee"), number(rs.getBigDecimal("score")),
            number(rs.getBigDecimal("skill_match")), number(rs.getBigDecimal("workload")),
            number(rs.getBigDecimal("complexity_fit")), number(rs.getBigDecimal("learning_opportunity")),
            number(rs.getBigDecimal("recent_performance")), rs.getString("runner_up"),
            number(rs.getBigDecimal("runner_up_score")), rs.getString("rationale"), rs.getString("decided_by"),
            rs.getTimestamp("decided_at").toInstant(),
            Optional.ofNullable(rs.getTimestamp("superseded_at")).map(Timestamp::toInstant).orElse(null)))
        .list();
  }

  private static BigDecimal decimal(double value) {
    return BigDecimal.valueOf(value).setScale(4, java.math.RoundingMode.HALF_UP);
  }

  private static Double number(BigDecimal value) {
    return value == null ? null : value.doubleValue();
  }
}
