package com.orchestration.benchmark;

import com.orchestration.insight.Percentiles;
import com.orchestration.intake.Instruction;
import com.orchestration.intake.InstructionDriver;
import com.orchestration.intake.RiskScores;
import com.orchestration.lifecycle.LifecycleDriver;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemDrafts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The measurements of SPEC §14's lifecycle targets, run against one application context (H2 or PostgreSQL):
 * (a) a tactical task's full lifecycle with peer review and domain approval (start with assignment, start work, do
 * the work, review code, approve for the domain: 4 person completions) against the engine's floor — a bare BPMN with
 * the same number of user tasks, started and completed through the same Java API — and their ratio (target ≤ 2×);
 * (b) a tier-4 instruction with 30 strategic and 150 tactical tasks: the engine time to plan and approve it
 * (30 strategic-task processes started) and to take the 30 breakdowns and approvals (150 tasks created, their
 * lifecycles started, the 30 first tasks assigned) — target &lt; 3 s. Measures only; asserts nothing about time.
 */
final class LifecycleScenarios {

  static final int WARMUP = 30;
  static final int TASKS = 60;
  static final int TIER_FOUR_RUNS = 3;
  static final String FLOOR = "benchmark-floor";
  static final String STRUCTURE = "benchmark-structure";
  static final String STRUCTURE_GATE = "benchmark-structure-gate";

  final LifecycleDriver lifecycle;
  final InstructionDriver instructions;
  final RepositoryService repository;
  final RuntimeService runtime;
  final TaskService tasks;
  final JdbcClient jdbc;
  final IdentityService identity;
  final Map<String, List<String>> groups = new HashMap<>();

  LifecycleScenarios(ApplicationContext context) {
    this.lifecycle = context.getBean(LifecycleDriver.class);
    this.instructions = context.getBean(InstructionDriver.class);
    this.repository = context.getBean(RepositoryService.class);
    this.runtime = context.getBean(RuntimeService.class);
    this.tasks = context.getBean(TaskService.class);
    this.jdbc = context.getBean(JdbcClient.class);
    this.identity = context.getBean(IdentityService.class);
  }

  /** Runs (a) and (b) side by side, prints the table and writes it to target/benchmark/{@code fileName}. */
  String runAndWrite(String database, String fileName) throws IOException {
    double[][] floorAndFull = floorAndLifecycle();
    double[] floor = floorAndFull[0];
    double[] full = floorAndFull[1];
    double[] structure = floorAndFull[2];
    double[][] tierFour = tierFour();
    double ratio = median(full) / median(floor);

    String table = """
        # Lifecycle benchmark (SPEC §14; %s, history full, one thread, warm JVM)

        Load average at the end of the run: %s

        ## (a) One tactical task end to end against the engine's floor

        | measurement | tasks | p50 ms | p99 ms | max ms |
        |---|---|---|---|---|
        %s
        %s
        %s

        Ratio of medians (lifecycle / floor): **%.1f×** (target ≤ 2×).

        The structure SPEC prescribes, without any of our code: the same four user tasks, the last two in called gate
        processes (§7), each with its state's warning and escalation timers (§5.3), no listeners, no variables —
        **%.1f×** the floor. The lifecycle costs **%.1f×** this structure.

        ## (b) Tier 4: 30 strategic tasks, 150 tactical tasks

        | step | runs | p50 ms | max ms | target |
        |---|---|---|---|---|
        %s
        %s
        %s
        """.formatted(database, loadAverage(),
        row("floor: bare BPMN, start + 4 user-task completions (alternating with the lifecycle)", floor),
        row("task-lifecycle: start (assignment) + start work, do work, review code, approve for the domain", full),
        row("structure only: 2 user tasks + 2 called gates with 1 user task each, 2 SLA timers on every wait", structure),
        ratio, median(structure) / median(floor), median(full) / median(structure),
        row2("plan submitted, architecture and risk review approved → 30 strategic-task processes", tierFour[0], ""),
        row2("30 breakdowns submitted and approved → 150 tasks created, lifecycles started", tierFour[1], ""),
        row2("total engine time, plan to 150 started tasks (completions only, task look-ups not counted)", tierFour[2], "< 3000 ms"));
    System.out.println(table);
    Path out = Path.of("target", "benchmark", fileName);
    Files.createDirectories(out.getParent());
    Files.writeString(out, table);
    return table;
  }

  /**
   * Floor and lifecycle alternate, one of each per round, so that whatever else the machine does at a moment (other
   * builds, JIT, GC) weighs on all alike: {floor}, {lifecycle}, {structure only}.
   */
  double[][] floorAndLifecycle() {
    return withFloorProcess(() -> {
      lifecycle.startClock();
      List<WorkItem> created = new ArrayList<>();
      try {
        double[][] times = new double[3][TASKS];
        for (int i = -WARMUP; i < TASKS; i++) {
          double floor = floorOnce();
          double full = lifecycleOnce(created);
          double structure = structureOnce(i);
          if (i >= 0) {
            times[0][i] = floor;
            times[1][i] = full;
            times[2][i] = structure;
          }
        }
        return times;
      } finally {
        lifecycle.cleanUp(created);
      }
    });
  }

  <T> T withFloorProcess(java.util.function.Supplier<T> work) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(FLOOR).camundaHistoryTimeToLive(1)
        .startEvent().userTask("A").userTask("B").userTask("C").userTask("D").endEvent().done();
    Deployment deployment = repository.createDeployment().addModelInstance(FLOOR + ".bpmn", model)
        .addModelInstance(STRUCTURE + ".bpmn", structure())
        .addModelInstance(STRUCTURE_GATE + ".bpmn", withTimers(Bpmn.createExecutableProcess(STRUCTURE_GATE)
            .camundaHistoryTimeToLive(1).startEvent().userTask("R"), "R").endEvent().done())
        .deploy();
    try {
      return work.get();
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  /**
   * The structure of a lifecycle with both gates as SPEC prescribes it, and nothing of ours: two user tasks, then two
   * call activities of a gate process with one user task; every user task with a non-interrupting warning and
   * escalation timer (far in the future, as an SLA is); the gates get the business key, so a task query finds their
   * task as it finds the lifecycle's.
   */
  static BpmnModelInstance structure() {
    BpmnModelInstance model = withTimers(withTimers(Bpmn.createExecutableProcess(STRUCTURE).camundaHistoryTimeToLive(1)
        .startEvent().userTask("A"), "A").userTask("B"), "B")
        .callActivity("G1").calledElement(STRUCTURE_GATE).callActivity("G2").calledElement(STRUCTURE_GATE)
        .endEvent().done();
    for (String gate : List.of("G1", "G2")) {
      org.camunda.bpm.model.bpmn.instance.CallActivity call = model.getModelElementById(gate);
      org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn in =
          model.newInstance(org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn.class);
      in.setCamundaBusinessKey("#{execution.processBusinessKey}");
      call.builder().addExtensionElement(in);
    }
    return model;
  }

  /** A warning and an escalation timer on {@code task}, each leading to an end event; continues after the task. */
  static org.camunda.bpm.model.bpmn.builder.AbstractActivityBuilder<?, ?> withTimers(
      org.camunda.bpm.model.bpmn.builder.AbstractActivityBuilder<?, ?> afterTask, String task) {
    return afterTask
        .boundaryEvent(task + "_Warning").cancelActivity(false).timerWithDuration("P10D").endEvent()
        .moveToActivity(task).boundaryEvent(task + "_Escalation").cancelActivity(false).timerWithDuration("P20D")
        .endEvent().moveToActivity(task);
  }

  /** The structure only: started, then its four user tasks (two in called gates) completed as for the floor. */
  double structureOnce(int round) {
    return startAndCompleteFour(STRUCTURE, "structure-" + round + "-" + System.nanoTime());
  }

  /** Start + 4 user tasks in sequence, nothing else: what the engine itself costs. */
  double floorOnce() {
    return startAndCompleteFour(FLOOR, "floor-" + System.nanoTime());
  }

  /** Starts {@code processKey} and completes its four user tasks one by one, each found by one task query; ms. */
  private double startAndCompleteFour(String processKey, String businessKey) {
    long t0 = System.nanoTime();
    runtime.startProcessInstanceByKey(processKey, businessKey);
    for (int n = 0; n < 4; n++) {
      Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
      tasks.complete(task.getId());
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  /**
   * The real thing: assignment, SLA timers, listeners, transition log, peer and domain gates, capacity. Each step is,
   * as for the floor, one task query and one completion — here as the person, with authorization checks on, as
   * Tasklist does (their groups are looked up once per person, as a login session holds them).
   */
  double lifecycleOnce(List<WorkItem> created) {
    WorkItem.Draft draft = LifecycleDriver.frontendTask(WorkItemDrafts.newInstructionKey(), "TT1.1");
    long t0 = System.nanoTime();
    WorkItem item = lifecycle.plan(2, draft).get(0);
    created.add(item);
    complete(item, "Task_StartWork", null, Map.of("workAccepted", true));
    complete(item, "Task_DoWork", null, Map.of("workOutcome", "submit", "summary", "done",
        "testsRun", "12 tests green", "hoursSpent", 1.0));
    complete(item, "Task_ReviewCode", null, Map.of("peerReviewOutcome", "approve"));
    complete(item, "Task_ApproveDomain", "fiona",
        Map.of("domainApprovalOutcome", "approve", "domainChecklistConfirmed", true));
    return (System.nanoTime() - t0) / 1e6;
  }

  /**
   * Completes the task's open user task {@code definitionKey} (of its lifecycle or a gate it called: they share the
   * business key, unique per task here) as {@code user}, or as its assignee when null.
   */
  void complete(WorkItem item, String definitionKey, String user, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(item.instructionKey())
        .taskDefinitionKey(definitionKey).singleResult();
    String person = user != null ? user : task == null ? null : task.getAssignee();
    if (person == null) {
      throw new IllegalStateException("no user task " + definitionKey + " of " + item.qualifiedKey() + " for " + user);
    }
    identity.setAuthentication(person, groupsOf(person));
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * H2 only: runs floors and lifecycles again with H2's query statistics on (not timed: the statistics cost time
   * themselves) and writes the statements of one floor and of one lifecycle, most expensive first.
   */
  void writeStatementProfile(String fileName) throws IOException {
    int runs = 20;
    String report = withFloorProcess(() -> {
      List<Map<String, Object>> floor = statements(() -> {
        for (int i = 0; i < runs; i++) {
          floorOnce();
        }
      });
      List<Map<String, Object>> structure = statements(() -> {
        for (int i = 0; i < runs; i++) {
          structureOnce(-1 - i);
        }
      });
      lifecycle.startClock();
      List<WorkItem> created = new ArrayList<>();
      try {
        List<Map<String, Object>> full = statements(() -> {
          for (int i = 0; i < runs; i++) {
            lifecycleOnce(created);
          }
        });
        List<Map<String, Object>> tierFour = statements(() -> tierFourOnce("Statements of a tier-4 plan"));
        return statementReport(floor, structure, full, runs) + tierFourReport(tierFour);
      } finally {
        lifecycle.cleanUp(created);
      }
    });
    Path out = Path.of("target", "benchmark", fileName);
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }

  List<Map<String, Object>> statements(Runnable work) {
    jdbc.sql("set query_statistics_max_entries 2000").update();
    jdbc.sql("set query_statistics true").update();
    try {
      work.run();
      return jdbc.sql("select sql_statement, execution_count, cumulative_execution_time "
          + "from information_schema.query_statistics order by cumulative_execution_time desc").query().listOfRows();
    } finally {
      jdbc.sql("set query_statistics false").update();
    }
  }

  static String statementReport(List<Map<String, Object>> floor, List<Map<String, Object>> structure,
      List<Map<String, Object>> full, int runs) {
    long floorCount = count(floor);
    long structureCount = count(structure);
    long fullCount = count(full);
    double floorMs = floor.stream().mapToDouble(r -> number(r, "CUMULATIVE_EXECUTION_TIME").doubleValue()).sum();
    double structureMs =
        structure.stream().mapToDouble(r -> number(r, "CUMULATIVE_EXECUTION_TIME").doubleValue()).sum();
    double fullMs = full.stream().mapToDouble(r -> number(r, "CUMULATIVE_EXECUTION_TIME").doubleValue()).sum();
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, """
        # Statements per run (H2 query statistics, %d runs each, not timed)

        | | statements per run | H2 execution ms per run |
        |---|---|---|
        | floor | %.1f | %.2f |
        | structure only (two called gates, SLA timers, nothing of ours) | %.1f | %.2f |
        | lifecycle | %.1f | %.2f |

        ## Lifecycle statements by H2 execution time

        | per run | ms per run | statement |
        |---|---|---|
        """, runs, floorCount / (double) runs, floorMs / runs, structureCount / (double) runs, structureMs / runs,
        fullCount / (double) runs, fullMs / runs));
    for (Map<String, Object> r : full) {
      String sql = String.valueOf(r.get("SQL_STATEMENT")).replaceAll("\\s+", " ").replace("|", "\\|");
      out.append(String.format(Locale.ROOT, "| %.1f | %.3f | `%s` |%n", number(r, "EXECUTION_COUNT").doubleValue() / runs,
          number(r, "CUMULATIVE_EXECUTION_TIME").doubleValue() / runs, sql.length() > 220 ? sql.substring(0, 220) + "…" : sql));
    }
    return out.toString();
  }

  static String tierFourReport(List<Map<String, Object>> rows) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, """

        ## Tier 4: plan to 150 started tasks (one run, with the driver's task queries)

        %d statements. The 30 most frequent:

        | count | ms | statement |
        |---|---|---|
        """, count(rows)));
    rows.stream().sorted(java.util.Comparator.comparingLong(r -> -number(r, "EXECUTION_COUNT").longValue())).limit(30)
        .forEach(r -> {
          String sql = String.valueOf(r.get("SQL_STATEMENT")).replaceAll("\\s+", " ").replace("|", "\\|");
          out.append(String.format(Locale.ROOT, "| %d | %.1f | `%s` |%n", number(r, "EXECUTION_COUNT").longValue(),
              number(r, "CUMULATIVE_EXECUTION_TIME").doubleValue(), sql.length() > 160 ? sql.substring(0, 160) + "…" : sql));
        });
    return out.toString();
  }

  static long count(List<Map<String, Object>> rows) {
    return rows.stream().mapToLong(r -> number(r, "EXECUTION_COUNT").longValue()).sum();
  }

  static Number number(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value instanceof Number n ? n : 0;
  }

  /** {plan and reviews}, {breakdowns}, {total}: one warm-up and {@link #TIER_FOUR_RUNS} measured runs. */
  double[][] tierFour() {
    double[][] out = new double[3][TIER_FOUR_RUNS];
    for (int run = -1; run < TIER_FOUR_RUNS; run++) {
      double[] times = tierFourOnce("Move to the new platform " + run);
      if (run >= 0) {
        for (int step = 0; step < 3; step++) {
          out[step][run] = times[step];
        }
      }
    }
    return out;
  }

  /** One tier-4 instruction from plan to 150 started tasks: {plan and reviews, breakdowns, total} in ms. */
  double[] tierFourOnce(String title) {
    lifecycle.startClock();
    try {
      Instruction ins = instructions.submit(InstructionDriver.request(title,
          "migration", List.of("frontend", "data"), List.of("databaseSchemaChange"), "high"), "alice");
      String key = ins.key();
      StringBuilder plan = new StringBuilder();
      String[] domains = {"frontend", "data"};
      for (int i = 1; i <= 30; i++) {
        plan.append("ST").append(i).append(" | ").append(domains[i % 2]).append(" | 2 | Part ").append(i)
            .append('\n');
      }
      Map<String, Object> v = new HashMap<>();
      v.put("objective", "Everything on the new platform");
      v.put("strategicTasks", plan.toString());
      RiskScores.CATEGORIES.forEach(c -> v.put(c, 5));
      long planning = complete(key, "Task_WriteStrategicPlan", null, "tom", v)
          + complete(key, "Task_ReviewArchitecture", null, "arjun", Map.of("architectureOutcome", "approve"))
          + complete(key, "Task_ReviewRisk", null, "erin", Map.of("riskDecision", "approve"));
      long breakdowns = 0;
      for (int i = 1; i <= 30; i++) {
        String domain = domains[i % 2];
        StringBuilder breakdown = new StringBuilder();
        for (int n = 1; n <= 5; n++) {
          breakdown.append("TT").append(i).append('.').append(n).append(" | ").append(domain)
              .append(" | 2 | Step ").append(n).append(n > 1 ? " | deps: TT" + i + "." + (n - 1) : "").append('\n');
        }
        breakdowns += complete(key, "Task_BreakDownStrategicTask", "ST" + i, domain.equals("data") ? "dana" : "fiona",
            Map.of("tacticalTasks", breakdown.toString()));
        breakdowns += complete(key, "Task_ReviewBreakdown", "ST" + i, "tom", Map.of("breakdownDecision", "approve"));
      }
      return new double[] {planning / 1e6, breakdowns / 1e6, (planning + breakdowns) / 1e6};
    } finally {
      instructions.cleanUp();
    }
  }

  /**
   * Finds one user task of the instruction (by definition key and, for an ST's task, its variable taskKey) and
   * completes it as the person, as Tasklist would; returns the nanoseconds of the completion alone. Finding the task
   * is not counted: the driver's query by process variable scans the variables of every open task, where Tasklist
   * shows a person's list (no job runs: none are due).
   */
  long complete(String key, String definitionKey, String taskKey, String user, Map<String, Object> variables) {
    Task task = instructions.task(key, definitionKey, taskKey);
    identity.setAuthentication(user, groupsOf(user));
    try {
      long t0 = System.nanoTime();
      tasks.complete(task.getId(), variables);
      return System.nanoTime() - t0;
    } finally {
      identity.clearAuthentication();
    }
  }

  List<String> groupsOf(String user) {
    return groups.computeIfAbsent(user, u ->
        identity.createGroupQuery().groupMember(u).list().stream().map(Group::getId).toList());
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2] + " (1, 5, 15 min; "
          + Runtime.getRuntime().availableProcessors() + " cores)";
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  static double median(double[] times) {
    return percentile(times, 50);
  }

  /** Nearest rank, as the metrics API computes percentiles. */
  static double percentile(double[] times, int p) {
    double[] sorted = times.clone();
    Arrays.sort(sorted);
    return Percentiles.nearestRank(sorted, p);
  }

  static String row(String name, double[] times) {
    return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f |", name, times.length, median(times),
        percentile(times, 99), Arrays.stream(times).max().orElse(0));
  }

  static String row2(String name, double[] times, String target) {
    return String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %s |", name, times.length, median(times),
        Arrays.stream(times).max().orElse(0), target);
  }
}
