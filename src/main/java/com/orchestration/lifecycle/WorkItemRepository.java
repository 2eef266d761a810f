package com.orchestration.lifecycle;

import com.orchestration.organization.Domain;
import com.orchestration.organization.SkillLevel;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** JDBC access to work items; only {@link WorkItemService} writes through it. */
@Repository
class WorkItemRepository {

  private static final String COLUMNS = "id, instruction_key, task_key, kind, parent_task_key, domain, title, "
      + "description, acceptance_criteria, estimate_hours, hours_spent, remaining_hours, complexity, priority, "
      + "deadline, security_sensitive, architectural, assignee, state, process_instance_id, created_at, "
      + "updated_at, version";

  private final JdbcClient jdbc;

  WorkItemRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(WorkItem.Draft d, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into work_item (instruction_key, task_key, kind, parent_task_key, domain, title, description,
              acceptance_criteria, estimate_hours, hours_spent, complexity, priority, deadline, security_sensitive,
              architectural, state, created_at, updated_at, version)
            values (:ins, :key, :kind, :parent, :domain, :title, :description, :criteria, :estimate, 0, :complexity,
              :priority, :deadline, :security, :architectural, :state, :now, :now, 0)""")
        .param("ins", d.instructionKey())
        .param("key", d.taskKey())
        .param("kind", d.kind().name())
        .param("parent", d.parentTaskKey())
        .param("domain", d.domain().value())
        .param("title", d.title())
        .param("description", d.description())
        .param("criteria", d.acceptanceCriteria())
        .param("estimate", BigDecimal.valueOf(d.estimateHours()))
        .param("complexity", d.complexity().name())
        .param("priority", d.priority().name())
        .param("deadline", d.deadline() == null ? null : Timestamp.from(d.deadline()))
        .param("security", d.securitySensitive())
        .param("architectural", d.architectural())
        .param("state", TaskState.PENDING.name())
        .param("now", Timestamp.from(now))
        .update(key, "id");
    long id = key.getKey().longValue();
    d.requiredSkills().forEach((skill, level) -> insertSkill(id, skill, true, level.rank()));
    d.niceToHaveSkills().stream().filter(s -> !d.requiredSkills().containsKey(s))
        .forEach(skill -> insertSkill(id, skill, false, null));
    return id;
  }

  private void insertSkill(long id, String skill, boolean required, Integer minLevel) {
    jdbc.sql("insert into work_item_skill (work_item_id, skill, required, min_level) values (?, ?, ?, ?)")
        .params(id, skill, required, minLevel).update();
  }

  void insertDependency(long id, long dependsOnId) {
    jdbc.sql("insert into work_item_dependency (work_item_id, depends_on_id) values (?, ?)")
        .params(id, dependsOnId).update();
  }

  /** Compare-and-set on the state and version: 0 rows means someone else changed the task first. */
  int updateState(long id, TaskState expected, int expectedVersion, TaskState to, String assignee, Instant now) {
    return jdbc.sql("""
            update work_item set state = :to, assignee = :assignee, updated_at = :now, version = version + 1
            where id = :id and state = :expected and version = :version""")
        .param("to", to.name())
        .param("assignee", assignee)
        .param("now", Timestamp.from(now))
        .param("id", id)
        .param("expected", expected.name())
        .param("version", expectedVersion)
        .update();
  }

  int updatePriority(long id, int expectedVersion, Priority priority, Instant now) {
    return jdbc.sql("""
            update work_item set priority = :priority, updated_at = :now, version = version + 1
            where id = :id and version = :version""")
        .param("priority", priority.name())
        .param("now", Timestamp.from(now))
        .param("id", id)
        .param("version", expectedVersion)
        .update();
  }

  int updateProgress(long id, int expectedVersion, double hoursSpent, Double remaining, Instant now) {
    return jdbc.sql("""
            update work_item set hours_spent = :spent, remaining_hours = :remaining, updated_at = :now,
              version = version + 1
            where id = :id and version = :version""")
        .param("spent", BigDecimal.valueOf(hoursSpent))
        .param("remaining", remaining == null ? null : BigDecimal.valueOf(remaining))
        .param("now", Timestamp.from(now))
        .param("id", id)
        .param("version", expectedVersion)
        .update();
  }

  /**
   * Locks the row of the work item whose lifecycle is the root process instance of Camunda task {@code taskId} (the
   * lifecycle's own user tasks and its gates'); nothing when the task belongs to no lifecycle.
   */
  void lockByTask(String taskId) {
    jdbc.sql("""
            select id from work_item where process_instance_id = (select e.root_proc_inst_id_ from act_ru_task t
              join act_ru_execution e on e.id_ = t.proc_inst_id_ where t.id_ = ?) for update""")
        .param(taskId).query(Long.class).list();
  }

  /** The task's id with its row locked until the transaction ends; empty when there is no such task. */
  java.util.Optional<Long> lockByKey(String instructionKey, String taskKey) {
    return jdbc.sql("select id from work_item where instruction_key = ? and task_key = ? for update")
        .params(instructionKey, taskKey).query(Long.class).optional();
  }

  void linkProcessInstance(long id, String processInstanceId) {
    jdbc.sql("update work_item set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
  }

  void insertTransition(long id, TaskState from, TaskState to, Instant at, String actor, String reason) {
    jdbc.sql("""
            insert into state_transition (work_item_id, from_state, to_state, occurred_at, actor, reason)
            values (?, ?, ?, ?, ?, ?)""")
        .params(id, from == null ? null : from.name(), to.name(), Timestamp.from(at), actor, reason)
        .update();
  }

  Optional<WorkItem> findById(long id) {
    return load(jdbc.sql("select " + COLUMNS + " from work_item where id = ?").param(id)).stream().findFirst();
  }

  Optional<WorkItem> findByKey(String instructionKey, String taskKey) {
    return load(jdbc.sql("select " + COLUMNS + " from work_item where instruction_key = ? and task_key = ?")
        .params(instructionKey, taskKey)).stream().findFirst();
  }

  List<WorkItem> findByInstruction(String instructionKey) {
    return load(jdbc.sql("select " + COLUMNS + " from work_item where instruction_key = ? order by id")
        .param(instructionKey));
  }

  Map<String, Long> idsByKey(String instructionKey) {
    Map<String, Long> ids = new HashMap<>();
    jdbc.sql("select task_key, id from work_item where instruction_key = ?").param(instructionKey)
        .query(rs -> {
          ids.put(rs.getString(1), rs.getLong(2));
        });
    return ids;
  }

  /** Dependencies of the task that are not COMPLETED yet: one query, whatever the size of the plan. */
  int countIncompleteDependencies(long id) {
    return jdbc.sql("""
            select count(*) from work_item_dependency d join work_item w on w.id = d.depends_on_id
            where d.work_item_id = ? and w.state <> 'COMPLETED'""")
        .param(id).query(Integer.class).single();
  }

  /** Tasks this one depends on. */
  List<WorkItem> findDependencies(long id) {
    return load(jdbc.sql("select " + COLUMNS + " from work_item where id in "
        + "(select depends_on_id from work_item_dependency where work_item_id = ?) order by id").param(id));
  }

  /** Tasks that depend on this one. */
  List<WorkItem> findDependants(long id) {
    return load(jdbc.sql("select " + COLUMNS + " from work_item where id in "
        + "(select work_item_id from work_item_dependency where depends_on_id = ?) order by id").param(id));
  }

  List<StateTransition> transitions(long id) {
    return jdbc.sql("""
            select id, work_item_id, from_state, to_state, occurred_at, actor, reason
            from state_transition where work_item_id = ? order by id""")
        .param(id)
        .query((rs, n) -> new StateTransition(rs.getLong(1), rs.getLong(2),
            rs.getString(3) == null ? null : TaskState.valueOf(rs.getString(3)), TaskState.valueOf(rs.getString(4)),
            rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7)))
        .list();
  }

  /** Loads rows and their skills and dependencies with one query each, never one per row. */
  private List<WorkItem> load(JdbcClient.StatementSpec statement) {
    List<Row> rows = statement.query((rs, n) -> Row.of(rs)).list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, Row> byId = new LinkedHashMap<>();
    rows.forEach(r -> byId.put(r.id, r));
    // One task (most reads) binds its id, so the database reuses one prepared statement; several are listed.
    boolean one = byId.size() == 1;
    String in = one ? "= ?" : "in (" + inList(byId.keySet()) + ")";
    JdbcClient.StatementSpec skills = jdbc.sql(
        "select work_item_id, skill, required, min_level from work_item_skill where work_item_id " + in);
    (one ? skills.param(rows.get(0).id) : skills).query(rs -> {
      Row r = byId.get(rs.getLong(1));
      if (rs.getBoolean(3)) {
        r.required.put(rs.getString(2), SkillLevel.ofRank(rs.getInt(4)));
      } else {
        r.nice.add(rs.getString(2));
      }
    });
    JdbcClient.StatementSpec dependencies = jdbc.sql("""
        select d.work_item_id, w.task_key from work_item_dependency d
        join work_item w on w.id = d.depends_on_id
        where d.work_item_id\s""" + in + " order by w.task_key");
    (one ? dependencies.param(rows.get(0).id) : dependencies).query(rs -> {
      byId.get(rs.getLong(1)).dependencies.add(rs.getString(2));
    });
    List<WorkItem> items = new ArrayList<>(rows.size());
    byId.values().forEach(r -> items.add(r.toWorkItem()));
    return items;
  }

  private static String inList(Collection<Long> ids) {
    StringBuilder sb = new StringBuilder();
    for (Long id : ids) {
      if (!sb.isEmpty()) {
        sb.append(',');
      }
      sb.append(id.longValue());
    }
    return sb.toString();
  }

  private static final class Row {
    long id;
    ResultSnapshot values;
    final TreeMap<String, SkillLevel> required = new TreeMap<>();
    final TreeSet<String> nice = new TreeSet<>();
    final List<String> dependencies = new ArrayList<>();

    static Row of(ResultSet rs) throws SQLException {
      Row r = new Row();
      r.id = rs.getLong("id");
      r.values = ResultSnapshot.of(rs);
      return r;
    }

    WorkItem toWorkItem() {
      ResultSnapshot v = values;
      return new WorkItem(id, v.instructionKey, v.taskKey, TaskKind.valueOf(v.kind), v.parentTaskKey,
          Domain.parse(v.domain).orElseThrow(), v.title, v.description, v.acceptanceCriteria, v.estimate, v.spent,
          v.remaining, Complexity.valueOf(v.complexity), Priority.valueOf(v.priority), v.deadline, v.security,
          v.architectural, required, nice, dependencies, v.assignee, TaskState.valueOf(v.state),
          v.processInstanceId, v.createdAt, v.updatedAt, v.version);
    }
  }

  private record ResultSnapshot(String instructionKey, String taskKey, String kind, String parentTaskKey,
      String domain, String title, String description, String acceptanceCriteria, double estimate, double spent,
      Double remaining, String complexity, String priority, Instant deadline, boolean security,
      boolean architectural, String assignee, String state, String processInstanceId, Instant createdAt,
      Instant updatedAt, int version) {

    static ResultSnapshot of(ResultSet rs) throws SQLException {
      BigDecimal remaining = rs.getBigDecimal("remaining_hours");
      Timestamp deadline = rs.getTimestamp("deadline");
      return new ResultSnapshot(rs.getString("instruction_key"), rs.getString("task_key"), rs.getString("kind"),
          rs.getString("parent_task_key"), rs.getString("domain"), rs.getString("title"),
          rs.getString("description"), rs.getString("acceptance_criteria"),
          rs.getBigDecimal("estimate_hours").doubleValue(), rs.getBigDecimal("hours_spent").doubleValue(),
          remaining == null ? null : remaining.doubleValue(), rs.getString("complexity"), rs.getString("priority"),
          deadline == null ? null : deadline.toInstant(), rs.getBoolean("security_sensitive"),
          rs.getBoolean("architectural"), rs.getString("assignee"), rs.getString("state"),
          rs.getString("process_instance_id"), rs.getTimestamp("created_at").toInstant(),
          rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }
  }
}
