package com.orchestration.insight;

import static com.orchestration.intake.InstructionDriver.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orchestration.OrchestrationTest;
import com.orchestration.capacity.CapacityService;
import com.orchestration.capacity.EstimateFactor;
import com.orchestration.intake.Instruction;
import com.orchestration.intake.InstructionDriver;
import com.orchestration.intake.InstructionState;
import com.orchestration.intake.RiskScores;
import com.orchestration.lifecycle.LifecycleDriver;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.organization.Domain;
import com.orchestration.organization.PersonDirectory;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Calibration inside the processes (SPEC §11): a completing instruction records its tier outcome through the real
 * completion path, and the domain lead's breakdown task carries the suggested estimate the form shows.
 */
@OrchestrationTest
class CalibrationProcessTest {

  @Autowired InstructionDriver driver;
  @Autowired LifecycleDriver lifecycle;
  @Autowired WorkItemService workItems;
  @Autowired JdbcClient jdbc;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired CapacityService capacity;
  @Autowired PersonDirectory people;
  @Autowired ObjectMapper json;

  @BeforeEach
  void fixTheClock() {
    lifecycle.startClock();
  }

  @AfterEach
  void cancelLeftovers() {
    driver.cleanUp();
  }

  Map<String, Object> outcome(String key) {
    return jdbc.sql("select * from tier_outcome where instruction_key = ?").param(key).query().singleRow();
  }

  List<String> rules(String key) {
    return jdbc.sql("select decision_key || '/' || rule_id from tier_outcome_rule where instruction_key = ? "
        + "order by decision_key, rule_id").param(key).query(String.class).list();
  }

  List<String> domains(String key) {
    return jdbc.sql("select domain from tier_outcome_domain where instruction_key = ? order by domain").param(key)
        .query(String.class).list();
  }

  @Test
  void aQuestionAnsweredWithoutTacticalTasksImpliesTierZeroAsClassified() {
    // Given
    Instruction ins = driver.submit(request("How do we rotate the signing keys?", "question", List.of(), List.of(),
        "normal"), "alice");

    // When
    driver.complete(ins.key(), "Task_AnswerQuestion", null, "tom", Map.of("answer", "See docs/runbooks/keys.md"));

    // Then
    assertThat(driver.get(ins.key()).state()).isEqualTo(InstructionState.COMPLETED);
    Map<String, Object> outcome = outcome(ins.key());
    assertThat(outcome).containsEntry("CLASSIFIED_TIER", 0).containsEntry("FINAL_TIER", 0)
        .containsEntry("IMPLIED_TIER", 0).containsEntry("IMPLIED_RULE", "rule_noTacticalTasks")
        .containsEntry("TACTICAL_TASK_COUNT", 0);
    assertThat(((Number) outcome.get("TOTAL_ACTUAL_HOURS")).doubleValue()).isZero();
    assertThat(rules(ins.key())).containsExactly("base-tier/rule_question", "scope-adjustment/rule_noScopeFlags",
        "tier-classification/rule_adjustedTier");
    assertThat(domains(ins.key())).isEmpty();
  }

  @Test
  void aTierOneTaskThatTookLongerThanAnHourImpliesTierTwoAndCountsAgainstItsRules() {
    // Given a docs instruction (tier 1) whose one task takes 1.5 h
    Instruction ins = driver.submit(request("Document the order export", "docs", List.of("frontend"), List.of(),
        "normal"), "alice");

    // When
    driver.finishTactical(ins.key(), "TT1");

    // Then
    assertThat(driver.get(ins.key()).state()).isEqualTo(InstructionState.COMPLETED);
    assertThat(workItems.get(ins.key(), "TT1").hoursSpent()).isEqualTo(1.5);
    Map<String, Object> outcome = outcome(ins.key());
    assertThat(outcome).containsEntry("CLASSIFIED_TIER", 1).containsEntry("FINAL_TIER", 1)
        .containsEntry("IMPLIED_TIER", 2).containsEntry("IMPLIED_RULE", "rule_upToEightTasksOfAFewHours")
        .containsEntry("TACTICAL_TASK_COUNT", 1);
    assertThat(((Number) outcome.get("TOTAL_ACTUAL_HOURS")).doubleValue()).isEqualTo(1.5);
    assertThat(rules(ins.key())).containsExactly("base-tier/rule_docs", "scope-adjustment/rule_noScopeFlags",
        "tier-classification/rule_adjustedTier");
    assertThat(domains(ins.key())).containsExactly("frontend");
  }

  @Test
  void theBreakdownTaskShowsTheDomainsSuggestedEstimate() throws Exception {
    // Given a tier-3 instruction whose plan is approved (risk sum 12: no EM task) — ST1 waits for its breakdown
    Instruction ins = driver.submit(request("Add an order history page", "feature", List.of("frontend"), List.of(),
        "normal"), "alice");
    Map<String, Object> plan = new HashMap<>();
    plan.put("objective", "Customers see their order history");
    plan.put("strategicTasks", "ST1 | frontend | 1 | Order list UI");
    RiskScores.CATEGORIES.forEach(category -> plan.put(category, 2));
    plan.put("coreArchitecture", false);
    driver.complete(ins.key(), "Task_WriteStrategicPlan", null, "tom", plan);

    // When
    Task breakdown = driver.task(ins.key(), "Task_BreakDownStrategicTask", "ST1");

    // Then: the same text the calibration API shows for frontend, task-local, and among the form's variables
    Map<String, EstimateFactor> ics = new LinkedHashMap<>();
    capacity.personCalibration(people.findActiveIcs(Domain.FRONTEND).stream().map(p -> p.id()).toList())
        .forEach(ics::put);
    String expected = EstimateGuidance.text(Domain.FRONTEND, capacity.domainCalibration().get(Domain.FRONTEND), ics);
    assertThat(tasks.getVariableLocal(breakdown.getId(), "estimateGuidance")).isEqualTo(expected);
    assertThat(expected).matches("(frontend tasks have taken .*× their estimate .*: if you think 4 h, plan .* h\\..*"
        + "|No estimate factor for frontend yet \\(\\d of the 5 completed tasks needed\\).*)");
    assertThat(forms.getTaskFormVariables(breakdown.getId()).getValue("estimateGuidance", String.class))
        .isEqualTo(expected);
  }

  @Test
  void theBreakdownFormShowsTheSuggestedEstimateReadOnlyAboveTheTaskField() throws Exception {
    JsonNode form;
    try (InputStream in = getClass().getResourceAsStream("/forms/break-down-strategic-task.form")) {
      form = json.readTree(in);
    }
    List<String> ids = new java.util.ArrayList<>();
    form.get("components").forEach(c -> ids.add(c.get("id").asText()));
    JsonNode guidance = form.get("components").get(ids.indexOf("Text_EstimateGuidance"));

    assertThat(guidance.get("type").asText()).as("text: read-only, rendered with templating").isEqualTo("text");
    assertThat(guidance.get("text").asText()).contains("{{estimateGuidance}}");
    assertThat(guidance.has("key")).as("nothing is submitted").isFalse();
    assertThat(ids.indexOf("Text_EstimateGuidance")).isEqualTo(ids.indexOf("Field_TacticalTasks") - 1);
  }
}
