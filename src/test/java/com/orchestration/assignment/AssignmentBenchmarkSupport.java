package com.orchestration.assignment;

import com.orchestration.lifecycle.Complexity;
import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.organization.Domain;
import com.orchestration.organization.ExperienceLevel;
import com.orchestration.organization.Kind;
import com.orchestration.organization.Person;
import com.orchestration.organization.Role;
import com.orchestration.organization.SkillLevel;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The measuring half of {@code com.orchestration.benchmark.AssignmentBenchmark}, here because it needs the package's
 * internals (the ranker, the policy lookup). Only benchmark code uses it.
 */
@Component
public class AssignmentBenchmarkSupport {

  private static final List<String> SKILLS = List.of("python", "sql", "spark", "airflow", "dbt", "snowflake",
      "postgresql", "kafka");

  private final ApplicationContext context;

  AssignmentBenchmarkSupport(ApplicationContext context) {
    this.context = context;
  }

  /** p50, p99, max (ms) and the iteration count of ranking {@code candidates} ICs in memory. */
  public double[] measureRanking(int candidates, int warmUp, int iterations) {
    AssignmentPolicies policies = context.getBean(AssignmentPolicies.class);
    Random random = new Random(42);
    List<CandidateInput> inputs = new ArrayList<>();
    for (int i = 0; i < candidates; i++) {
      Person person = new Person(String.format("bench-%03d", i), "Bench " + i, "b" + i + "@orchestration.example",
          Role.IC, Domain.DATA, Kind.HUMAN, ExperienceLevel.values()[i % 4], 8, new TreeSet<>(), skills(random),
          List.of("spark"), true);
      List<PerformanceSample> samples = new ArrayList<>();
      for (int s = 0; s < 10; s++) {
        samples.add(new PerformanceSample(4, 3 + random.nextDouble() * 2, random.nextBoolean()));
      }
      inputs.add(new CandidateInput(person, false, random.nextDouble() * 1.1, 24, random.nextInt(5), "HEALTHY",
          samples));
    }
    TaskAttributes task = new TaskAttributes(Domain.DATA, new TreeMap<>(Map.of("python", SkillLevel.INTERMEDIATE,
        "sql", SkillLevel.BEGINNER)), new TreeSet<>(Set.of("spark", "airflow")), Complexity.MODERATE,
        Priority.NORMAL, 6, null);
    LocalDate today = LocalDate.of(2026, 11, 24);
    double[] times = new double[iterations];
    for (int i = 0; i < warmUp + iterations; i++) {
      long start = System.nanoTime();
      Ranking ranking = AssignmentRanker.rank(task, inputs,
          level -> policies.policy(task.priority(), task.complexity(), level), today);
      long elapsed = System.nanoTime() - start;
      if (ranking.ranked().isEmpty() && ranking.excluded().isEmpty()) {
        throw new IllegalStateException("nothing ranked");
      }
      if (i >= warmUp) {
        times[i - warmUp] = elapsed / 1e6;
      }
    }
    return stats(times);
  }

  /**
   * p50, p99, max (ms) and the iteration count of {@link AssignmentService#assign} with {@code candidates} ICs in
   * the data domain (inserted for the run, deactivated afterwards).
   */
  public double[] measureAssignRoundTrip(int candidates, int warmUp, int iterations) {
    AssignmentService service = context.getBean(AssignmentService.class);
    WorkItemService workItems = context.getBean(WorkItemService.class);
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    Random random = new Random(7);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < candidates; i++) {
      String id = String.format("bench-%03d", i);
      ids.add(id);
      jdbc.sql("insert into person (id, name, email, role, domain, kind, level, hours_per_day, active, updated_at) "
              + "values (?, ?, ?, 'ic', 'data', 'HUMAN', ?, 8, true, ?)")
          .params(id, "Bench " + i, id + "@orchestration.example", ExperienceLevel.values()[i % 4].value(),
              Timestamp.from(Instant.now()))
          .update();
      skills(random).forEach((skill, level) -> jdbc.sql("insert into person_skill (person_id, skill, level) "
          + "values (?, ?, ?)").params(id, skill, level.rank()).update());
    }
    List<WorkItem.Draft> drafts = new ArrayList<>();
    for (int i = 0; i < warmUp + iterations; i++) {
      drafts.add(new WorkItem.Draft("INS-BENCH-ASSIGN", "TT1." + (i + 1), TaskKind.TACTICAL, null, Domain.DATA,
          "Benchmark task " + i, null, null, 2, Complexity.MODERATE, Priority.NORMAL, null, false, false,
          Map.of("python", SkillLevel.BEGINNER), Set.of("spark"), List.of()));
    }
    List<WorkItem> items = workItems.createAll(drafts, "benchmark", "assignment benchmark");
    double[] times = new double[iterations];
    try {
      for (int i = 0; i < items.size(); i++) {
        long start = System.nanoTime();
        service.assign(items.get(i).id(), "benchmark");
        long elapsed = System.nanoTime() - start;
        if (i >= warmUp) {
          times[i - warmUp] = elapsed / 1e6;
        }
      }
    } finally {
      for (WorkItem item : items) {
        if (workItems.get(item.id()).state() != TaskState.CANCELLED) {
          workItems.transition(item.id(), TaskState.CANCELLED, "benchmark", "benchmark done");
        }
        jdbc.sql("delete from capacity_reservation where work_item_id = ?").param(item.id()).update();
      }
      jdbc.sql("update person set active = false where id like 'bench-%'").update();
    }
    return stats(times);
  }

  private static TreeMap<String, SkillLevel> skills(Random random) {
    TreeMap<String, SkillLevel> skills = new TreeMap<>();
    for (String skill : SKILLS) {
      if (random.nextInt(3) > 0) {
        skills.put(skill, SkillLevel.values()[random.nextInt(4)]);
      }
    }
    skills.putIfAbsent("python", SkillLevel.values()[random.nextInt(4)]);
    return skills;
  }

  private static double[] stats(double[] times) {
    double[] sorted = times.clone();
    Arrays.sort(sorted);
    return new double[] {percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1],
        sorted.length};
  }

  private static double percentile(double[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
