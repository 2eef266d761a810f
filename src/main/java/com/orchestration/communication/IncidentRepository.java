package com.orchestration.communication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Tables {@code incident} and {@code incident_suspension}. */
@Repository
class IncidentRepository {

  private static final String COLUMNS = "id, title, description, severity, affected_domains, state, declared_by, "
      + "declared_at, resolution_note, resolved_by, resolved_at, process_instance_id";

  private final JdbcClient jdbc;

  IncidentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(Incident.Declaration d, String declaredBy, Instant at, String processInstanceId) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into incident (title, description, severity, affected_domains, state, declared_by, declared_at, "
            + "process_instance_id) values (?, ?, ?, ?, 'OPEN', ?, ?, ?)")
        .params(d.title(), d.description(), d.severity(),
            d.affectedDomains().isEmpty() ? null : String.join(",", d.affectedDomains()), declaredBy,
            Timestamp.from(at), processInstanceId)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  Optional<Incident> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from incident where id = ?").param(id).query(this::map).optional();
  }

  Optional<Incident> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("select " + COLUMNS + " from incident where process_instance_id = ?").param(processInstanceId)
        .query(this::map).optional();
  }

  /** Newest first; {@code state} null = every state. */
  List<Incident> search(IncidentState state, int limit) {
    String where = state == null ? "" : " where state = '" + state.name() + "'";
    return jdbc.sql("select " + COLUMNS + " from incident" + where + " order by id desc fetch first " + limit
        + " rows only").query(this::map).list();
  }

  List<Long> openIds() {
    return jdbc.sql("select id from incident where state = 'OPEN' order by id").query(Long.class).list();
  }

  boolean anyOpen() {
    return jdbc.sql("select count(*) from incident where state = 'OPEN'").query(Integer.class).single() > 0;
  }

  /** Marks the incident resolved, only if it is still open; false when someone else resolved it first. */
  boolean resolve(long id, String note, String resolvedBy, Instant at) {
    return jdbc.sql("update incident set state = 'RESOLVED', resolution_note = ?, resolved_by = ?, resolved_at = ? "
            + "where id = ? and state = 'OPEN'")
        .params(note, resolvedBy, Timestamp.from(at), id).update() == 1;
  }

  /** Records that the incident holds the instance; false when it already did. */
  boolean insertSuspension(long incidentId, String processInstanceId, String instructionKey, String definitionKey,
      String action, Instant at, Instant suspendedAt) {
    boolean exists = jdbc.sql("select count(*) from incident_suspension where incident_id = ? "
            + "and process_instance_id = ?").params(incidentId, processInstanceId).query(Integer.class).single() > 0;
    if (exists) {
      return false;
    }
    jdbc.sql("insert into incident_suspension (incident_id, process_instance_id, instruction_key, "
            + "process_definition_key, action, recorded_at, suspended_at) values (?, ?, ?, ?, ?, ?, ?)")
        .params(incidentId, processInstanceId, instructionKey, definitionKey, action, Timestamp.from(at),
            Timestamp.from(suspendedAt))
        .update();
    return true;
  }

  /** Since when the open incidents that hold the instance hold it (the earliest suspension), if any does. */
  Optional<Instant> heldSince(String processInstanceId) {
    return jdbc.sql("select min(s.suspended_at) from incident_suspension s join incident i on i.id = s.incident_id "
            + "where s.process_instance_id = ? and i.state = 'OPEN'")
        .param(processInstanceId).query((rs, n) -> instant(rs.getTimestamp(1))).optional()
        .filter(java.util.Objects::nonNull);
  }

  /** The open incidents (except {@code exceptIncident}, may be null) that hold the instance. */
  List<Long> openHolders(String processInstanceId, Long exceptIncident) {
    return jdbc.sql("select s.incident_id from incident_suspension s join incident i on i.id = s.incident_id "
            + "where s.process_instance_id = ? and i.state = 'OPEN' and s.incident_id <> ? order by s.incident_id")
        .params(processInstanceId, exceptIncident == null ? -1L : exceptIncident).query(Long.class).list();
  }

  List<Incident.Suspension> suspensions(long incidentId) {
    return jdbc.sql("select process_instance_id, process_definition_key, instruction_key, action, recorded_at, "
            + "suspended_at, released_at, release_outcome from incident_suspension where incident_id = ? "
            + "order by instruction_key, recorded_at, process_instance_id")
        .param(incidentId)
        .query((rs, n) -> new Incident.Suspension(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
            rs.getString(8)))
        .list();
  }

  void release(long incidentId, String processInstanceId, String outcome, Instant at) {
    jdbc.sql("update incident_suspension set released_at = ?, release_outcome = ? where incident_id = ? "
            + "and process_instance_id = ?")
        .params(Timestamp.from(at), outcome, incidentId, processInstanceId).update();
  }

  private Incident map(ResultSet rs, int row) throws SQLException {
    long id = rs.getLong("id");
    Map<String, Integer> held = held(id);
    String domains = rs.getString("affected_domains");
    return new Incident(id, Incident.key(id), rs.getString("title"), rs.getString("description"),
        IncidentSeverity.valueOf(rs.getString("severity").toUpperCase(Locale.ROOT)),
        domains == null || domains.isBlank() ? List.of() : Arrays.asList(domains.split(",")),
        IncidentState.valueOf(rs.getString("state")), rs.getString("declared_by"),
        instant(rs.getTimestamp("declared_at")), rs.getString("resolution_note"), rs.getString("resolved_by"),
        instant(rs.getTimestamp("resolved_at")), rs.getString("process_instance_id"),
        List.copyOf(held.keySet()), held.values().stream().mapToInt(Integer::intValue).sum());
  }

  /** Instruction key → number of instances the incident holds of it, in key order. */
  private Map<String, Integer> held(long incidentId) {
    Map<String, Integer> held = new LinkedHashMap<>();
    jdbc.sql("select instruction_key, count(*) from incident_suspension where incident_id = ? "
            + "group by instruction_key order by instruction_key")
        .param(incidentId)
        .query((RowCallbackHandler) rs -> held.put(rs.getString(1), rs.getInt(2)));
    return held;
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}
