package com.orchestration.communication;

import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.SlaEventKind;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.organization.Domain;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read side of standups: set-based queries over work items, the transition log, SLA events, heartbeats,
 * escalations and handoffs. Each method is one query whatever the number of people or tasks — never one query per IC
 * or per task — and the reports are assembled in memory from the results. Read-only: the owning capabilities write
 * these tables. Portable SQL (H2 2.3, PostgreSQL 15).
 */
@Repository
class StandupFacts {

  private static final String CLOSED = "('COMPLETED', 'CANCELLED')";
  private static final String INSTRUCTION_ENDED = "('COMPLETED', 'CANCELLED', 'REJECTED')";

  private final JdbcClient jdbc;

  StandupFacts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A work item with what a standup shows of it. */
  record Item(long id, String instructionKey, String taskKey, TaskKind kind, String parentTaskKey, Domain domain,
      String title, double estimateHours, double hoursSpent, Double remainingHours, Priority priority,
      Instant deadline, String assignee, TaskState state, Instant stateSince, Instant lastHeartbeat) {

    /** Hours left: the assignee's latest own estimate, else estimate − spent, never below 0 (SPEC §8.3). */
    double remaining() {
      return remainingHours != null ? remainingHours : Math.max(0, estimateHours - hoursSpent);
    }

    String qualifiedKey() {
      return instructionKey + "/" + taskKey;
    }
  }

  record OpenEscalation(long id, long workItemId, String reasonType, String level, String resolverGroup,
      Instant openedAt, Instant dueAt) {}

  record EscalationRow(long id, String instructionKey, String taskKey, Domain domain, String reasonType,
      String level, String resolverGroup, Instant openedAt, Instant closedAt, String outcome) {}

  record SlaRow(long workItemId, String instructionKey, String taskKey, String assignee, Domain domain,
      TaskState state, SlaEventKind kind, Instant dueAt, Instant firedAt) {}

  record HandoffRow(long id, String instructionKey, String taskKey, Domain fromDomain, List<String> toDomains,
      String state, Instant startedAt, Instant acceptedAt, int rounds) {}

  /** An open strategic task with the count of its completed and not-cancelled tactical tasks. */
  record StrategicRow(String instructionKey, String taskKey, Domain domain, String title, TaskState state,
      int completedTasks, int totalTasks) {}

  /** Tactical-task counts of one instruction, with its record when it has one (tests may create bare tasks). */
  record InstructionRow(String instructionKey, String title, Integer tier, Priority priority, String state,
      Instant deadline, int completedTasks, int totalTasks) {}

  /**
   * Every open work item (strategic and tactical), plus those that reached COMPLETED at or after {@code since}; with
   * when each entered its current state and its last heartbeat.
   */
  List<Item> items(Instant since) {
    return jdbc.sql("""
            select w.id, w.instruction_key, w.task_key, w.kind, w.parent_task_key, w.domain, w.title,
              w.estimate_hours, w.hours_spent, w.remaining_hours, w.priority, w.deadline, w.assignee, w.state,
              (select max(t.occurred_at) from state_transition t
                where t.work_item_id = w.id and t.to_state = w.state) as state_since,
              (select max(h.received_at) from heartbeat h where h.work_item_id = w.id) as last_heartbeat
            from work_item w
            where w.state not in\s""" + CLOSED + """
               or (w.state = 'COMPLETED' and w.updated_at >= :since)
            order by w.instruction_key, w.id""")
        .param("since", Timestamp.from(since))
        .query((rs, n) -> new Item(rs.getLong("id"), rs.getString("instruction_key"), rs.getString("task_key"),
            TaskKind.valueOf(rs.getString("kind")), rs.getString("parent_task_key"), domain(rs.getString("domain")),
            rs.getString("title"), rs.getDouble("estimate_hours"), rs.getDouble("hours_spent"),
            decimal(rs.getBigDecimal("remaining_hours")), Priority.valueOf(rs.getString("priority")),
            instant(rs.getTimestamp("deadline")), rs.getString("assignee"), TaskState.valueOf(rs.getString("state")),
            instant(rs.getTimestamp("state_since")), instant(rs.getTimestamp("last_heartbeat"))))
        .list();
  }

  /** Why each BLOCKED or ESCALATED task is there: the reason of its last transition into that state. */
  Map<Long, String> blockerReasons() {
    Map<Long, String> reasons = new HashMap<>();
    jdbc.sql("""
            select t.work_item_id, t.reason
            from state_transition t join work_item w on w.id = t.work_item_id
            where w.state in ('BLOCKED', 'ESCALATED') and t.to_state = w.state
              and t.id = (select max(t2.id) from state_transition t2
                          where t2.work_item_id = t.work_item_id and t2.to_state = w.state)""")
        .query((rs, n) -> reasons.put(rs.getLong(1), rs.getString(2)))
        .list();
    return reasons;
  }

  /** Escalations still open at some level, oldest first. */
  List<OpenEscalation> openEscalations() {
    return jdbc.sql("""
            select id, work_item_id, reason_type, level, resolver_group, opened_at, due_at
            from escalation where closed_at is null order by id""")
        .query((rs, n) -> new OpenEscalation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7))))
        .list();
  }

  int openEscalationCount() {
    return jdbc.sql("select count(*) from escalation where closed_at is null").query(Integer.class).single();
  }

  /** Escalation records opened or closed in {@code [from, to)}. */
  List<EscalationRow> escalations(Instant from, Instant to) {
    return jdbc.sql("""
            select e.id, e.instruction_key, e.task_key, w.domain, e.reason_type, e.level, e.resolver_group,
              e.opened_at, e.closed_at, e.outcome
            from escalation e join work_item w on w.id = e.work_item_id
            where (e.opened_at >= :from and e.opened_at < :to) or (e.closed_at >= :from and e.closed_at < :to)
            order by e.id""")
        .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .query((rs, n) -> new EscalationRow(rs.getLong(1), rs.getString(2), rs.getString(3), domain(rs.getString(4)),
            rs.getString(5), rs.getString(6), rs.getString(7), instant(rs.getTimestamp(8)),
            instant(rs.getTimestamp(9)), rs.getString(10)))
        .list();
  }

  /** SLA warnings and breaches fired in {@code [from, to)}, in firing order, with the task's assignee and domain. */
  List<SlaRow> slaEvents(Instant from, Instant to) {
    return jdbc.sql("""
            select e.work_item_id, e.instruction_key, e.task_key, w.assignee, w.domain, e.state, e.kind, e.due_at,
              e.fired_at
            from sla_event e join work_item w on w.id = e.work_item_id
            where e.fired_at >= :from and e.fired_at < :to
            order by e.fired_at, e.id""")
        .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .query((rs, n) -> new SlaRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            domain(rs.getString(5)), TaskState.valueOf(rs.getString(6)), SlaEventKind.valueOf(rs.getString(7)),
            instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9))))
        .list();
  }

  /** Handoffs not yet accepted, and those accepted in {@code [from, to)}. */
  List<HandoffRow> handoffs(Instant from, Instant to) {
    return jdbc.sql("""
            select id, instruction_key, task_key, from_domain, to_domains, state, started_at, accepted_at, rounds
            from handoff
            where state <> 'ACCEPTED' or (accepted_at >= :from and accepted_at < :to)
            order by id""")
        .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .query((rs, n) -> new HandoffRow(rs.getLong(1), rs.getString(2), rs.getString(3), domain(rs.getString(4)),
            Arrays.stream(rs.getString(5).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
            rs.getString(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)), rs.getInt(9)))
        .list();
  }

  /** Every open strategic task with its tactical tasks counted (completed / not cancelled), in one grouped query. */
  List<StrategicRow> openStrategicTasks() {
    return jdbc.sql("""
            select s.instruction_key, s.task_key, s.domain, s.title, s.state,
              sum(case when t.state = 'COMPLETED' then 1 else 0 end) as completed_tasks,
              sum(case when t.id is not null and t.state <> 'CANCELLED' then 1 else 0 end) as total_tasks
            from work_item s
              left join work_item t on t.instruction_key = s.instruction_key and t.parent_task_key = s.task_key
                and t.kind = 'TACTICAL'
            where s.kind = 'STRATEGIC' and s.state not in\s""" + CLOSED + """
            group by s.instruction_key, s.task_key, s.domain, s.title, s.state
            order by s.instruction_key, s.task_key""")
        .query((rs, n) -> new StrategicRow(rs.getString(1), rs.getString(2), domain(rs.getString(3)),
            rs.getString(4), TaskState.valueOf(rs.getString(5)), rs.getInt(6), rs.getInt(7)))
        .list();
  }

  /**
   * Instructions in flight — a record that has not ended, or any open task — with their tactical tasks counted
   * (completed / not cancelled). Keys without a record (tasks created directly, e.g. by tests) come without title,
   * tier, state or deadline.
   */
  List<InstructionRow> instructionsInFlight() {
    return jdbc.sql("""
            select k.instruction_key, i.title, i.tier, i.priority, i.state, i.deadline,
              sum(case when c.state = 'COMPLETED' then 1 else 0 end) as completed_tasks,
              sum(case when c.id is not null and c.state <> 'CANCELLED' then 1 else 0 end) as total_tasks
            from (
              select instruction_key from work_item where state not in\s""" + CLOSED + """
              union
              select instruction_key from instruction where state not in\s""" + INSTRUCTION_ENDED + """
            ) k
              left join instruction i on i.instruction_key = k.instruction_key
              left join work_item c on c.instruction_key = k.instruction_key and c.kind = 'TACTICAL'
            group by k.instruction_key, i.title, i.tier, i.priority, i.state, i.deadline
            order by k.instruction_key""")
        .query((rs, n) -> new InstructionRow(rs.getString(1), rs.getString(2),
            rs.getObject(3) == null ? null : rs.getInt(3), rs.getString(4) == null ? null : Priority.valueOf(rs.getString(4)),
            rs.getString(5), instant(rs.getTimestamp(6)), rs.getInt(7), rs.getInt(8)))
        .list();
  }

  private static Domain domain(String value) {
    return value == null ? null : Domain.parse(value).orElse(null);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static Double decimal(BigDecimal value) {
    return value == null ? null : value.doubleValue();
  }
}
