package com.orchestration.capacity;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A database migrated with our Flyway scripts and a {@link CapacityService} built by hand on it — no Spring context,
 * no engine — so the reservation logic runs unchanged on H2 and on PostgreSQL. People and work items are inserted
 * with plain SQL (the organisation sync and WorkItemService need the application around them).
 */
final class StandaloneCapacityDatabase {

  final DataSource dataSource;
  final JdbcClient jdbc;
  final TransactionTemplate transactions;
  final CapacityService capacity;

  StandaloneCapacityDatabase(DataSource dataSource) {
    this.dataSource = dataSource;
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.capacity = new CapacityService(jdbc, new CapacityClock(ZoneOffset.UTC), () -> Bands.SPEC_DEFAULTS);
  }

  void insertIc(String id, String domain, int hoursPerDay) {
    jdbc.sql("""
            insert into person (id, name, email, role, domain, kind, level, hours_per_day, active, updated_at)
            values (:id, :id, :email, 'ic', :domain, 'HUMAN', 'mid', :hours, true, :now)""")
        .param("id", id).param("email", id + "@orchestration.example").param("domain", domain)
        .param("hours", hoursPerDay).param("now", Timestamp.from(Instant.now()))
        .update();
  }

  /** A PENDING tactical task of {@code hours} with no deadline; returns its id. */
  long insertTask(String instructionKey, String taskKey, String domain, double hours) {
    jdbc.sql("""
            insert into work_item (instruction_key, task_key, kind, domain, title, estimate_hours, complexity, priority,
              state, created_at, updated_at)
            values (:ins, :key, 'TACTICAL', :domain, :key, :hours, 'SIMPLE', 'NORMAL', 'PENDING', :now, :now)""")
        .param("ins", instructionKey).param("key", taskKey).param("domain", domain)
        .param("hours", BigDecimal.valueOf(hours)).param("now", Timestamp.from(Instant.now()))
        .update();
    return jdbc.sql("select id from work_item where instruction_key = ? and task_key = ?")
        .params(instructionKey, taskKey).query(Long.class).single();
  }

  /** What LifecycleService.complete writes for estimate calibration (SPEC §11). */
  void insertSample(String personId, long workItemId, String domain, double estimate, double actual,
      Instant completedAt) {
    jdbc.sql("""
            insert into performance_sample (person_id, work_item_id, domain, complexity, estimate_hours, actual_hours,
              first_time_approved, completed_at)
            values (?, ?, ?, 'SIMPLE', ?, ?, true, ?)""")
        .params(personId, workItemId, domain, BigDecimal.valueOf(estimate), BigDecimal.valueOf(actual),
            Timestamp.from(completedAt))
        .update();
  }

  /** What WorkItemService.transition(item, ASSIGNED, person, ...) writes, reduced to what capacity reads. */
  void markAssigned(long workItemId, String personId) {
    jdbc.sql("update work_item set state = 'ASSIGNED', assignee = :person, version = version + 1 where id = :id")
        .param("person", personId).param("id", workItemId).update();
  }
}
