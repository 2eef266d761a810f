package com.orchestration.insight;

import com.orchestration.assignment.PerformanceSample;
import com.orchestration.organization.Domain;
import com.orchestration.organization.OrganizationGroups;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind the metrics and bottlenecks (SPEC §10.1, §10.2): one set-based statement per metric family, never a
 * query per row. Aggregates that SQL says the same way on H2 2.3 and PostgreSQL 15 (count, sum, min, group by, the
 * window function {@code lead}) run in the database; durations and percentiles are computed in Java from the
 * timestamps a statement returns, because date arithmetic is spelled differently on the two databases.
 *
 * <p>Filters: {@code w} is always the work item the row belongs to ({@code w.domain}, {@code w.instruction_key});
 * instruction-level rows filter on {@code instruction.affected_domains} and the key. Period bounds are
 * {@code [from, to)}. The indexes these statements rely on are listed in {@code V15__metrics_indexes.sql}.
 */
@Repository
class MetricsRepository {

  /** Instruction progress lists at most this many instructions (newest first). */
  static final int MAX_INSTRUCTIONS = 200;

  /** Work items that count for state-based figures: tactical tasks, and strategic tasks in IN_PLANNING. */
  static final String COUNTED_KIND = "(w.kind = 'TACTICAL' or %s = 'IN_PLANNING')";

  private final JdbcClient jdbc;

  MetricsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ------------------------------------------------------------------------------------------------ rows returned

  /** A tactical task completed in the period: when it was created, first ASSIGNED and COMPLETED; its rework. */
  record Completion(Instant createdAt, Instant assignedAt, Instant completedAt, long reworkLoops) {}

  /** One entry into a state: when, when the next transition left it (null: still there), whether it breached. */
  record StateEntry(String state, Instant enteredAt, Instant leftAt, boolean breached) {}

  /** Tactical tasks active in the period (any transition in it), and how many escalated or blocked in it. */
  record Activity(long tasks, long escalated, long blocked) {}

  /** Review decisions of one gate, round and outcome. */
  record ReviewCount(String gate, int round, String outcome, long count) {}

  record Reassignments(long tasksAssigned, long superseded) {}

  record EstimateAccuracy(long samples, long withinTwentyPercent) {}

  record HandoffTiming(Instant startedAt, Instant acceptedAt, int rounds) {}

  record TierCount(int tier, int classifiedTier, long count) {}

  /** Open, unassigned, active Camunda user tasks of a candidate group, and the creation time of the oldest. */
  record GroupQueue(String group, long queued, Instant oldest) {}

  /** An open work item counted by the bottleneck report: its state and since when it is in it. */
  record OpenItem(String state, Instant enteredAt) {}

  /** An open user task of a gate process (cross-functional, architecture) and when it was created. */
  record GateTask(String gate, Instant createdAt) {}

  record Progress(String instructionKey, String title, int tier, String state, long completed, long total) {}

  // ------------------------------------------------------------------------------------------------ statements

  /** Whether any instruction or work item has this key. */
  boolean instructionExists(String key) {
    return jdbc.sql("""
            select (select count(*) from instruction where instruction_key = :ins)
              + (select count(*) from work_item where instruction_key = :ins)""")
        .param("ins", key).query(Long.class).single() > 0;
  }

  /** Tactical tasks that reached COMPLETED in the period; rework = review decisions that sent them back. */
  List<Completion> completions(MetricsQuery q) {
    Map<String, Object> p = period(q);
    return jdbc.sql("""
            select w.created_at, c.occurred_at as completed_at,
              (select min(a.occurred_at) from state_transition a
                where a.work_item_id = w.id and a.to_state = 'ASSIGNED') as assigned_at,
              (select count(*) from review r
                where r.work_item_id = w.id and r.outcome in ('changes', 'fixable')) as rework
            from state_transition c
            join work_item w on w.id = c.work_item_id
            where c.to_state = 'COMPLETED' and c.occurred_at >= :from and c.occurred_at < :to
              and w.kind = 'TACTICAL'""" + work(q, p))
        .params(p)
        .query((rs, n) -> new Completion(instant(rs, "created_at"), instant(rs, "assigned_at"),
            instant(rs, "completed_at"), rs.getLong("rework")))
        .list();
  }

  /**
   * Every entry into an open state in the period, with the time of the next transition of the same item (window
   * function {@code lead} over the item's transitions in id order) and whether a BREACH was recorded for that stay
   * (an {@code sla_event} of the item and state whose {@code state_entered_at} lies within the stay). Only
   * transitions from {@code from} on are windowed: the next transition of an entry in the period is never earlier.
   */
  List<StateEntry> stateEntries(MetricsQuery q) {
    Map<String, Object> p = period(q);
    return jdbc.sql("""
            select e.to_state, e.entered_at, e.left_at,
              case when exists (select 1 from sla_event s
                  where s.work_item_id = e.work_item_id and s.state = e.to_state and s.kind = 'BREACH'
                    and s.state_entered_at >= e.entered_at
                    and (e.left_at is null or s.state_entered_at < e.left_at))
                then 1 else 0 end as breached
            from (select t.work_item_id, t.to_state, w.kind, t.occurred_at as entered_at,
                    lead(t.occurred_at) over (partition by t.work_item_id order by t.id) as left_at
                  from state_transition t
                  join work_item w on w.id = t.work_item_id
                  where t.occurred_at >= :from""" + work(q, p) + """
                 ) e
            where e.entered_at < :to and e.to_state not in ('COMPLETED', 'CANCELLED')
              and (e.kind = 'TACTICAL' or e.to_state = 'IN_PLANNING')""")
        .params(p)
        .query((rs, n) -> new StateEntry(rs.getString("to_state"), instant(rs, "entered_at"),
            instant(rs, "left_at"), rs.getInt("breached") == 1))
        .list();
  }

  /** SLA breaches that fired in the period, per state. */
  Map<String, Long> breachesPerState(MetricsQuery q) {
    Map<String, Object> p = period(q);
    return counts(jdbc.sql("""
            select s.state as k, count(*) as n
            from sla_event s
            join work_item w on w.id = s.work_item_id
            where s.kind = 'BREACH' and s.fired_at >= :from and s.fired_at < :to
              and """ + COUNTED_KIND.formatted("s.state") + work(q, p) + " group by s.state")
        .params(p));
  }

  /** Tactical tasks with a transition in the period; of those, with an escalation opened / a BLOCKED entry in it. */
  Activity activity(MetricsQuery q) {
    Map<String, Object> p = period(q);
    return jdbc.sql("""
            select count(*) as tasks,
              coalesce(sum(case when exists (select 1 from escalation x where x.work_item_id = w.id
                  and x.opened_at >= :from and x.opened_at < :to) then 1 else 0 end), 0) as escalated,
              coalesce(sum(case when exists (select 1 from state_transition b where b.work_item_id = w.id
                  and b.to_state = 'BLOCKED' and b.occurred_at >= :from and b.occurred_at < :to)
                then 1 else 0 end), 0) as blocked
            from work_item w
            where w.kind = 'TACTICAL'
              and w.id in (select t.work_item_id from state_transition t
                where t.occurred_at >= :from and t.occurred_at < :to)""" + work(q, p))
        .params(p)
        .query((rs, n) -> new Activity(rs.getLong("tasks"), rs.getLong("escalated"), rs.getLong("blocked")))
        .single();
  }

  /** Escalation records (any work item kind) opened in the period, per level. */
  Map<String, Long> escalationsPerLevel(MetricsQuery q) {
    Map<String, Object> p = period(q);
    return counts(jdbc.sql("""
            select x.level as k, count(*) as n
            from escalation x
            join work_item w on w.id = x.work_item_id
            where x.opened_at >= :from and x.opened_at < :to""" + work(q, p) + " group by x.level")
        .params(p));
  }

  /** Review decisions in the period per gate, round and outcome (any work item kind). */
  List<ReviewCount> reviews(MetricsQuery q) {
    Map<String, Object> p = period(q);
    return jdbc.sql("""
            select r.gate, r.round, r.outcome, count(*) as n
            from review r
            join work_item w on w.id = r.work_item_id
            where r.decided_at >= :from and r.decided_at < :to""" + work(q, p)
            + " group by r.gate, r.round, r.outcome")
        .params(p)
        .query((rs, n) -> new ReviewCount(rs.getString("gate"), rs.getInt("round"), rs.getString("outcome"),
            rs.getLong("n")))
        .list();
  }

  /** Assignment records decided in the period: distinct tasks, and records a later reassignment superseded. */
  Reassignments reassignments(MetricsQuery q) {
    Map<String, Object> p = period(q);
    return jdbc.sql("""
            select count(distinct a.work_item_id) as tasks,
              coalesce(sum(case when a.superseded_at is not null then 1 else 0 end), 0) as superseded
            from assignment a
            join work_item w on w.id = a.work_item_id
            where a.decided_at >= :from and a.decided_at < :to""" + work(q, p))
        .params(p)
        .query((rs, n) -> new Reassignments(rs.getLong("tasks"), rs.getLong("superseded")))
        .single();
  }

  /**
   * Performance samples of the period, and those within the estimate's tolerance — the rule of
   * {@link PerformanceSample#withinEstimate}, which assignment's accuracy factor uses.
   */
  EstimateAccuracy estimateAccuracy(MetricsQuery q) {
    Map<String, Object> p = period(q);
    p.put("tolerance", BigDecimal.valueOf(PerformanceSample.ESTIMATE_TOLERANCE));
    return jdbc.sql("""
            select count(*) as samples,
              coalesce(sum(case when abs(s.actual_hours - s.estimate_hours) <= :tolerance * s.estimate_hours
                then 1 else 0 end), 0) as within
            from performance_sample s
            join work_item w on w.id = s.work_item_id
            where s.completed_at >= :from and s.completed_at < :to""" + work(q, p))
        .params(p)
        .query((rs, n) -> new EstimateAccuracy(rs.getLong("samples"), rs.getLong("within")))
        .single();
  }

  /** Handoffs started in the period (filtered by the upstream task). */
  List<HandoffTiming> handoffs(MetricsQuery q) {
    Map<String, Object> p = period(q);
    return jdbc.sql("""
            select h.started_at, h.accepted_at, h.rounds
            from handoff h
            join work_item w on w.id = h.work_item_id
            where h.started_at >= :from and h.started_at < :to""" + work(q, p))
        .params(p)
        .query((rs, n) -> new HandoffTiming(instant(rs, "started_at"), instant(rs, "accepted_at"),
            rs.getInt("rounds")))
        .list();
  }

  /** Instructions created in the period per tier and classified tier. */
  List<TierCount> tiers(MetricsQuery q) {
    Map<String, Object> p = period(q);
    return jdbc.sql("""
            select i.tier, i.classified_tier, count(*) as n
            from instruction i
            where i.created_at >= :from and i.created_at < :to""" + instruction(q, p)
            + " group by i.tier, i.classified_tier")
        .params(p)
        .query((rs, n) -> new TierCount(rs.getInt("tier"), rs.getInt("classified_tier"), rs.getLong("n")))
        .list();
  }

  /** Go/no-go decisions taken in the period, per outcome (every decision, also a NO_GO later followed by GO). */
  Map<String, Long> goNoGo(MetricsQuery q) {
    Map<String, Object> p = period(q);
    return counts(jdbc.sql("""
            select d.outcome as k, count(*) as n
            from instruction_decision d
            join instruction i on i.instruction_key = d.instruction_key
            where d.kind = 'go-no-go' and d.occurred_at >= :from and d.occurred_at < :to"""
            + instruction(q, p) + " group by d.outcome")
        .params(p));
  }

  /** Open work items now, per state (tactical tasks; strategic tasks only in IN_PLANNING). */
  Map<String, Long> wip(MetricsQuery q) {
    Map<String, Object> p = new HashMap<>();
    return counts(jdbc.sql("""
            select w.state as k, count(*) as n
            from work_item w
            where w.state not in ('COMPLETED', 'CANCELLED') and """ + COUNTED_KIND.formatted("w.state")
            + work(q, p) + " group by w.state")
        .params(p));
  }

  /**
   * Open user tasks nobody has claimed yet, per candidate group (ACT_RU_TASK + ACT_RU_IDENTITYLINK, one statement);
   * suspended tasks (held by an incident) are left out. Domain filter: the domain's {@code team-} and
   * {@code leads-} groups; instruction filter: the process instance's business key.
   */
  List<GroupQueue> queues(MetricsQuery q) {
    Map<String, Object> p = new HashMap<>();
    StringBuilder sql = new StringBuilder("""
        select l.group_id_ as grp, count(*) as queued, min(t.create_time_) as oldest
        from act_ru_task t
        join act_ru_identitylink l on l.task_id_ = t.id_
        where l.type_ = 'candidate' and l.group_id_ is not null and t.assignee_ is null
          and t.suspension_state_ = 1""");
    if (q.domain() != null) {
      sql.append(" and l.group_id_ in (:groups)");
      p.put("groups", groupsOf(q.domain()));
    }
    sql.append(businessKey(q, p, "t")).append(" group by l.group_id_");
    return jdbc.sql(sql.toString()).params(p)
        .query((rs, n) -> new GroupQueue(rs.getString("grp"), rs.getLong("queued"), instant(rs, "oldest")))
        .list();
  }

  /**
   * Open work items counted by the bottleneck report, with the time of their last transition (= entering the current
   * state). PENDING tasks still waiting for a dependency are not waiting on anyone and are left out.
   */
  List<OpenItem> openItems(MetricsQuery q) {
    Map<String, Object> p = new HashMap<>();
    return jdbc.sql("""
            select w.state,
              (select max(t.occurred_at) from state_transition t where t.work_item_id = w.id) as entered_at
            from work_item w
            where w.state not in ('COMPLETED', 'CANCELLED') and """ + COUNTED_KIND.formatted("w.state") + """
              and (w.state <> 'PENDING' or not exists (select 1 from work_item_dependency d
                join work_item u on u.id = d.depends_on_id
                where d.work_item_id = w.id and u.state <> 'COMPLETED'))""" + work(q, p))
        .params(p)
        .query((rs, n) -> new OpenItem(rs.getString("state"), instant(rs, "entered_at")))
        .list();
  }

  /**
   * Open user tasks of the cross-functional and architecture gate processes (assigned or not). Domain filter: a
   * candidate group of the domain (so QA's and security's validations count for their domains).
   */
  List<GateTask> gateTasks(MetricsQuery q) {
    Map<String, Object> p = new HashMap<>();
    StringBuilder sql = new StringBuilder("""
        select d.key_ as gate, t.create_time_ as created
        from act_ru_task t
        join act_re_procdef d on d.id_ = t.proc_def_id_
        where d.key_ in ('gate-cross-functional', 'gate-architecture-review')""");
    if (q.domain() != null) {
      sql.append("""
           and exists (select 1 from act_ru_identitylink l where l.task_id_ = t.id_ and l.type_ = 'candidate'
            and l.group_id_ in (:groups))""");
      p.put("groups", groupsOf(q.domain()));
    }
    sql.append(businessKey(q, p, "t"));
    return jdbc.sql(sql.toString()).params(p)
        .query((rs, n) -> new GateTask(rs.getString("gate"), instant(rs, "created")))
        .list();
  }

  /**
   * Progress of the instructions created before {@code to} that are still open or changed in the period, newest
   * first, at most {@link #MAX_INSTRUCTIONS}. Same rule as {@code InstructionService.progress}: completed tactical
   * tasks over tactical tasks not cancelled plus open strategic tasks not broken down yet.
   */
  List<Progress> progress(MetricsQuery q) {
    Map<String, Object> p = period(q);
    return jdbc.sql("""
            select i.instruction_key, i.title, i.tier, i.state,
              (select count(*) from work_item t where t.instruction_key = i.instruction_key
                and t.kind = 'TACTICAL' and t.state = 'COMPLETED') as completed,
              (select count(*) from work_item t where t.instruction_key = i.instruction_key
                and t.kind = 'TACTICAL' and t.state <> 'CANCELLED')
              + (select count(*) from work_item s where s.instruction_key = i.instruction_key
                and s.kind = 'STRATEGIC' and s.state not in ('COMPLETED', 'CANCELLED')
                and not exists (select 1 from work_item c where c.instruction_key = s.instruction_key
                  and c.kind = 'TACTICAL' and c.parent_task_key = s.task_key)) as total
            from instruction i
            where i.created_at < :to
              and (i.state not in ('COMPLETED', 'CANCELLED', 'REJECTED') or i.updated_at >= :from)"""
            + instruction(q, p) + " order by i.created_at desc, i.instruction_key fetch first "
            + MAX_INSTRUCTIONS + " rows only")
        .params(p)
        .query((rs, n) -> new Progress(rs.getString("instruction_key"), rs.getString("title"), rs.getInt("tier"),
            rs.getString("state"), rs.getLong("completed"), rs.getLong("total")))
        .list();
  }

  /** People holding capacity for the instruction's open work (task or review reservations). */
  Set<String> assigneesOfOpenWork(String instruction) {
    return new HashSet<>(jdbc.sql("""
            select distinct r.person_id
            from capacity_reservation r
            join work_item w on w.id = r.work_item_id
            where w.instruction_key = :ins""")
        .param("ins", instruction).query(String.class).list());
  }

  /** Open work items per state and domain (gauges): tactical tasks, strategic tasks in IN_PLANNING. */
  List<StateDomainCount> wipPerStateAndDomain() {
    return jdbc.sql("""
            select w.state, w.domain, count(*) as n
            from work_item w
            where w.state not in ('COMPLETED', 'CANCELLED') and """ + COUNTED_KIND.formatted("w.state") + """
             group by w.state, w.domain""")
        .query((rs, n) -> new StateDomainCount(rs.getString("state"), rs.getString("domain"), rs.getLong("n")))
        .list();
  }

  record StateDomainCount(String state, String domain, long count) {}

  /** Open escalation records per level (gauges). */
  Map<String, Long> openEscalationsPerLevel() {
    return counts(jdbc.sql("select level as k, count(*) as n from escalation where closed_at is null group by level"));
  }

  /** Instructions per state (gauges). */
  Map<String, Long> instructionsPerState() {
    return counts(jdbc.sql("select state as k, count(*) as n from instruction group by state"));
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private static Map<String, Object> period(MetricsQuery q) {
    Map<String, Object> p = new HashMap<>();
    p.put("from", Timestamp.from(q.from()));
    p.put("to", Timestamp.from(q.to()));
    return p;
  }

  /** Filters on the work item {@code w}. */
  private static String work(MetricsQuery q, Map<String, Object> p) {
    StringBuilder sql = new StringBuilder();
    if (q.domain() != null) {
      sql.append(" and w.domain = :domain");
      p.put("domain", q.domain().value());
    }
    if (q.instruction() != null) {
      sql.append(" and w.instruction_key = :ins");
      p.put("ins", q.instruction());
    }
    return sql.toString();
  }

  /** Filters on the instruction {@code i}: its key, and its affected domains (stored comma separated). */
  private static String instruction(MetricsQuery q, Map<String, Object> p) {
    StringBuilder sql = new StringBuilder();
    if (q.domain() != null) {
      sql.append(" and (',' || i.affected_domains || ',') like :domains");
      p.put("domains", "%," + q.domain().value() + ",%");
    }
    if (q.instruction() != null) {
      sql.append(" and i.instruction_key = :ins");
      p.put("ins", q.instruction());
    }
    return sql.toString();
  }

  /** Camunda tasks of the instruction: every process of an instruction carries its key as business key. */
  private static String businessKey(MetricsQuery q, Map<String, Object> p, String task) {
    if (q.instruction() == null) {
      return "";
    }
    p.put("ins", q.instruction());
    return " and exists (select 1 from act_ru_execution e where e.id_ = " + task + ".proc_inst_id_"
        + " and e.business_key_ = :ins)";
  }

  static List<String> groupsOf(Domain domain) {
    return List.of(OrganizationGroups.team(domain), OrganizationGroups.leads(domain));
  }

  private static Map<String, Long> counts(JdbcClient.StatementSpec statement) {
    Map<String, Long> counts = new HashMap<>();
    statement.query((RowCallbackHandler) rs -> counts.put(rs.getString("k"), rs.getLong("n")));
    return counts;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
