package com.orchestration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.orchestration.ModelConventions.Violation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every model and form in bpmn/, dmn/, forms/ follows the house conventions (ids = file names, no generated ids,
 * TTL, execution platform 7.24.0, DI, formRefs that resolve, no camunda:class, ...). The fixtures under
 * src/test/resources/conventions/ prove each rule can fail: one bad fixture per rule, and a good set that passes.
 */
class ModelConventionsTest {

  private static final Path FIXTURES = Path.of("src/test/resources/conventions");
  private static final Path GOOD = FIXTURES.resolve("good");
  private static final Path BAD = FIXTURES.resolve("bad");
  private static final String[] MODEL_SUFFIXES = {".bpmn", ".dmn", ".form"};

  /** Each bad fixture and the rules it must break (and no others, so a fixture tests what its name says). */
  private static final Map<String, Set<String>> BAD_FIXTURES = Map.ofEntries(
      Map.entry("no-di.bpmn", Set.of("di-missing", "generated-id")),
      Map.entry("generated-ids.bpmn", Set.of("generated-id")),
      Map.entry("element-id-style.bpmn", Set.of("element-id-style")),
      Map.entry("missing-ttl.bpmn", Set.of("history-ttl")),
      Map.entry("missing-platform-version.bpmn", Set.of("execution-platform")),
      Map.entry("missing-form.bpmn", Set.of("form-ref-unresolved")),
      Map.entry("form-key.bpmn", Set.of("form-key-used")),
      Map.entry("id-mismatch.bpmn", Set.of("process-id-file-name")),
      Map.entry("gateway-without-default.bpmn", Set.of("gateway-default-missing")),
      Map.entry("unnamed-gateway-flow.bpmn", Set.of("gateway-flow-unnamed")),
      Map.entry("java-class.bpmn", Set.of("java-class-used")),
      Map.entry("missing-shapes.bpmn", Set.of("di-shape-missing", "di-edge-missing")),
      Map.entry("rule-without-description.dmn", Set.of("rule-description-missing")),
      Map.entry("input-clause-id.dmn", Set.of("input-clause-id")),
      Map.entry("dmn-missing-ttl.dmn", Set.of("history-ttl")),
      Map.entry("dmn-no-di.dmn", Set.of("di-missing")),
      Map.entry("form-id-mismatch.form", Set.of("form-id-file-name")),
      Map.entry("editable-dynamiclist.form", Set.of("dynamiclist-input")),
      Map.entry("field-key-style.form", Set.of("field-key-style")),
      Map.entry("form-platform-version.form", Set.of("execution-platform")));

  static List<Path> repositoryModels() {
    return Stream.of("bpmn", "dmn", "forms")
        .flatMap(folder -> ModelConventions.filesIn(Path.of(folder), MODEL_SUFFIXES).stream())
        .toList();
  }

  @TestFactory
  Stream<DynamicTest> everyModelAndFormInTheRepositoryFollowsTheConventions() {
    // Given the forms the application deploys
    ModelConventions conventions = ModelConventions.withFormsIn(Path.of("forms"));

    // When each model is checked / Then it has no violations
    return repositoryModels().stream().map(model -> dynamicTest(model.toString(),
        () -> assertThat(conventions.check(model)).as("convention violations in %s", model).isEmpty()));
  }

  @Test
  void theRepositoryHasModelsForTheConventionsToCheck() {
    // A conventions test over zero files would pass forever: make an empty or moved model folder visible.
    assertThat(repositoryModels()).as("models under bpmn/, dmn/, forms/").isNotEmpty();
  }

  @TestFactory
  Stream<DynamicTest> goodFixturesHaveNoViolations() {
    // Given a small, complete model set: process with DI, business-rule task, user task with a form; DRD; form
    ModelConventions conventions = ModelConventions.withFormsIn(GOOD);
    List<Path> fixtures = ModelConventions.filesIn(GOOD, MODEL_SUFFIXES);
    assertThat(fixtures).extracting(path -> path.getFileName().toString())
        .containsExactlyInAnyOrder("sample-approval.bpmn", "sample-routing.dmn", "approve-sample.form");

    // When checked / Then nothing is reported (the rules do not reject what the conventions ask for)
    return fixtures.stream().map(fixture -> dynamicTest(fixture.getFileName().toString(),
        () -> assertThat(conventions.check(fixture)).isEmpty()));
  }

  static Stream<String> badFixtures() {
    return BAD_FIXTURES.keySet().stream().sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFixtures")
  void eachBadFixtureBreaksExactlyTheRuleItIsNamedFor(String fixture) {
    // Given a model that breaks one convention, next to the good fixtures' forms
    ModelConventions conventions = ModelConventions.withFormsIn(GOOD);

    // When it is checked
    List<Violation> violations = conventions.check(BAD.resolve(fixture));

    // Then exactly the expected rules are reported, each naming the file and an element
    Set<String> rules = violations.stream().map(Violation::rule).collect(Collectors.toCollection(TreeSet::new));
    assertThat(rules)
        .as("rules broken by %s: %s", fixture, violations)
        .containsExactlyInAnyOrderElementsOf(BAD_FIXTURES.get(fixture));
    assertThat(violations).allSatisfy(violation -> {
      assertThat(violation.file()).isEqualTo(BAD.resolve(fixture));
      assertThat(violation.elementId()).isNotBlank();
    });
  }

  @Test
  void everyBadFixtureHasAnExpectation() {
    assertThat(ModelConventions.filesIn(BAD, MODEL_SUFFIXES))
        .extracting(path -> path.getFileName().toString())
        .containsExactlyInAnyOrderElementsOf(BAD_FIXTURES.keySet());
  }

  @Test
  void generatedIdsAreReportedWithTheElementTheyBelongTo() {
    List<Violation> violations = ModelConventions.withFormsIn(GOOD).check(BAD.resolve("generated-ids.bpmn"));

    assertThat(violations).extracting(Violation::elementId)
        .containsExactlyInAnyOrder("Activity_1x2y3z4", "SequenceFlow_1");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Activity_0x3f1ab", "Gateway_1ab2c3d", "DecisionRule_0k9z8y7", "SequenceFlow_1",
      "Task_12", "sid-3F2504E0-4F89-11D3-9A0C-0305E82C3301", "3fa85f64-5717-4562-b3fc-2c963f66afa6"})
  void recognisesIdsAModelerGenerated(String id) {
    assertThat(ModelConventions.isGeneratedId(id)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Task_ReviewCode", "Flow_ReviewApprovedNo", "Gateway_Tier2Required", "rule_blocked",
      "rule_tierThreeForRisk", "input_tier", "output_approverGroup", "Timer_UnderReviewEscalation"})
  void acceptsBusinessIds(String id) {
    assertThat(ModelConventions.isGeneratedId(id)).isFalse();
  }
}
