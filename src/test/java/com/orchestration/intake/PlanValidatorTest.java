package com.orchestration.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orchestration.lifecycle.Complexity;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.organization.Domain;
import com.orchestration.organization.SkillLevel;
import com.orchestration.organization.SkillTaxonomy;
import com.orchestration.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Plan validation of SPEC §4.4/§4.6: every error with its field and message, cycles named, tier count warnings. */
class PlanValidatorTest {

  static SkillTaxonomy taxonomy;

  /** The real skills.yaml. */
  @BeforeAll
  static void readTaxonomy() {
    taxonomy = SkillTaxonomy.read(new ClassPathResource("skills.yaml"));
  }

  static final String TIER_3_PLAN = """
      # Order service, tier 3
      ST1 | data     | 2 | Order schema             | skills: sql:intermediate, postgresql:advanced | risk: medium | criteria: migrations run
      ST2 | backend  | 5 | Order API                | deps: ST1 | skills: java:advanced, spring-boot:intermediate | complexity: high | architectural
      ST3 | backend  | 3 | Payment events           | deps: ST2 | skills: kafka:intermediate | nice: docker | security
      ST4 | frontend | 4 | Order form               | deps: ST2 | skills: react:intermediate
      ST5 | qa       | 3 | End-to-end order tests   | deps: ST3, ST4 | skills: playwright:intermediate
      ST6 | devops   | 1 | Dashboards and alerts    | skills: grafana:beginner | nice: prometheus
      """;

  @Test
  void aValidTier3PlanPassesWithoutWarningsAndCountsItsIndependentStarts() {
    // Given a strategic plan of six tasks, two of which depend on nothing
    List<PlanTask> tasks = PlanParser.parseStrategic(TIER_3_PLAN);

    // When it is validated for tier 3
    PlanValidation validation = PlanValidator.validate(tasks, 3, taxonomy, Set.of());

    // Then it is accepted, with the facts DMN required-gates needs
    assertThat(validation.warnings()).isEmpty();
    assertThat(validation.taskCount()).isEqualTo(6);
    assertThat(validation.parallelGroups()).isEqualTo(2);
  }

  @Test
  void aDependencyOnAnExistingTaskOutsideThePlanIsAcceptedAndDoesNotCountAsAPlanDependency() {
    List<PlanTask> tasks = PlanParser.parseTactical("""
        TT2.1 | backend | 4 | Controller | deps: TT1.3
        TT2.2 | backend | 2 | Mapper     | deps: TT2.1
        TT2.3 | qa      | 3 | Tests      | deps: TT2.2
        """);

    PlanValidation validation = PlanValidator.validate(tasks, 3, taxonomy, Set.of("TT1.3"));

    assertThat(validation.warnings()).isEmpty();
    assertThat(validation.parallelGroups()).isEqualTo(1);
  }

  @Test
  void theTacticalExampleOfDocsPlansIsValid() {
    List<PlanTask> tasks = PlanParser.parseTactical("""
        TT2.1 | backend | 3   | Order entity and repository | skills: java:intermediate | nice: postgresql | complexity: simple
        TT2.2 | backend | 6   | REST controller             | deps: TT2.1 | skills: java:intermediate, spring-boot:intermediate | security | criteria: 201 with id; 400 names the field
        TT2.3 | qa      | 2.5 | Contract tests              | deps: TT2.2, TT1.3 | skills: contract-testing:beginner
        """);

    PlanValidation validation = PlanValidator.validate(tasks, 3, taxonomy, Set.of("TT1.3"));

    assertThat(validation.warnings()).isEmpty();
    assertThat(validation.taskCount()).isEqualTo(3);
    assertThat(validation.parallelGroups()).isEqualTo(1);
    assertThat(tasks.get(1).acceptanceCriteria()).isEqualTo("201 with id; 400 names the field");
  }

  @Test
  void aPlanBodyInJsonGivesTheSameTasksAsTheTextarea() throws Exception {
    // Given the first strategic task written as JSON, without kind (taken from the key)
    String json = """
        {"key": "ST1", "domain": "data", "estimate": 2, "description": "Order schema",
         "requiredSkills": {"sql": "intermediate", "postgresql": "advanced"}, "risk": "medium",
         "acceptanceCriteria": "migrations run"}
        """;

    // When Jackson reads it
    PlanTask fromJson = new ObjectMapper().readValue(json, PlanTask.class);

    // Then it equals the parsed textarea line, and validates the same way
    assertThat(fromJson).isEqualTo(PlanParser.parseStrategic(TIER_3_PLAN).get(0));
    assertThat(fromJson.kind()).isEqualTo(TaskKind.STRATEGIC);
    assertThatThrownBy(() -> PlanValidator.validate(List.of(fromJson, fromJson), 3, taxonomy, Set.of()))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("Duplicate task key 'ST1'");
  }

  @Test
  void aTaskCountOutsideTheTierRangeIsAWarningNotAnError() {
    assertThat(PlanValidator.validate(strategic(3), 3, taxonomy, Set.of()).warnings())
        .containsExactly("A tier 3 plan has 5–15 strategic tasks; this one has 3");
    assertThat(PlanValidator.validate(strategic(16), 3, taxonomy, Set.of()).warnings())
        .containsExactly("A tier 3 plan has 5–15 strategic tasks; this one has 16");
    assertThat(PlanValidator.validate(strategic(6), 4, taxonomy, Set.of()).warnings())
        .containsExactly("A tier 4 plan has 10–30 strategic tasks; this one has 6");
    assertThat(PlanValidator.validate(strategic(10), 4, taxonomy, Set.of()).warnings()).isEmpty();
    assertThat(PlanValidator.validate(strategic(5), 2, taxonomy, Set.of()).warnings())
        .containsExactly("Tier 2 has no strategic planning (tiers 3–4 do); this plan has 5 strategic tasks");
    assertThat(PlanValidator.validate(tactical(9), 2, taxonomy, Set.of()).warnings())
        .containsExactly("A tier 2 plan has 3–8 tactical tasks; this one has 9");
    assertThat(PlanValidator.validate(tactical(8), 2, taxonomy, Set.of()).warnings()).isEmpty();
    assertThat(PlanValidator.validate(tactical(2), 3, taxonomy, Set.of()).warnings())
        .containsExactly("A tactical breakdown at tier 3 has 3–10 tactical tasks; this one has 2");
    assertThat(PlanValidator.validate(tactical(11), 4, taxonomy, Set.of()).warnings())
        .containsExactly("A tactical breakdown at tier 4 has 3–10 tactical tasks; this one has 11");
  }

  @Test
  void theCycleOfSpecSection15IsNamedInDependencyOrder() {
    List<PlanTask> tasks = PlanParser.parseTactical("""
        TT2.1 | frontend | 3 | Form    | deps: TT1.2
        TT1.1 | backend  | 2 | Schema
        TT1.2 | backend  | 3 | API     | deps: TT1.1, TT2.1
        """);

    expectError(() -> PlanValidator.validate(tasks, 3, taxonomy, Set.of()),
        "tacticalTasks[2].dependencies", "Dependency cycle: TT1.2 → TT2.1 → TT1.2");
  }

  @Test
  void aThreeTaskCycleStartsAtItsSmallestKeyInNumericOrder() {
    // TT1.10 → TT1.9 → TT2.1 → TT1.10; TT1.9 is the smallest (9 < 10), whatever the line order
    List<PlanTask> tasks = PlanParser.parseTactical("""
        TT2.1  | qa      | 1 | C | deps: TT1.10
        TT1.10 | backend | 1 | A | deps: TT1.9
        TT1.9  | backend | 1 | B | deps: TT2.1
        """);

    expectError(() -> PlanValidator.validate(tasks, 3, taxonomy, Set.of()),
        "tacticalTasks[2].dependencies", "Dependency cycle: TT1.9 → TT2.1 → TT1.10 → TT1.9");
  }

  @Test
  void aSelfDependencyIsACycleOfOne() {
    List<PlanTask> tasks = PlanParser.parseStrategic("""
        ST1 | backend | 2 | API
        ST2 | backend | 2 | Events | deps: ST1, ST2
        """);

    expectError(() -> PlanValidator.validate(tasks, 3, taxonomy, Set.of()),
        "strategicTasks[1].dependencies", "Dependency cycle: ST2 → ST2");
  }

  @Test
  void aDuplicateKeyIsRejected() {
    List<PlanTask> tasks = PlanParser.parseStrategic("ST1 | backend | 2 | A\nST2 | qa | 1 | B\nST1 | data | 1 | C");

    expectError(() -> PlanValidator.validate(tasks, 3, taxonomy, Set.of()),
        "strategicTasks[2].key", "Duplicate task key 'ST1' (tasks 1 and 3)");
  }

  @Test
  void aDependencyOnAnUnknownKeyIsRejected() {
    List<PlanTask> tasks = PlanParser.parseStrategic("ST1 | backend | 2 | A\nST2 | qa | 1 | B | deps: ST1, ST7");

    expectError(() -> PlanValidator.validate(tasks, 3, taxonomy, Set.of("ST5")),
        "strategicTasks[1].dependencies", "Task ST2 depends on 'ST7', which is neither in this plan nor an existing task");
  }

  @Test
  void unknownRequiredAndNiceToHaveSkillsAreRejected() {
    expectError(() -> PlanValidator.validate(PlanParser.parseTactical("TT1.1 | backend | 2 | A | skills: cobol:expert"),
            3, taxonomy, Set.of()),
        "tacticalTasks[0].requiredSkills", "Task TT1.1 names the unknown skill 'cobol'; see GET /api/skills for known skills");
    expectError(() -> PlanValidator.validate(PlanParser.parseTactical("TT1.1 | backend | 2 | A | nice: java, fortran"),
            3, taxonomy, Set.of()),
        "tacticalTasks[0].niceToHaveSkills", "Task TT1.1 names the unknown skill 'fortran'; see GET /api/skills for known skills");
  }

  @Test
  void tacticalEstimatesMustBeMoreThanZeroAndAtMostOneDay() {
    expectError(() -> PlanValidator.validate(PlanParser.parseTactical("TT1.1 | backend | 0 | A"), 3, taxonomy, Set.of()),
        "tacticalTasks[0].estimate", "Task TT1.1: estimate 0 h must be more than 0 h");
    expectError(() -> PlanValidator.validate(PlanParser.parseTactical("TT1.1 | backend | -2 | A"), 3, taxonomy, Set.of()),
        "tacticalTasks[0].estimate", "Task TT1.1: estimate -2 h must be more than 0 h");
    expectError(() -> PlanValidator.validate(PlanParser.parseTactical("TT1.1 | backend | 8.5 | A"), 3, taxonomy, Set.of()),
        "tacticalTasks[0].estimate", "Task TT1.1: estimate 8.5 h is more than one day (8 h); split the task");
    assertThat(PlanValidator.validate(PlanParser.parseTactical("TT1.1 | backend | 8 | A"), 3, taxonomy, Set.of())
        .taskCount()).isEqualTo(1);
  }

  @Test
  void strategicEstimatesMustBeOneToFiveDays() {
    expectError(() -> PlanValidator.validate(PlanParser.parseStrategic("ST1 | backend | 0 | A"), 3, taxonomy, Set.of()),
        "strategicTasks[0].estimate", "Task ST1: estimate 0 days must be more than 0; allowed: 1–5 days");
    expectError(() -> PlanValidator.validate(PlanParser.parseStrategic("ST1 | backend | 0.5 | A"), 3, taxonomy, Set.of()),
        "strategicTasks[0].estimate", "Task ST1: estimate 0.5 days is outside 1–5 days");
    expectError(() -> PlanValidator.validate(PlanParser.parseStrategic("ST1 | backend | 6 | A"), 3, taxonomy, Set.of()),
        "strategicTasks[0].estimate", "Task ST1: estimate 6 days is outside 1–5 days");
  }

  @Test
  void jsonTasksMissingRequiredPartsAreRejected() {
    PlanTask noDomain = new PlanTask(null, "ST1", null, 2, "A", null, null, null, null, null, false, false, null);
    expectError(() -> PlanValidator.validate(List.of(noDomain), 3, taxonomy, Set.of()),
        "strategicTasks[0].domain", "Task ST1 has no domain; allowed: frontend, backend, qa, devops, data, security");

    PlanTask noDescription = new PlanTask(null, "ST1", Domain.QA, 2, " ", null, null, null, null, null, false, false,
        null);
    expectError(() -> PlanValidator.validate(List.of(noDescription), 3, taxonomy, Set.of()),
        "strategicTasks[0].description", "Task ST1 has no description");

    PlanTask noKey = new PlanTask(TaskKind.TACTICAL, null, Domain.QA, 2, "A", null, null, null, null, null, false,
        false, null);
    expectError(() -> PlanValidator.validate(List.of(noKey), 3, taxonomy, Set.of()),
        "tacticalTasks[0].key", "Task 1 has no key; allowed: TT<st>.<n>, e.g. TT1.2");

    PlanTask badKey = new PlanTask(null, "X1", Domain.QA, 2, "A", null, null, null, null, null, false, false, null);
    expectError(() -> PlanValidator.validate(List.of(badKey), 3, taxonomy, Set.of()),
        "tasks[0].key", "'X1' is not a task key; allowed: ST<n> (strategic) or TT<st>.<n> (tactical)");

    PlanTask malformedKey = new PlanTask(null, "ST1.2", Domain.QA, 2, "A", null, null, null, null, null, false, false,
        null);
    expectError(() -> PlanValidator.validate(List.of(malformedKey), 3, taxonomy, Set.of()),
        "strategicTasks[0].key", "'ST1.2' is not a strategic key; allowed: ST<n>, e.g. ST1");

    Map<String, SkillLevel> noLevel = new HashMap<>();
    noLevel.put("java", null);
    PlanTask skillWithoutLevel = new PlanTask(null, "TT1.1", Domain.BACKEND, 2, "A", null, noLevel, null,
        Complexity.SIMPLE, null, false, false, null);
    expectError(() -> PlanValidator.validate(List.of(skillWithoutLevel), 3, taxonomy, Set.of()),
        "tacticalTasks[0].requiredSkills",
        "Task TT1.1: skill 'java' has no level; allowed: beginner, intermediate, advanced, expert");
  }

  @Test
  void aPlanMixingStrategicAndTacticalTasksIsRejected() {
    List<PlanTask> tasks = new ArrayList<>(PlanParser.parseStrategic("ST1 | backend | 2 | A"));
    tasks.addAll(PlanParser.parseTactical("TT1.1 | backend | 2 | B"));

    expectError(() -> PlanValidator.validate(tasks, 3, taxonomy, Set.of()), "strategicTasks[1].kind",
        "Task TT1.1 is not a strategic task; a plan holds either strategic (ST<n>) or tactical (TT<st>.<n>) tasks,"
            + " not both");
  }

  @Test
  void anEmptyPlanAndAnImpossibleTierAreRejected() {
    expectError(() -> PlanValidator.validate(List.of(), 3, taxonomy, Set.of()),
        "tasks", "The plan has no tasks; write at least one task");
    expectError(() -> PlanValidator.validate(strategic(5), 5, taxonomy, Set.of()),
        "tier", "Tier 5 is not a tier; allowed: 0–4");
  }

  @Test
  void keysOrderByTheirNumbers() {
    assertThat(List.of("TT1.10", "TT2.1", "TT1.9", "TT10.1", "TT1.1").stream()
        .sorted(PlanValidator.KEY_ORDER).toList())
        .containsExactly("TT1.1", "TT1.9", "TT1.10", "TT2.1", "TT10.1");
  }

  private static List<PlanTask> strategic(int count) {
    return PlanParser.parseStrategic(IntStream.rangeClosed(1, count)
        .mapToObj(i -> "ST" + i + " | backend | 2 | Task " + i + (i > 1 ? " | deps: ST" + (i - 1) : ""))
        .collect(Collectors.joining("\n")));
  }

  private static List<PlanTask> tactical(int count) {
    return PlanParser.parseTactical(IntStream.rangeClosed(1, count)
        .mapToObj(i -> "TT1." + i + " | backend | 2 | Task " + i)
        .collect(Collectors.joining("\n")));
  }

  private static void expectError(ThrowingCallable call, String field, String message) {
    assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.getMessage()).isEqualTo(message);
    });
  }
}
