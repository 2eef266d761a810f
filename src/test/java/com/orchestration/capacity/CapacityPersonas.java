package com.orchestration.capacity;

import com.orchestration.lifecycle.Complexity;
import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.organization.Domain;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data of the capacity tests in the shared Spring context. Work items cannot be deleted, so each test uses its
 * own instruction key and asserts changes (deltas) of a person's figures, never absolute values another test's data
 * could move.
 *
 * <ul>
 *   <li>{@link #PROBE} and {@link #SECOND_PROBE}: data-domain ICs that exist only for these tests. They are
 *       inserted <em>inactive</em> (removed_at set): the organisation sync leaves removed people alone, assignment
 *       never offers them as candidates, and the capacity overview and forecast (active ICs only) do not show them —
 *       yet {@link CapacityService#workload} and {@code reserve} work on them like on anyone.</li>
 *   <li>{@link #CALIBRATED_PROBE}: the same, with performance samples that give an estimate factor of 1.5.</li>
 *   <li>{@link #LIVE_IC}: {@code luis}, a demo data IC, for the API tests that need an active IC; only deltas.</li>
 * </ul>
 * "Today" is {@link #THURSDAY}: the horizon is Thu 26, Fri 27 and Mon 30 November 2026 (end 1 Dec 00:00 UTC).
 */
final class CapacityPersonas {

  static final String PROBE = "capacity-probe";
  static final String SECOND_PROBE = "capacity-probe-2";
  static final String CALIBRATED_PROBE = "capacity-probe-calibrated";
  static final String LIVE_IC = "luis";

  static final Instant THURSDAY = Instant.parse("2026-11-26T09:00:00Z");
  static final Instant HORIZON_END = Instant.parse("2026-12-01T00:00:00Z");

  private CapacityPersonas() {}

  static void freezeClock() {
    ClockUtil.setCurrentTime(Date.from(THURSDAY));
  }

  static void ensureProbes(JdbcClient jdbc) {
    for (String id : new String[] {PROBE, SECOND_PROBE, CALIBRATED_PROBE}) {
      if (jdbc.sql("select count(*) from person where id = ?").param(id).query(Integer.class).single() == 0) {
        Timestamp past = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
        jdbc.sql("""
                insert into person (id, name, email, role, domain, kind, level, hours_per_day, active, removed_at,
                  updated_at)
                values (?, ?, ?, 'ic', 'data', 'HUMAN', 'mid', 8, false, ?, ?)""")
            .params(id, "Capacity test " + id, id + "@orchestration.example", past, past)
            .update();
      }
    }
  }

  static WorkItem.Draft task(String instructionKey, String taskKey, double hours, Priority priority,
      Instant deadline) {
    return new WorkItem.Draft(instructionKey, taskKey, TaskKind.TACTICAL, null, Domain.DATA, "Capacity " + taskKey,
        null, null, hours, Complexity.SIMPLE, priority, deadline, false, false, null, null, null);
  }

  static WorkItem.Draft task(String instructionKey, String taskKey, double hours) {
    return task(instructionKey, taskKey, hours, Priority.NORMAL, null);
  }
}
