package com.orchestration.capacity;

import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.organization.Domain;
import com.orchestration.organization.Role;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Set-based reads for capacity: each method is one query for any number of people (never one per person), so
 * the whole organisation's workloads and forecast cost a handful of queries. Portable SQL (H2 2.3, PostgreSQL 15).
 * Depends on nothing but a {@link JdbcClient}, so tests can run it against any migrated database.
 */
class CapacityRepository {

  /**
   * Who is loaded: some people by id, or every active IC. Up to {@value #ARRAY_LIMIT} ids are one array parameter
   * ({@code = any(:ids)}); more ids read everybody's rows and keep the wanted ones in memory — on H2 a long id list
   * or array is compared row by row (≈ 200 ms for 500 ids and 10,000 tasks), while the unfiltered read costs what
   * the whole-organisation overview costs (≈ 20 ms).
   */
  record Scope(Collection<String> ids, Set<String> wanted, boolean everyone) {
    static final int ARRAY_LIMIT = 32;
    static final Scope ACTIVE_ICS = new Scope(null, null, false);
    /** Every person ever synchronised, active or not (for caches of per-person figures). */
    static final Scope EVERYONE = new Scope(null, null, true);

    static Scope of(Collection<String> ids) {
      List<String> copy = List.copyOf(ids);
      return new Scope(copy, Set.copyOf(copy), false);
    }

    /** Reads every row and keeps the wanted ones in memory. */
    private boolean unfiltered() {
      return everyone || (ids != null && ids.size() > ARRAY_LIMIT);
    }

    String personFilter(String column) {
      if (unfiltered()) {
        return "1 = 1";
      }
      return ids == null
          ? column + " in (select id from person where active = true and role = '" + Role.IC.value() + "')"
          : column + " = any(:ids)";
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
      // One array parameter, not an IN list of n parameters.
      return ids == null || unfiltered() ? spec : spec.param("ids", ids.toArray(new String[0]));
    }

    boolean includes(String personId) {
      return wanted == null || wanted.contains(personId);
    }

    boolean isEmpty() {
      return ids != null && ids.isEmpty();
    }
  }

  /** A person as capacity needs them. */
  record PersonRow(String id, Role role, Domain domain, boolean active, int hoursPerDay, Set<LocalDate> unavailable) {}

  /** One reservation with what capacity needs of its work item. */
  record Load(String personId, ReservationKind kind, double reservedHours, long workItemId, String taskKey,
      TaskState state, double remaining, Priority priority, Instant deadline) {}

  private static final String OPEN = "('COMPLETED', 'CANCELLED')";

  private final JdbcClient jdbc;

  CapacityRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The people of the scope, ordered by id, each with their unavailable dates from {@code from} on. */
  Map<String, PersonRow> people(Scope scope, LocalDate from) {
    Map<String, PersonRow> people = new LinkedHashMap<>();
    if (scope.isEmpty()) {
      return people;
    }
    Map<String, Set<LocalDate>> unavailable = new HashMap<>();
    scope.bind(jdbc.sql("select person_id, unavailable_on from person_unavailable_date where unavailable_on >= :from"
            + " and " + scope.personFilter("person_id")))
        .param("from", from)
        .query((rs, n) -> {
          if (!scope.includes(rs.getString(1))) {
            return null;
          }
          unavailable.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getObject(2, LocalDate.class));
          return null;
        })
        .list();
    scope.bind(jdbc.sql("select id, role, domain, active, hours_per_day from person where "
            + scope.personFilter("id") + " order by id"))
        .query((rs, n) -> {
          String id = rs.getString("id");
          if (!scope.includes(id)) {
            return null;
          }
          String domain = rs.getString("domain");
          people.put(id, new PersonRow(id, Role.parse(rs.getString("role")).orElse(null),
              domain == null ? null : Domain.parse(domain).orElse(null), rs.getBoolean("active"),
              rs.getInt("hours_per_day"), unavailable.getOrDefault(id, Set.of())));
          return null;
        })
        .list();
    return people;
  }

  /** Reservations of the scope's people on open work items, grouped by person, in reservation order. */
  Map<String, List<Load>> loads(Scope scope) {
    Map<String, List<Load>> loads = new HashMap<>();
    if (scope.isEmpty()) {
      return loads;
    }
    scope.bind(jdbc.sql("""
            select r.person_id, r.kind, r.hours, w.id, w.instruction_key, w.task_key, w.state, w.estimate_hours,
              w.hours_spent, w.remaining_hours, w.priority, w.deadline
            from capacity_reservation r join work_item w on w.id = r.work_item_id
            where w.state not in\s""" + OPEN + " and " + scope.personFilter("r.person_id") + " order by r.id"))
        .query((rs, n) -> {
          if (!scope.includes(rs.getString("person_id"))) {
            return null;
          }
          BigDecimal remainingColumn = rs.getBigDecimal("remaining_hours");
          double remaining = remainingColumn != null ? remainingColumn.doubleValue()
              : Math.max(0, rs.getDouble("estimate_hours") - rs.getDouble("hours_spent"));
          Timestamp deadline = rs.getTimestamp("deadline");
          Load load = new Load(rs.getString("person_id"), ReservationKind.valueOf(rs.getString("kind")),
              rs.getDouble("hours"), rs.getLong(4), rs.getString("instruction_key") + "/" + rs.getString("task_key"),
              TaskState.valueOf(rs.getString("state")), remaining, Priority.valueOf(rs.getString("priority")),
              deadline == null ? null : deadline.toInstant());
          loads.computeIfAbsent(load.personId(), k -> new ArrayList<>()).add(load);
          return null;
        })
        .list();
    return loads;
  }

  /** actual/estimate of each person's last {@code limit} performance samples, newest first. */
  Map<String, List<Double>> recentRatios(Scope scope, int limit) {
    Map<String, List<Double>> ratios = new HashMap<>();
    if (scope.isEmpty()) {
      return ratios;
    }
    scope.bind(jdbc.sql("""
            select person_id, estimate_hours, actual_hours from (
              select person_id, estimate_hours, actual_hours,
                row_number() over (partition by person_id order by completed_at desc, id desc) as rn
              from performance_sample where estimate_hours > 0 and\s""" + scope.personFilter("person_id") + """
            ) s where rn <= :limit order by person_id, rn"""))
        .param("limit", limit)
        .query((rs, n) -> {
          double estimate = rs.getDouble("estimate_hours");
          if (estimate > 0 && scope.includes(rs.getString("person_id"))) {
            ratios.computeIfAbsent(rs.getString("person_id"), k -> new ArrayList<>())
                .add(rs.getDouble("actual_hours") / estimate);
          }
          return null;
        })
        .list();
    return ratios;
  }

  /**
   * Actual/estimate ratios of the newest {@code limit} performance samples per domain (SPEC §11: the domain's estimate
   * factor), newest first; one statement for all domains.
   */
  Map<String, List<Double>> recentDomainRatios(int limit) {
    Map<String, List<Double>> ratios = new HashMap<>();
    jdbc.sql("""
            select domain, estimate_hours, actual_hours from (
              select domain, estimate_hours, actual_hours,
                row_number() over (partition by domain order by completed_at desc, id desc) as rn
              from performance_sample where estimate_hours > 0
            ) s where rn <= :limit order by domain, rn""")
        .param("limit", limit)
        .query((rs, n) -> {
          double estimate = rs.getDouble("estimate_hours");
          if (estimate > 0) {
            ratios.computeIfAbsent(rs.getString("domain"), k -> new ArrayList<>())
                .add(rs.getDouble("actual_hours") / estimate);
          }
          return null;
        })
        .list();
    return ratios;
  }

  /** Count and newest id of the performance samples: changes whenever a sample is committed. */
  String sampleVersion() {
    return jdbc.sql("select count(*), max(id) from performance_sample")
        .query((rs, n) -> rs.getLong(1) + "/" + rs.getLong(2)).single();
  }

  /** Locks the person's row until the surrounding transaction ends; empty when there is no such person. */
  Optional<String> lockPerson(String personId) {
    return jdbc.sql("select id from person where id = :id for update").param("id", personId)
        .query(String.class).optional();
  }

  boolean workItemExists(long workItemId) {
    return jdbc.sql("select count(*) from work_item where id = :id").param("id", workItemId)
        .query(Integer.class).single() > 0;
  }

  boolean updateReservation(long workItemId, String personId, ReservationKind kind, double hours) {
    return jdbc.sql("update capacity_reservation set hours = :hours where work_item_id = :item and person_id = :person"
            + " and kind = :kind")
        .param("hours", BigDecimal.valueOf(hours)).param("item", workItemId).param("person", personId)
        .param("kind", kind.name())
        .update() > 0;
  }

  void insertReservation(long workItemId, String personId, ReservationKind kind, double hours, Instant now) {
    jdbc.sql("insert into capacity_reservation (work_item_id, person_id, kind, hours, reserved_at)"
            + " values (:item, :person, :kind, :hours, :now)")
        .param("item", workItemId).param("person", personId).param("kind", kind.name())
        .param("hours", BigDecimal.valueOf(hours)).param("now", Timestamp.from(now))
        .update();
  }

  int deleteReservations(long workItemId) {
    return jdbc.sql("delete from capacity_reservation where work_item_id = :item").param("item", workItemId).update();
  }

  int deleteReservations(long workItemId, String personId) {
    return jdbc.sql("delete from capacity_reservation where work_item_id = :item and person_id = :person")
        .param("item", workItemId).param("person", personId).update();
  }
}
