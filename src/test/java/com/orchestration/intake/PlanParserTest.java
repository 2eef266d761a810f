package com.orchestration.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orchestration.lifecycle.Complexity;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.organization.Domain;
import com.orchestration.organization.SkillLevel;
import com.orchestration.platform.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The textarea line formats of docs/plans.md: every part, comments, and an error naming line, part and allowed values. */
class PlanParserTest {

  @Test
  void aStrategicLineWithEveryPartBecomesOneTask() {
    // Given a line using every part in the documented format
    String text = "ST1 | backend | 3 | Build the order API | deps: ST2, ST3 | skills: java:advanced, kafka:intermediate"
        + " | nice: postgresql | complexity: high | risk: medium | security | architectural"
        + " | criteria: orders can be created: 201 with the id";

    // When it is parsed
    List<PlanTask> tasks = PlanParser.parseStrategic(text);

    // Then every part lands in its field
    assertThat(tasks).containsExactly(new PlanTask(TaskKind.STRATEGIC, "ST1", Domain.BACKEND, 3,
        "Build the order API", List.of("ST2", "ST3"),
        Map.of("java", SkillLevel.ADVANCED, "kafka", SkillLevel.INTERMEDIATE),
        java.util.Set.of("postgresql"), Complexity.HIGH, PlanRisk.MEDIUM, true, true,
        "orders can be created: 201 with the id"));
    assertThat(tasks.get(0).requiredSkills().keySet()).containsExactly("java", "kafka");
  }

  @Test
  void aTacticalLineWithOnlyThePositionalPartsHasEmptyOptionalParts() {
    List<PlanTask> tasks = PlanParser.parseTactical("TT1.2 | qa | 2.5 | Write the contract tests");

    assertThat(tasks).singleElement().satisfies(task -> {
      assertThat(task.kind()).isEqualTo(TaskKind.TACTICAL);
      assertThat(task.key()).isEqualTo("TT1.2");
      assertThat(task.domain()).isEqualTo(Domain.QA);
      assertThat(task.estimate()).isEqualTo(2.5);
      assertThat(task.dependencies()).isEmpty();
      assertThat(task.requiredSkills()).isEmpty();
      assertThat(task.niceToHaveSkills()).isEmpty();
      assertThat(task.complexity()).isNull();
      assertThat(task.risk()).isNull();
      assertThat(task.securitySensitive()).isFalse();
      assertThat(task.architectural()).isFalse();
      assertThat(task.acceptanceCriteria()).isNull();
    });
  }

  @Test
  void optionalPartsMayComeInAnyOrderAndNamesAreCaseInsensitive() {
    List<PlanTask> tasks = PlanParser.parseTactical(
        "TT2.1 | Frontend | 4 | Order form | Security | criteria: submits | Complexity: Simple | deps: TT1.1,TT1.2");

    PlanTask task = tasks.get(0);
    assertThat(task.domain()).isEqualTo(Domain.FRONTEND);
    assertThat(task.securitySensitive()).isTrue();
    assertThat(task.complexity()).isEqualTo(Complexity.SIMPLE);
    assertThat(task.dependencies()).containsExactly("TT1.1", "TT1.2");
    assertThat(task.acceptanceCriteria()).isEqualTo("submits");
  }

  @Test
  void blankLinesAndCommentsAreIgnoredButLineNumbersCountThem() {
    String text = """
        # Phase 1

        TT1.1 | backend | 2 | Schema
           # indented comment
        TT1.2 | backend | 3 | Repository | deps: TT1.1
        TT1.3 | mobile | 3 | App
        """;

    assertThatThrownBy(() -> PlanParser.parseTactical(text))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("tacticalTasks line 6");
          assertThat(e.getMessage()).isEqualTo(
              "line 6, domain: 'mobile' is not a domain; allowed: frontend, backend, qa, devops, data, security");
        });
    assertThat(PlanParser.parseTactical(text.replace("mobile", "frontend")))
        .extracting(PlanTask::key).containsExactly("TT1.1", "TT1.2", "TT1.3");
  }

  @Test
  void anEmptyTextHasNoTasks() {
    assertThat(PlanParser.parseStrategic("\n# nothing yet\n  \n")).isEmpty();
    assertThat(PlanParser.parseStrategic(null)).isEmpty();
  }

  @Test
  void tier2TacticalKeysWithoutAStrategicNumberAreAccepted() {
    assertThat(PlanParser.parseTactical("TT3 | devops | 1 | Pipeline")).extracting(PlanTask::key)
        .containsExactly("TT3");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '~', quoteCharacter = '"', textBlock = """
      "ST1 | backend | 3"                                          ~ line 1, expected at least 4 parts separated by '|' (<key> | <domain> | <days> | <description>), found 3
      "T1 | backend | 3 | x"                                       ~ line 1, key: 'T1' is not a strategic key; allowed: ST<n>, e.g. ST1
      "ST1 | mobile | 3 | x"                                       ~ line 1, domain: 'mobile' is not a domain; allowed: frontend, backend, qa, devops, data, security
      "ST1 | backend | two | x"                                    ~ line 1, days: 'two' is not a number; allowed: 1–5 days
      "ST1 | backend | 3 | "                                       ~ line 1, description: is empty; write what the task delivers
      "ST1 | backend | 3 | x | owner: tom"                         ~ line 1, 'owner: tom' is not a known part; allowed: deps:, skills:, nice:, complexity:, risk:, criteria:, security, architectural
      "ST1 | backend | 3 | x | urgent"                             ~ line 1, 'urgent' is not a known part; allowed: deps:, skills:, nice:, complexity:, risk:, criteria:, security, architectural
      "ST1 | backend | 3 | x | deps: ST2 | deps: ST3"              ~ line 1, deps: is given twice
      "ST1 | backend | 3 | x | skills: java"                       ~ line 1, skills: 'java' has no level; write <skill>:<level>, e.g. java:intermediate; allowed levels: beginner, intermediate, advanced, expert
      "ST1 | backend | 3 | x | skills: java:guru"                  ~ line 1, skills: 'guru' is not a level (for java); allowed: beginner, intermediate, advanced, expert
      "ST1 | backend | 3 | x | skills: java:expert, java:beginner" ~ line 1, skills: 'java' is given twice
      "ST1 | backend | 3 | x | complexity: huge"                   ~ line 1, complexity: 'huge' is not a complexity; allowed: simple, moderate, high
      "ST1 | backend | 3 | x | risk: extreme"                      ~ line 1, risk: 'extreme' is not a risk level; allowed: low, medium, high
      """)
  void aMalformedStrategicLineIsRejectedNamingLinePartAndAllowedValues(String line, String message) {
    assertThatThrownBy(() -> PlanParser.parseStrategic(line))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("strategicTasks line 1");
          assertThat(e.getMessage()).isEqualTo(message);
        });
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '~', quoteCharacter = '"', textBlock = """
      "ST1 | backend | 3 | x"                  ~ line 2, key: 'ST1' is not a tactical key; allowed: TT<st>.<n>, e.g. TT1.2 (or TT<n> at tier 2)
      "TT1.1 | backend | 3h | x"               ~ line 2, hours: '3h' is not a number; allowed: more than 0 and at most 8 hours
      "TT1.1 | backend | 3 | x | risk: low"    ~ line 2, 'risk: low' is not a known part; allowed: deps:, skills:, nice:, complexity:, criteria:, security, architectural
      """)
  void aMalformedTacticalLineIsRejectedNamingLinePartAndAllowedValues(String line, String message) {
    assertThatThrownBy(() -> PlanParser.parseTactical("TT1.9 | qa | 1 | ok\n" + line))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("tacticalTasks line 2");
          assertThat(e.getMessage()).isEqualTo(message);
        });
  }
}
