package com.orchestration.review;

import static com.orchestration.lifecycle.WorkItemDrafts.newInstructionKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orchestration.OrchestrationTest;
import com.orchestration.lifecycle.LifecycleDriver;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** BPMN gate-cross-functional (SPEC §7 gate 3), path by path, completed as QA (hannah) and security (kofi). */
@OrchestrationTest
class CrossFunctionalGateProcessTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired WorkItemService workItems;
  @Autowired LifecycleDriver driver;
  @Autowired ReviewService reviews;

  WorkItem item;
  ProcessInstance pi;

  @BeforeEach
  void fixTheClock() {
    driver.startClock();
  }

  @AfterEach
  void resetTheClock() {
    if (pi != null && runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0) {
      runtime.deleteProcessInstance(pi.getId(), "test cleanup");
    }
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
  }

  ProcessInstance start(int tier, boolean securitySensitive) {
    item = workItems.create(LifecycleDriver.frontendTask(newInstructionKey(), "TT1"), "tom", "gate test");
    Map<String, Object> in = new HashMap<>();
    in.put("workItemId", item.id());
    in.put("instructionKey", item.instructionKey());
    in.put("taskKey", item.taskKey());
    in.put("domain", "frontend");
    in.put("tier", tier);
    in.put("securitySensitive", securitySensitive);
    in.put("summary", "Login with refresh tokens");
    pi = runtime.startProcessInstanceByKey(CrossFunctionalVariables.PROCESS_KEY, item.instructionKey(), in);
    return pi;
  }

  Task task(String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  void complete(String key, String user, Map<String, Object> vars) {
    Task task = task(key);
    assertThat(task).as(key).isNotNull();
    driver.asUser(user, () -> tasks.complete(task.getId(), vars));
  }

  static Map<String, Object> qa(Object coverage, String outcome, String findings) {
    Map<String, Object> v = new HashMap<>();
    v.put("qaCoverage", coverage);
    v.put("securityCritical", false);
    v.put("qaOutcome", outcome);
    v.put("qaFindings", findings);
    return v;
  }

  static Map<String, Object> security(String outcome, String findings) {
    Map<String, Object> v = new HashMap<>();
    v.put("securityOutcome", outcome);
    v.put("securityFindings", findings);
    return v;
  }

  Object result(String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
        .singleResult().getValue();
  }

  @Test
  void qaAndSecurityBothPassingMakesTheGatePassAndRecordsBothReviews() {
    start(2, true);
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ValidateQuality", "Task_ValidateSecurity");
    assertThat(task("Task_ValidateQuality").getTaskDefinitionKey()).isNotNull();
    assertThat((String) runtime.getVariable(pi.getId(), "qaMinCoverageText")).contains("tier 2 needs 80 %")
        .contains("100 %");

    complete("Task_ValidateQuality", "hannah", qa(85, "PASS", null));
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ValidateSecurity");
    complete("Task_ValidateSecurity", "kofi", security("PASS", ""));

    BpmnAwareTests.assertThat(pi).isEnded();
    assertThat(result("crossFunctionalOutcome")).isEqualTo("pass");
    assertThat(result("crossFunctionalFindings")).isEqualTo("");
    assertThat(reviews.forWorkItem(item.id())).extracting(ReviewRecord::gate, ReviewRecord::reviewer,
        ReviewRecord::outcome).containsExactly(
            org.assertj.core.groups.Tuple.tuple(ReviewGate.CROSS_FUNCTIONAL_QA, "hannah", "pass"),
            org.assertj.core.groups.Tuple.tuple(ReviewGate.CROSS_FUNCTIONAL_SECURITY, "kofi", "pass"));
  }

  @Test
  void securityValidatesOnlyWhenTheTaskIsSecuritySensitive() {
    start(1, false);
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ValidateQuality");
    assertThat(task("Task_ValidateSecurity")).isNull();

    complete("Task_ValidateQuality", "hannah", qa(60, "PASS", null));

    BpmnAwareTests.assertThat(pi).isEnded().hasNotPassed("Task_ValidateSecurity")
        .hasPassed("Gateway_JoinValidations", "Task_CombineOutcomes");
    assertThat(result("crossFunctionalOutcome")).isEqualTo("pass");
  }

  @Test
  void aFixableFindingMakesTheGateFixableWithTheFindingsPassedOn() {
    start(2, false);
    complete("Task_ValidateQuality", "hannah", qa(70, "FIXABLE", "HIGH: no test for the expired refresh token"));

    assertThat(result("crossFunctionalOutcome")).isEqualTo("fixable");
    assertThat(result("crossFunctionalFindings")).isEqualTo("HIGH: no test for the expired refresh token (QA)");
    ReviewRecord record = reviews.forWorkItem(item.id()).get(0);
    assertThat(record.findingCount()).isEqualTo(1);
    assertThat(record.highestSeverity()).isEqualTo("HIGH");
    assertThat(record.round()).isEqualTo(1);
  }

  @Test
  void anyBlockedOutcomeBlocksTheGateEvenWhenQaFoundItFixable() {
    start(3, true);
    complete("Task_ValidateQuality", "hannah", qa(91, "FIXABLE", "LOW: flaky snapshot test"));
    complete("Task_ValidateSecurity", "kofi", security("BLOCKED", "CRITICAL: tokens logged in plain text"));

    assertThat(result("crossFunctionalOutcome")).isEqualTo("blocked");
    assertThat((String) result("crossFunctionalFindings")).contains("LOW: flaky snapshot test (QA)")
        .contains("CRITICAL: tokens logged in plain text (Security)");
  }

  @Test
  void passBelowTheTiersMinimumCoverageIsRefusedNamingTheMinimum() {
    start(2, false);
    assertThatThrownBy(() -> complete("Task_ValidateQuality", "hannah", qa(72, "PASS", null)))
        .hasMessageContaining("coverage 72% is below the 80% tier 2 needs; choose FIXABLE or add tests")
        .hasMessageContaining("[qaCoverage]");
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ValidateQuality");
    assertThat(reviews.forWorkItem(item.id())).isEmpty();

    complete("Task_ValidateQuality", "hannah", qa(80, "PASS", null));
    BpmnAwareTests.assertThat(pi).isEnded();
  }

  @Test
  void securityCriticalCodeNeedsFullCoverageForAPass() {
    start(1, false);
    Map<String, Object> vars = qa(99.5, "PASS", null);
    vars.put("securityCritical", true);
    assertThatThrownBy(() -> complete("Task_ValidateQuality", "hannah", vars))
        .hasMessageContaining("coverage 99.5% is below the 100% security-critical code needs");
  }

  @Test
  void fixableAndBlockedNeedAtLeastOneFinding() {
    start(2, true);
    assertThatThrownBy(() -> complete("Task_ValidateQuality", "hannah", qa(50, "FIXABLE", " ")))
        .hasMessageContaining("FIXABLE needs at least one finding").hasMessageContaining("[qaFindings]");
    assertThatThrownBy(() -> complete("Task_ValidateSecurity", "kofi", security("BLOCKED", null)))
        .hasMessageContaining("BLOCKED needs at least one finding").hasMessageContaining("[securityFindings]");
    assertThatThrownBy(() -> complete("Task_ValidateSecurity", "kofi", security("BLOCKED", "urgent")))
        .hasMessageContaining("Line 1 of the findings is 'urgent'");
    assertThatThrownBy(() -> complete("Task_ValidateQuality", "hannah", qa(50, "MAYBE", null)))
        .hasMessageContaining("must be one of PASS, FIXABLE, BLOCKED");
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ValidateQuality", "Task_ValidateSecurity");
    assertThat(reviews.forWorkItem(item.id())).isEmpty();
  }

  @Test
  void coverageMustBeAPercentage() {
    start(2, false);
    assertThatThrownBy(() -> complete("Task_ValidateQuality", "hannah", qa(120, "PASS", null)))
        .hasMessageContaining("Coverage (percent) must be between 0 and 100");
    assertThatThrownBy(() -> complete("Task_ValidateQuality", "hannah", qa(null, "FIXABLE", "LOW: x")))
        .hasMessageContaining("Coverage (percent, 0–100) is required");
    List<Task> open = tasks.createTaskQuery().processInstanceId(pi.getId()).list();
    assertThat(open).hasSize(1);
  }
}
