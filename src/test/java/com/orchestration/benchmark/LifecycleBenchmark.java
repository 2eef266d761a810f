package com.orchestration.benchmark;

import com.orchestration.OrchestrationTest;
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
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SPEC §14, issue 9 part 7, side by side in one run on H2:
 * (a) a tactical task's full lifecycle with peer review and domain approval (start with assignment, start work, do
 * the work, review code, approve for the domain: 4 person completions) against the engine's floor — a bare BPMN with
 * the same number of user tasks, started and completed through the same Java API — and their ratio (target ≤ 2×);
 * (b) a tier-4 instruction with 30 strategic and 150 tactical tasks: the engine time to plan and approve it
 * (30 strategic-task processes started) and to take the 30 breakdowns and approvals (150 tasks created, their
 * lifecycles started, the 30 first tasks assigned) — target &lt; 3 s.
 * Writes target/benchmark/lifecycle.md. Measures only; asserts nothing about time.
 * Run: {@code mvn -B test -Pbenchmark -Dtest=LifecycleBenchmark}
 */
@Tag("benchmark")
@OrchestrationTest
class LifecycleBenchmark {

  static final int WARMUP = 20;
  static final int TASKS = 60;

  @Autowired LifecycleDriver lifecycle;
  @Autowired InstructionDriver instructions;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @Test
  void lifecycleAgainstTheEngineFloorAndATierFourInstruction() throws IOException {
    double[] floor = floor();
    double[] full = fullLifecycles();
    double[][] tierFour = tierFour();
    double ratio = median(full) / median(floor);

    String table = """
        # Lifecycle benchmark (SPEC §14; H2 in memory, history full, one thread, warm JVM)

        ## (a) One tactical task end to end against the engine's floor

        | measurement | tasks | p50 ms | p99 ms | max ms |
        |---|---|---|---|---|
        %s
        %s

        Ratio of medians (lifecycle / floor): **%.1f×** (target ≤ 2×).

        ## (b) Tier 4: 30 strategic tasks, 150 tactical tasks

        | step | runs | p50 ms | max ms | target |
        |---|---|---|---|---|
        %s
        %s
        %s
        """.formatted(row("floor: bare BPMN, start + 4 user-task completions", floor),
        row("task-lifecycle: start (assignment) + start work, do work, review code, approve for the domain", full),
        ratio,
        row2("plan submitted, architecture and risk review approved → 30 strategic-task processes", tierFour[0], ""),
        row2("30 breakdowns submitted and approved → 150 tasks created, lifecycles started", tierFour[1], ""),
        row2("total engine time, plan to 150 started tasks", tierFour[2], "< 3000 ms"));
    System.out.println(table);
    Path out = Path.of("target", "benchmark", "lifecycle.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table);
  }

  /** Start + 4 user tasks in sequence, nothing else: what the engine itself costs. */
  double[] floor() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("benchmark-floor").camundaHistoryTimeToLive(1)
        .startEvent().userTask("A").userTask("B").userTask("C").userTask("D").endEvent().done();
    Deployment deployment = repository.createDeployment().addModelInstance("benchmark-floor.bpmn", model).deploy();
    try {
      double[] times = new double[TASKS];
      for (int i = -WARMUP; i < TASKS; i++) {
        long t0 = System.nanoTime();
        String pi = runtime.startProcessInstanceByKey("benchmark-floor").getId();
        for (int n = 0; n < 4; n++) {
          Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
          tasks.complete(task.getId());
        }
        if (i >= 0) {
          times[i] = (System.nanoTime() - t0) / 1e6;
        }
      }
      return times;
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  /** The real thing: assignment, SLA timers, listeners, transition log, peer and domain gates, capacity. */
  double[] fullLifecycles() {
    lifecycle.startClock();
    List<WorkItem> created = new ArrayList<>();
    try {
      double[] times = new double[TASKS];
      for (int i = -WARMUP; i < TASKS; i++) {
        WorkItem.Draft draft = LifecycleDriver.frontendTask(WorkItemDrafts.newInstructionKey(), "TT1.1");
        long t0 = System.nanoTime();
        WorkItem item = lifecycle.plan(2, draft).get(0);
        String ic = item.assignee();
        lifecycle.complete(item, "Task_StartWork", ic, Map.of("workAccepted", true));
        lifecycle.complete(item, "Task_DoWork", ic, Map.of("workOutcome", "submit", "summary", "done",
            "testsRun", "12 tests green", "hoursSpent", 1.0));
        lifecycle.complete(item, "Task_ReviewCode", lifecycle.task(item, "Task_ReviewCode").getAssignee(),
            Map.of("peerReviewOutcome", "approve"));
        lifecycle.complete(item, "Task_ApproveDomain", "fiona",
            Map.of("domainApprovalOutcome", "approve", "domainChecklistConfirmed", true));
        if (i >= 0) {
          times[i] = (System.nanoTime() - t0) / 1e6;
        }
        created.add(item);
      }
      return times;
    } finally {
      lifecycle.cleanUp(created);
    }
  }

  /** {plan and reviews}, {breakdowns}, {total}: three runs each. */
  double[][] tierFour() {
    int runs = 3;
    double[][] out = new double[3][runs];
    for (int run = -1; run < runs; run++) {
      lifecycle.startClock();
      try {
        Instruction ins = instructions.submit(InstructionDriver.request("Move to the new platform " + run,
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
        long t0 = System.nanoTime();
        complete(key, "Task_WriteStrategicPlan", null, "tom", v);
        complete(key, "Task_ReviewArchitecture", null, "arjun", Map.of("architectureOutcome", "approve"));
        complete(key, "Task_ReviewRisk", null, "erin", Map.of("riskDecision", "approve"));
        long t1 = System.nanoTime();
        for (int i = 1; i <= 30; i++) {
          String domain = domains[i % 2];
          StringBuilder breakdown = new StringBuilder();
          for (int n = 1; n <= 5; n++) {
            breakdown.append("TT").append(i).append('.').append(n).append(" | ").append(domain)
                .append(" | 2 | Step ").append(n).append(n > 1 ? " | deps: TT" + i + "." + (n - 1) : "").append('\n');
          }
          complete(key, "Task_BreakDownStrategicTask", "ST" + i, domain.equals("data") ? "dana" : "fiona",
              Map.of("tacticalTasks", breakdown.toString()));
          complete(key, "Task_ReviewBreakdown", "ST" + i, "tom", Map.of("breakdownDecision", "approve"));
        }
        long t2 = System.nanoTime();
        if (run >= 0) {
          out[0][run] = (t1 - t0) / 1e6;
          out[1][run] = (t2 - t1) / 1e6;
          out[2][run] = (t2 - t0) / 1e6;
        }
      } finally {
        instructions.cleanUp();
      }
    }
    return out;
  }

  /** Finds and completes one user task as the person, as Tasklist would (no job runs: none are due). */
  void complete(String key, String definitionKey, String taskKey, String user, Map<String, Object> variables) {
    instructions.complete(instructions.task(key, definitionKey, taskKey), user, variables);
  }

  static double median(double[] times) {
    double[] sorted = times.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  static double percentile(double[] times, double p) {
    double[] sorted = times.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  static String row(String name, double[] times) {
    return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f |", name, times.length, median(times),
        percentile(times, 0.99), Arrays.stream(times).max().orElse(0));
  }

  static String row2(String name, double[] times, String target) {
    return String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %s |", name, times.length, median(times),
        Arrays.stream(times).max().orElse(0), target);
  }
}
