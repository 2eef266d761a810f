package com.orchestration.capacity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orchestration.capacity.RebalancingRecords.Deferral;
import com.orchestration.capacity.RebalancingRecords.Loan;
import com.orchestration.capacity.RebalancingRecords.Proposal;
import com.orchestration.organization.Domain;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Tables {@code rebalancing_proposal}, {@code rebalancing_deferral}, {@code rebalancing_domain}, {@code domain_loan}. */
@Repository
class RebalancingRepository {

  static final String TEAM = "team";
  static final String DOMAIN = "domain";
  static final String PROPOSED = "proposed";
  static final String APPROVED = "approved";
  static final String EDITED = "edited";
  static final String REJECTED = "rejected";
  static final String APPLIED = "applied";
  static final String ESCALATED = "escalated";

  private static final TypeReference<List<RebalancingMove>> MOVES = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};
  private static final TypeReference<Map<Long, String>> PRIORITIES = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  RebalancingRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  // ------------------------------------------------------------------------------------------------ proposals

  long insertProposal(Domain domain, String kind, String trigger, String processInstanceId,
      List<RebalancingMove> moves, Map<String, Object> details, Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into rebalancing_proposal (domain, kind, created_at, trigger_type, process_instance_id, state,
              moves_json, proposed_json, details_json)
            values (:domain, :kind, :now, :trigger, :pid, :state, :moves, :moves, :details)""")
        .param("domain", domain.value()).param("kind", kind).param("now", Timestamp.from(now))
        .param("trigger", trigger).param("pid", processInstanceId).param("state", PROPOSED)
        .param("moves", write(moves)).param("details", write(details))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** Records a decision; {@code moves} null keeps the stored ones. */
  void decide(long id, String state, String decision, List<RebalancingMove> moves, String decidedBy, String reason,
      Instant now) {
    // Two statements rather than coalesce(:moves, …): PostgreSQL cannot type a null parameter there.
    String setMoves = moves == null ? "" : ", moves_json = :moves";
    JdbcClient.StatementSpec spec = jdbc.sql("update rebalancing_proposal set state = :state, decision = :decision"
            + setMoves + ", decided_by = :by, decided_at = :now, reason = :reason where id = :id");
    if (moves != null) {
      spec = spec.param("moves", write(moves));
    }
    spec.param("state", state).param("decision", decision)
        .param("by", decidedBy).param("now", Timestamp.from(now)).param("reason", truncate(reason, 4000))
        .param("id", id)
        .update();
  }

  /** The proposal's actions ran: state applied, and what was done added to the details. */
  void markApplied(long id, Map<String, Object> details, Instant now) {
    jdbc.sql("update rebalancing_proposal set state = :state, applied_at = :now, details_json = :details "
            + "where id = :id")
        .param("state", APPLIED).param("now", Timestamp.from(now)).param("details", write(details)).param("id", id)
        .update();
  }

  void updateDetails(long id, Map<String, Object> details) {
    jdbc.sql("update rebalancing_proposal set details_json = :details where id = :id")
        .param("details", write(details)).param("id", id).update();
  }

  Optional<Proposal> findProposal(long id) {
    return jdbc.sql("select * from rebalancing_proposal where id = :id").param("id", id)
        .query(this::proposal).optional();
  }

  /** Newest first; open ones are included whatever the limit. */
  List<Proposal> proposals(Domain domainOrNull, int limit) {
    String where = domainOrNull == null ? "" : " where domain = :domain";
    JdbcClient.StatementSpec spec = jdbc.sql("select * from rebalancing_proposal" + where
        + " order by id desc fetch first " + limit + " rows only");
    if (domainOrNull != null) {
      spec = spec.param("domain", domainOrNull.value());
    }
    return spec.query(this::proposal).list();
  }

  List<Proposal> openProposals(Domain domainOrNull) {
    String where = domainOrNull == null ? "" : " and domain = :domain";
    JdbcClient.StatementSpec spec = jdbc.sql("select * from rebalancing_proposal where state in (:proposed, "
            + ":escalated)" + where + " order by id")
        .param("proposed", PROPOSED).param("escalated", ESCALATED);
    if (domainOrNull != null) {
      spec = spec.param("domain", domainOrNull.value());
    }
    return spec.query(this::proposal).list();
  }

  /** When the domain's last proposal was rejected by a DL or dismissed by a TL, if ever. */
  Optional<Instant> lastRejectedAt(Domain domain) {
    return jdbc.sql("select max(decided_at) from rebalancing_proposal where domain = :domain and state = :rejected "
            + "and decision in ('reject', 'dismiss')")
        .param("domain", domain.value()).param("rejected", REJECTED)
        .query((rs, n) -> rs.getTimestamp(1)).optional().map(Timestamp::toInstant);
  }

  /**
   * Proposals of an instance that ended without a decision (cancelled in Cockpit) are closed as rejected with
   * decision {@code withdrawn}, so the API does not show them as open forever; how many.
   */
  int withdrawOpen(String processInstanceId, Instant now) {
    return jdbc.sql("update rebalancing_proposal set state = :rejected, decision = 'withdrawn', decided_by = 'system', "
            + "decided_at = :now, reason = 'the rebalancing ended without a decision' "
            + "where process_instance_id = :pid and state in (:proposed, :escalated)")
        .param("rejected", REJECTED).param("now", Timestamp.from(now)).param("pid", processInstanceId)
        .param("proposed", PROPOSED).param("escalated", ESCALATED)
        .update();
  }

  /** Locks the domain's row until the transaction ends: starts of one domain's rebalancing serialise. */
  void lockDomain(Domain domain) {
    jdbc.sql("select domain from rebalancing_domain where domain = :domain for update")
        .param("domain", domain.value()).query(String.class).optional();
  }

  // ------------------------------------------------------------------------------------------------ work items

  /** Tactical tasks of the domain that are ASSIGNED with a running lifecycle (waiting at "Start work"). */
  List<Long> assignedNotStarted(Domain domain) {
    return jdbc.sql("select id from work_item where domain = :domain and kind = 'TACTICAL' and state = 'ASSIGNED' "
            + "and process_instance_id is not null and assignee is not null order by id")
        .param("domain", domain.value()).query(Long.class).list();
  }

  /** Who holds an ASSIGNED, not started tactical task of the domain (one query, for the after-commit check). */
  Set<String> holdersOfAssignedNotStarted(Domain domain) {
    return new HashSet<>(jdbc.sql("select distinct assignee from work_item where domain = :domain "
            + "and kind = 'TACTICAL' and state = 'ASSIGNED' and process_instance_id is not null "
            + "and assignee is not null")
        .param("domain", domain.value()).query(String.class).list());
  }

  /** Tactical tasks of the domain waiting for someone to work on them: PENDING, ASSIGNED, ESCALATED; oldest first. */
  List<Long> queuedTasks(Domain domain, int limit) {
    return jdbc.sql("select id from work_item where domain = :domain and kind = 'TACTICAL' "
            + "and state in ('PENDING', 'ASSIGNED', 'ESCALATED') order by id fetch first " + limit + " rows only")
        .param("domain", domain.value()).query(Long.class).list();
  }

  /** Open strategic tasks of the domain without an open deferral. */
  List<Long> deferrableStrategicTasks(Domain domain) {
    return jdbc.sql("""
            select w.id from work_item w where w.domain = :domain and w.kind = 'STRATEGIC'
              and w.state not in ('COMPLETED', 'CANCELLED')
              and not exists (select 1 from rebalancing_deferral d where d.work_item_id = w.id and d.undone_at is null)
            order by w.id""")
        .param("domain", domain.value()).query(Long.class).list();
  }

  // ------------------------------------------------------------------------------------------------ loans

  long insertLoan(String personId, Domain domain, Instant lentAt, Instant endsAt, String lentBy, Long proposalId,
      String reason) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into domain_loan (person_id, domain, lent_at, ends_at, lent_by, proposal_id, reason)
            values (:person, :domain, :lentAt, :endsAt, :lentBy, :proposal, :reason)""")
        .param("person", personId).param("domain", domain.value()).param("lentAt", Timestamp.from(lentAt))
        .param("endsAt", Timestamp.from(endsAt)).param("lentBy", lentBy).param("proposal", proposalId)
        .param("reason", truncate(reason, 1000))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  Optional<Loan> findLoan(long id) {
    return jdbc.sql(LOAN_SELECT + " where l.id = :id").param("id", id).query(RebalancingRepository::loan).optional();
  }

  /** Loans not returned (some may be past their end until the hourly run returns them), oldest first. */
  List<Loan> unreturnedLoans() {
    return jdbc.sql(LOAN_SELECT + " where l.returned_at is null order by l.id").query(RebalancingRepository::loan)
        .list();
  }

  List<Loan> recentLoans(int limit) {
    return jdbc.sql(LOAN_SELECT + " order by l.id desc fetch first " + limit + " rows only")
        .query(RebalancingRepository::loan).list();
  }

  /** Marks the loan returned; false when it already was. */
  boolean returnLoan(long id, String by, Instant at) {
    return jdbc.sql("update domain_loan set returned_at = :at, returned_by = :by where id = :id "
            + "and returned_at is null")
        .param("at", Timestamp.from(at)).param("by", by).param("id", id).update() > 0;
  }

  /** Loans whose end has passed are returned as of their end; how many. */
  int returnExpiredLoans(Instant now) {
    return jdbc.sql("update domain_loan set returned_at = ends_at, returned_by = 'system' "
            + "where returned_at is null and ends_at is not null and ends_at <= :now")
        .param("now", Timestamp.from(now)).update();
  }

  private static final String LOAN_SELECT = "select l.*, p.domain as home_domain from domain_loan l "
      + "join person p on p.id = l.person_id";

  private static Loan loan(ResultSet rs, int row) throws SQLException {
    Long proposal = rs.getObject("proposal_id") == null ? null : rs.getLong("proposal_id");
    return new Loan(rs.getLong("id"), rs.getString("person_id"), domain(rs.getString("home_domain")),
        domain(rs.getString("domain")), instant(rs, "lent_at"), instant(rs, "ends_at"), rs.getString("lent_by"),
        rs.getString("reason"), proposal, instant(rs, "returned_at"),
        rs.getString("returned_by"));
  }

  // ------------------------------------------------------------------------------------------------ deferrals

  long insertDeferral(long proposalId, long workItemId, Domain domain, Map<Long, String> previousPriorities,
      String by, Instant at, String reason) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into rebalancing_deferral (proposal_id, work_item_id, domain, previous_priorities, deferred_by,
              deferred_at, reason)
            values (:proposal, :item, :domain, :previous, :by, :at, :reason)""")
        .param("proposal", proposalId).param("item", workItemId).param("domain", domain.value())
        .param("previous", write(previousPriorities)).param("by", by).param("at", Timestamp.from(at))
        .param("reason", truncate(reason, 1000))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  Optional<Deferral> findDeferral(long id) {
    return jdbc.sql(DEFERRAL_SELECT + " where d.id = :id").param("id", id).query(this::deferral).optional();
  }

  List<Deferral> recentDeferrals(int limit) {
    return jdbc.sql(DEFERRAL_SELECT + " order by d.id desc fetch first " + limit + " rows only")
        .query(this::deferral).list();
  }

  boolean undoDeferral(long id, String by, Instant at) {
    return jdbc.sql("update rebalancing_deferral set undone_by = :by, undone_at = :at where id = :id "
            + "and undone_at is null")
        .param("by", by).param("at", Timestamp.from(at)).param("id", id).update() > 0;
  }

  private static final String DEFERRAL_SELECT = "select d.*, w.instruction_key, w.task_key from rebalancing_deferral d "
      + "join work_item w on w.id = d.work_item_id";

  private Deferral deferral(ResultSet rs, int row) throws SQLException {
    return new Deferral(rs.getLong("id"), rs.getLong("proposal_id"), rs.getLong("work_item_id"),
        rs.getString("instruction_key"), rs.getString("task_key"), domain(rs.getString("domain")),
        read(rs.getString("previous_priorities"), PRIORITIES), rs.getString("deferred_by"),
        instant(rs, "deferred_at"), rs.getString("reason"), rs.getString("undone_by"), instant(rs, "undone_at"));
  }

  // ------------------------------------------------------------------------------------------------ mapping

  private Proposal proposal(ResultSet rs, int row) throws SQLException {
    List<RebalancingMove> moves = read(rs.getString("moves_json"), MOVES);
    List<RebalancingMove> proposed = read(rs.getString("proposed_json"), MOVES);
    Map<String, Object> details = read(rs.getString("details_json"), DETAILS);
    return new Proposal(rs.getLong("id"), domain(rs.getString("domain")), rs.getString("kind"),
        rs.getString("trigger_type"), rs.getString("state"), rs.getString("decision"), instant(rs, "created_at"),
        rs.getString("process_instance_id"), moves == null ? List.of() : moves,
        proposed == null ? List.of() : proposed, details == null ? Map.of() : details, rs.getString("decided_by"),
        instant(rs, "decided_at"), rs.getString("reason"), instant(rs, "applied_at"));
  }

  private String write(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Rebalancing data cannot be written as JSON", e);
    }
  }

  private <T> T read(String text, TypeReference<T> type) {
    if (text == null) {
      return null;
    }
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored rebalancing data is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static Domain domain(String value) {
    return value == null ? null : Domain.parse(value).orElse(null);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
