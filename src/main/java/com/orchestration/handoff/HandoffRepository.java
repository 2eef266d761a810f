package com.orchestration.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** JDBC access to handoff records and meeting offers; only {@link HandoffService} writes through it. */
@Repository
class HandoffRepository {

  private static final String COLUMNS = "id, work_item_id, instruction_key, task_key, from_domain, to_domains, "
      + "prepared_by, summary, artifacts, checklist, known_issues, contact, questions, started_at, prepared_at, "
      + "accepted_at, accepted_by, rounds, state, process_instance_id";
  private static final TypeReference<List<ChecklistItem>> CHECKLIST = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  HandoffRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  long insert(long workItemId, String instructionKey, String taskKey, String fromDomain, String toDomains,
      List<ChecklistItem> checklist, Instant startedAt, String processInstanceId) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into handoff (work_item_id, instruction_key, task_key, from_domain, to_domains, checklist,
              started_at, rounds, state, process_instance_id)
            values (:item, :ins, :task, :from, :to, :checklist, :started, 0, 'PREPARING', :pi)""")
        .param("item", workItemId)
        .param("ins", instructionKey)
        .param("task", taskKey)
        .param("from", fromDomain)
        .param("to", toDomains)
        .param("checklist", write(checklist))
        .param("started", Timestamp.from(startedAt))
        .param("pi", processInstanceId)
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** The package as submitted; complete → IN_REVIEW, else it goes back (rounds + 1) and stays PREPARING. */
  void submitPackage(long id, String preparedBy, String summary, String artifacts, List<ChecklistItem> checklist,
      String knownIssues, String contact, Instant preparedAt, boolean complete) {
    jdbc.sql("""
            update handoff set prepared_by = ?, summary = ?, artifacts = ?, checklist = ?, known_issues = ?,
              contact = ?, prepared_at = ?, state = ?, rounds = rounds + ?
            where id = ?""")
        .params(preparedBy, summary, artifacts, write(checklist), knownIssues, contact, Timestamp.from(preparedAt),
            complete ? HandoffState.IN_REVIEW.name() : HandoffState.PREPARING.name(), complete ? 0 : 1, id)
        .update();
  }

  void returnWithQuestions(long id, String questions) {
    jdbc.sql("update handoff set questions = ?, state = 'PREPARING', rounds = rounds + 1 where id = ?")
        .params(questions, id).update();
  }

  void accept(long id, String by, Instant at) {
    jdbc.sql("update handoff set state = 'ACCEPTED', accepted_by = ?, accepted_at = ?, questions = null where id = ?")
        .params(by, Timestamp.from(at), id).update();
  }

  Optional<HandoffRecord> findById(long id) {
    return jdbc.sql("select " + COLUMNS + " from handoff where id = ?").param(id).query(this::map).optional();
  }

  List<HandoffRecord> findByWorkItem(long workItemId) {
    return jdbc.sql("select " + COLUMNS + " from handoff where work_item_id = ? order by id").param(workItemId)
        .query(this::map).list();
  }

  List<HandoffRecord> find(String instructionKey, HandoffState state, String toDomain, int limit) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    if (instructionKey != null) {
      where.add("instruction_key = :ins");
      params.put("ins", instructionKey);
    }
    if (state != null) {
      where.add("state = :state");
      params.put("state", state.name());
    }
    if (toDomain != null) {
      // to_domains is "backend, qa": match whole names only
      where.add("(', ' || to_domains || ',') like :to");
      params.put("to", "%, " + toDomain + ",%");
    }
    String sql = "select " + COLUMNS + " from handoff"
        + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
        + " order by id desc fetch first " + limit + " rows only";
    return jdbc.sql(sql).params(params).query(this::map).list();
  }

  /** Records the meeting offer unless one exists; false when it was offered before. */
  boolean offerMeeting(long workItemId, Instant at) {
    return jdbc.sql("""
            insert into handoff_meeting_offer (work_item_id, offered_at)
            select w.id, ? from work_item w
            where w.id = ? and not exists (select 1 from handoff_meeting_offer o where o.work_item_id = w.id)""")
        .params(Timestamp.from(at), workItemId).update() == 1;
  }

  void meetingTaskCreated(long workItemId, String taskId) {
    jdbc.sql("update handoff_meeting_offer set task_id = ? where work_item_id = ?").params(taskId, workItemId)
        .update();
  }

  Optional<String> meetingTask(long workItemId) {
    return jdbc.sql("select task_id from handoff_meeting_offer where work_item_id = ?").param(workItemId)
        .query(String.class).optional();
  }

  private String write(List<ChecklistItem> checklist) {
    try {
      return json.writeValueAsString(checklist);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Checklist cannot be written as JSON", e);
    }
  }

  private HandoffRecord map(ResultSet rs, int row) throws SQLException {
    List<ChecklistItem> checklist;
    try {
      String text = rs.getString("checklist");
      checklist = text == null ? List.of() : json.readValue(text, CHECKLIST);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Handoff " + rs.getLong("id") + " has an unreadable checklist", e);
    }
    return new HandoffRecord(rs.getLong("id"), rs.getLong("work_item_id"), rs.getString("instruction_key"),
        rs.getString("task_key"), rs.getString("from_domain"), rs.getString("to_domains"),
        rs.getString("prepared_by"), rs.getString("summary"), rs.getString("artifacts"), checklist,
        rs.getString("known_issues"), rs.getString("contact"), rs.getString("questions"), instant(rs, "started_at"),
        instant(rs, "prepared_at"), instant(rs, "accepted_at"), rs.getString("accepted_by"), rs.getInt("rounds"),
        HandoffState.valueOf(rs.getString("state")), rs.getString("process_instance_id"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
