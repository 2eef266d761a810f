package com.orchestration.benchmark;

import com.orchestration.OrchestrationTest;
import com.orchestration.capacity.CapacityOverview;
import com.orchestration.capacity.CapacityService;
import com.orchestration.capacity.Forecast;
import com.orchestration.capacity.ForecastService;
import com.orchestration.capacity.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SPEC §14: "Capacity + forecast for 500 ICs and 10,000 open tasks: under 50 ms". Measures, does not assert: run
 * with {@code mvn -B test -Pbenchmark -Dtest=CapacityBenchmark}; the table goes to stdout and
 * {@code target/benchmark/capacity.md}. Runs in the application's Spring context on in-memory H2 (the same
 * services, queries and DMN-backed bands production uses), with generated data: 500 extra active ICs over the six
 * domains (every 7th with an unavailable day in the horizon), 10,000 open tasks reserved for them (states ASSIGNED,
 * IN_PROGRESS, BLOCKED, ESCALATED and UNDER_REVIEW with a reviewer's REVIEW reservation; mixed priorities;
 * deadlines none, inside and beyond the horizon) and 10 performance samples per IC (so estimate factors apply).
 */
@Tag("benchmark")
@OrchestrationTest
class CapacityBenchmark {

  static final int ICS = 500;
  static final int OPEN_TASKS = 10_000;
  static final int SAMPLES_PER_IC = 10;
  static final int WARM_UP = 30;
  static final int ITERATIONS = 50;
  static final double TARGET_MS = 50.0;
  static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

  private static final String[] DOMAINS = {"frontend", "backend", "qa", "devops", "data", "security"};
  private static final String[] STATES = {"ASSIGNED", "ASSIGNED", "IN_PROGRESS", "IN_PROGRESS", "BLOCKED", "ESCALATED",
      "UNDER_REVIEW"};
  private static final String[] PRIORITIES = {"CRITICAL", "HIGH", "NORMAL", "NORMAL", "LOW"};

  @Autowired CapacityService capacity;
  @Autowired ForecastService forecasts;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void capacityAndForecastFor500IcsAnd10000OpenTasks() throws IOException {
    ClockUtil.setCurrentTime(java.util.Date.from(NOW));
    long generateStart = System.nanoTime();
    List<String> ics = generate();
    double generateSeconds = (System.nanoTime() - generateStart) / 1e9;

    CapacityOverview overview = capacity.overview();
    Forecast forecast = forecasts.forecast();
    int reservations = jdbc.queryForObject("select count(*) from capacity_reservation", Integer.class);
    for (int i = 0; i < WARM_UP; i++) {
      capacity.overview();
      capacity.workloads(ics);
      forecasts.forecast();
    }
    double[] overviewMs = new double[ITERATIONS];
    double[] workloadsMs = new double[ITERATIONS];
    double[] forecastMs = new double[ITERATIONS];
    double[] bothMs = new double[ITERATIONS];
    for (int i = 0; i < ITERATIONS; i++) {
      overviewMs[i] = time(capacity::overview);
      workloadsMs[i] = time(() -> capacity.workloads(ics));
      forecastMs[i] = time(forecasts::forecast);
      bothMs[i] = time(() -> {
        Map<String, Workload> w = capacity.workloads(ics);
        return List.of(w, forecasts.forecast());
      });
    }

    StringBuilder md = new StringBuilder();
    md.append("# Capacity benchmark (SPEC §14)\n\n");
    md.append(String.format(Locale.ROOT, "Data: %d active ICs (%d generated + the demo organisation's), %d open tasks, "
            + "%d reservations, %d performance samples; H2 in memory; %d warm-up rounds, %d measured; "
            + "generated in %.1f s. JVM %s, %d CPUs.%n%n",
        overview.people().size(), ICS, OPEN_TASKS, reservations, ICS * SAMPLES_PER_IC, WARM_UP, ITERATIONS,
        generateSeconds, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors()));
    md.append(String.format(Locale.ROOT, "Machine load average when measuring: %.1f.%n%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    md.append("| Operation | p50 ms | p99 ms | max ms | Target ms | p50 within | p99 within |\n");
    md.append("|---|---:|---:|---:|---:|---|---|\n");
    row(md, "capacity overview (`GET /api/capacity`)", overviewMs, Double.NaN);
    row(md, "workloads(all 500 ids)", workloadsMs, Double.NaN);
    row(md, "forecast (`GET /api/capacity/forecast`)", forecastMs, Double.NaN);
    row(md, "**capacity + forecast** (workloads(all 500) + forecast())", bothMs, TARGET_MS);
    md.append(String.format(Locale.ROOT, "%nSanity: system utilisation %.3f, %d ICs in the forecast, "
            + "%d projected deadline misses.%n", overview.system().utilisation(), forecast.people().size(),
        forecast.people().stream().mapToInt(p -> p.projectedMisses().size()).sum()));
    System.out.println(md);
    Path out = Path.of("target", "benchmark", "capacity.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md.toString());
  }

  private List<String> generate() {
    Random random = new Random(42);
    Timestamp past = Timestamp.from(NOW.minusSeconds(86_400L * 30));
    List<String> ics = new ArrayList<>();
    List<Object[]> people = new ArrayList<>();
    List<Object[]> unavailable = new ArrayList<>();
    for (int i = 0; i < ICS; i++) {
      String id = String.format(Locale.ROOT, "bench-ic-%04d", i);
      ics.add(id);
      people.add(new Object[] {id, id, id + "@orchestration.example", DOMAINS[i % DOMAINS.length],
          i % 10 == 0 ? 12 : i % 5 == 0 ? 6 : 8, past});
      if (i % 7 == 0) {
        unavailable.add(new Object[] {id, Date.valueOf(LocalDate.of(2026, 11, 27))});
      }
    }
    jdbc.batchUpdate("insert into person (id, name, email, role, domain, kind, level, hours_per_day, active, "
        + "updated_at) values (?, ?, ?, 'ic', ?, 'HUMAN', 'mid', ?, true, ?)", people);
    jdbc.batchUpdate("insert into person_unavailable_date (person_id, unavailable_on) values (?, ?)", unavailable);

    List<Object[]> items = new ArrayList<>();
    for (int t = 0; t < OPEN_TASKS; t++) {
      int ic = t % ICS;
      double estimate = 1 + random.nextInt(8);
      int deadlineKind = random.nextInt(3);
      Timestamp deadline = deadlineKind == 0 ? null
          : Timestamp.from(NOW.plusSeconds(3600L * (deadlineKind == 1 ? random.nextInt(96) : 100 + random.nextInt(300))));
      items.add(new Object[] {"BENCH-" + ic, "TT" + t, DOMAINS[ic % DOMAINS.length], "Generated task " + t, estimate,
          random.nextInt(4) == 0 ? estimate / 2 : 0, PRIORITIES[random.nextInt(PRIORITIES.length)], deadline,
          ics.get(ic), STATES[random.nextInt(STATES.length)], past});
    }
    for (int s = 0; s < ICS * SAMPLES_PER_IC; s++) {
      int ic = s % ICS;
      items.add(new Object[] {"BENCH-DONE-" + ic, "TT" + s, DOMAINS[ic % DOMAINS.length], "Completed task " + s, 4.0,
          4.0, "NORMAL", null, ics.get(ic), "COMPLETED", past});
    }
    jdbc.batchUpdate("""
        insert into work_item (instruction_key, task_key, kind, domain, title, estimate_hours, hours_spent, complexity,
          priority, deadline, assignee, state, created_at, updated_at)
        values (?, ?, 'TACTICAL', ?, ?, ?, ?, 'MODERATE', ?, ?, ?, ?, ?, ?)""",
        items.stream().map(r -> new Object[] {r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10],
            r[10]}).toList());

    jdbc.update("""
        insert into capacity_reservation (work_item_id, person_id, kind, hours, reserved_at)
        select id, assignee, 'TASK', estimate_hours, created_at from work_item
        where instruction_key like 'BENCH-%' and state <> 'COMPLETED'""");
    // The next IC reviews each task under review: 10 % of the estimate, at least 0.5 h (SPEC §7).
    List<Object[]> reviews = new ArrayList<>();
    jdbc.query("select id, assignee, estimate_hours from work_item where instruction_key like 'BENCH-%' "
        + "and state = 'UNDER_REVIEW'", rs -> {
          int author = ics.indexOf(rs.getString(2));
          reviews.add(new Object[] {rs.getLong(1), ics.get((author + 1) % ICS),
              Math.max(0.5, rs.getDouble(3) * 0.1), past});
        });
    jdbc.batchUpdate("insert into capacity_reservation (work_item_id, person_id, kind, hours, reserved_at) "
        + "values (?, ?, 'REVIEW', ?, ?)", reviews);
    jdbc.update("""
        insert into performance_sample (person_id, work_item_id, domain, complexity, estimate_hours, actual_hours,
          first_time_approved, completed_at)
        select assignee, id, domain, 'MODERATE', estimate_hours, estimate_hours * (0.6 + mod(id, 10) * 0.15), true,
          created_at
        from work_item where instruction_key like 'BENCH-DONE-%'""");
    return ics;
  }

  private static double time(Supplier<?> work) {
    long start = System.nanoTime();
    Object result = work.get();
    double ms = (System.nanoTime() - start) / 1e6;
    if (result == null) {
      throw new IllegalStateException("no result");
    }
    return ms;
  }

  private static void row(StringBuilder md, String name, double[] samples, double target) {
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    double p50 = percentile(sorted, 0.50);
    double p99 = percentile(sorted, 0.99);
    md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %s | %s | %s |%n", name, p50, p99,
        sorted[sorted.length - 1], Double.isNaN(target) ? "—" : String.format(Locale.ROOT, "%.0f", target),
        Double.isNaN(target) ? "—" : p50 < target ? "yes" : "**no**",
        Double.isNaN(target) ? "—" : p99 < target ? "yes" : "**no**"));
  }

  private static double percentile(double[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
