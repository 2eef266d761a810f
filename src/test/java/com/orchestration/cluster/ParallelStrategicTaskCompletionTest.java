package com.orchestration.cluster;

import static com.orchestration.intake.InstructionDriver.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import com.orchestration.intake.InstructionDriver;
import com.orchestration.intake.RiskScores;
import com.orchestration.lifecycle.LifecycleDriver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two people validate two strategic tasks of one instruction at the same moment (on two nodes, or two threads of
 * one). Each completion ends a strategic-task process; the instruction's multi-instance must join them in its own
 * jobs — async after each <em>instance</em> — not in the people's transactions, where the second one failed with an
 * OptimisticLockingException on the multi-instance counters (3 of 5 runs before the model was fixed).
 */
@OrchestrationTest
class ParallelStrategicTaskCompletionTest {

  @Autowired InstructionDriver driver;
  @Autowired LifecycleDriver lifecycle;
  @Autowired ManagementService management;

  @AfterEach
  void cleanUp() {
    driver.cleanUp();
  }

  @Test
  void theMultiInstanceJoinsEachStrategicTaskInAJobNotInTheCompletingTransaction() {
    List<JobDefinition> asyncAfter = management.createJobDefinitionQuery().processDefinitionKey("instruction")
        .jobType("async-continuation").list();
    assertThat(asyncAfter).extracting(JobDefinition::getActivityId, JobDefinition::getJobConfiguration)
        .as("async after on the inner activity, not on #multiInstanceBody")
        .contains(org.assertj.core.groups.Tuple.tuple("CallActivity_RunStrategicTask", "async-after"));
  }

  @Test
  void twoStrategicTasksValidatedAtTheSameMomentBothSucceed() {
    lifecycle.startClock();
    String key = driver.submit(request("Two validations at once", "feature", List.of("frontend"), List.of(),
        "normal"), "alice").key();
    Map<String, Object> plan = new HashMap<>();
    plan.put("objective", "Two independent parts");
    plan.put("strategicTasks", "ST1 | frontend | 1 | Page\nST2 | data | 1 | View");
    RiskScores.CATEGORIES.forEach(category -> plan.put(category, 2));
    plan.put("coreArchitecture", false);
    driver.complete(key, "Task_WriteStrategicPlan", null, "tom", plan);
    driver.complete(key, "Task_BreakDownStrategicTask", "ST1", "fiona",
        Map.of("tacticalTasks", "TT1.1 | frontend | 2 | Build the page"));
    driver.complete(key, "Task_ReviewBreakdown", "ST1", "tom", Map.of("breakdownDecision", "approve"));
    driver.complete(key, "Task_BreakDownStrategicTask", "ST2", "dana",
        Map.of("tacticalTasks", "TT2.1 | data | 2 | Create the view"));
    driver.complete(key, "Task_ReviewBreakdown", "ST2", "tom", Map.of("breakdownDecision", "approve"));
    driver.finishTactical(key, "TT1.1");
    driver.finishTactical(key, "TT2.1");
    Task st1 = driver.task(key, "Task_ValidateQuality", "ST1");
    Task st2 = driver.task(key, "Task_ValidateQuality", "ST2");

    CyclicBarrier together = new CyclicBarrier(2);
    CompletableFuture<Void> first = CompletableFuture.runAsync(() -> validate(together, st1));
    CompletableFuture<Void> second = CompletableFuture.runAsync(() -> validate(together, st2));
    CompletableFuture.allOf(first, second).join();

    assertThat(driver.runJobs(key)).as("one join job per strategic task").isEqualTo(2);
    assertThat(driver.openTaskKeys(key)).containsExactly("Task_DecideGoNoGo");
  }

  void validate(CyclicBarrier together, Task task) {
    try {
      together.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    driver.complete(task, "hannah", InstructionDriver.qa(100));
  }
}
