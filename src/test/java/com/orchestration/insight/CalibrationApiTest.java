package com.orchestration.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orchestration.OrchestrationTest;
import com.orchestration.insight.CalibrationRepository.Size;
import com.orchestration.platform.FiredRule;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code GET /api/calibration} and {@code GET /api/calibration/people/{id}} (SPEC §11) on data this test controls:
 * tier outcomes completed in March 2031 (no other test completes anything then; the period filter keeps everyone
 * else's outcomes out), and an inactive probe IC whose every performance sample this test wrote.
 */
@OrchestrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalibrationApiTest {

  static final String PROBE = "calibration-probe";
  static final String MARCH = "/api/calibration?from=2031-03-01&to=2031-03-31";

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired CalibrationRepository repository;

  /** One seeded outcome: key suffix, classified, final and implied tier, domains, rules (decision/rule), when. */
  record Seed(String suffix, int classified, int finalTier, int implied, List<String> domains, List<String> rules,
      String completedAt) {}

  static final String FIX = "base-tier/rule_fix";
  static final String FEATURE = "base-tier/rule_feature";
  static final String NO_FLAGS = "scope-adjustment/rule_noScopeFlags";
  static final String ADJUSTED = "tier-classification/rule_adjustedTier";

  /**
   * Nine outcomes in March 2031 (A–I) and two just outside it. Worked out by hand:
   * <pre>
   *        implied 0 1 2 3 4     right: H, F, A, E (4 of 9); overrides D 3→2 (right), F 1→2 (wrong), I 2→3 (right)
   *   class. 0     1 . . . .
   *          1     . 1 . . .
   *          2     . 1 1 2 .     C too high; B, I too low
   *          3     . . 1 1 .     D too high
   *          4     . . . 1 .     G too high
   * </pre>
   */
  static final List<Seed> SEEDS = List.of(
      new Seed("001", 2, 2, 2, List.of("backend"), List.of(FIX, NO_FLAGS, ADJUSTED), "2031-03-02T10:00:00Z"),
      new Seed("002", 2, 2, 3, List.of("backend", "frontend"), List.of(FIX, NO_FLAGS, ADJUSTED),
          "2031-03-03T10:00:00Z"),
      new Seed("003", 2, 2, 1, List.of("backend"), List.of(FIX, NO_FLAGS, ADJUSTED), "2031-03-04T10:00:00Z"),
      new Seed("004", 3, 2, 2, List.of("frontend"), List.of(FEATURE, NO_FLAGS, ADJUSTED), "2031-03-05T10:00:00Z"),
      new Seed("005", 3, 3, 3, List.of("data", "frontend"), List.of(FEATURE, NO_FLAGS, ADJUSTED),
          "2031-03-06T10:00:00Z"),
      new Seed("006", 1, 2, 1, List.of("frontend"), List.of("base-tier/rule_docs", NO_FLAGS, ADJUSTED),
          "2031-03-07T10:00:00Z"),
      new Seed("007", 4, 4, 3, List.of("backend", "data", "devops", "qa"), List.of("base-tier/rule_migration",
          "scope-adjustment/rule_twoOrMoreRaisingFlags", "tier-classification/rule_moreThanThreeDomains"),
          "2031-03-08T10:00:00Z"),
      new Seed("008", 0, 0, 0, List.of(), List.of("base-tier/rule_question", NO_FLAGS, ADJUSTED),
          "2031-03-31T23:59:59Z"),
      new Seed("009", 2, 3, 3, List.of("backend"), List.of(FIX, "scope-adjustment/rule_oneRaisingFlag", ADJUSTED),
          "2031-03-01T00:00:00Z"),
      // just outside the period: a wrong tier 0 and a wrong tier 4 that would change every figure
      new Seed("010", 0, 0, 4, List.of("backend"), List.of("base-tier/rule_question", NO_FLAGS, ADJUSTED),
          "2031-02-28T23:59:59Z"),
      new Seed("011", 4, 4, 0, List.of("backend"), List.of(FIX, NO_FLAGS, ADJUSTED), "2031-04-01T00:00:00Z"));

  @BeforeAll
  void seed() {
    for (Seed seed : SEEDS) {
      String key = "INS-20310301-" + seed.suffix();
      if (repository.outcomeExists(key)) {
        continue;
      }
      Timestamp at = Timestamp.from(Instant.parse(seed.completedAt()));
      jdbc.sql("""
              insert into instruction (instruction_key, title, work_type, work_type_inferred, affected_domains,
                scope_flags, priority, customer_commitment, estimate_hours, tier, classified_tier, tier_confidence,
                tier_reason, state, submitted_by, created_at, updated_at)
              values (?, 'Calibration seed', 'FIX', false, ?, '', 'NORMAL', false, 1, ?, ?, 1, 'seeded',
                'COMPLETED', 'erin', ?, ?)""")
          .params(key, String.join(",", seed.domains()), seed.finalTier(), seed.classified(), at, at)
          .update();
      List<FiredRule> rules = seed.rules().stream()
          .map(r -> new FiredRule(r.split("/")[0], r.split("/")[1], null, Map.of())).toList();
      repository.insertOutcome(key, seed.classified(), seed.finalTier(), seed.implied(), null,
          new Size(3, 6, seed.domains()), at.toInstant(), seed.domains(), rules);
    }
    seedProbe();
  }

  JsonNode get(String user, String path) throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
    JsonNode body = json.readTree(response.getBody());
    ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("httpStatus", response.getStatusCode().value());
    return body;
  }

  static List<List<Long>> matrix(JsonNode node) {
    List<List<Long>> rows = new ArrayList<>();
    node.forEach(row -> {
      List<Long> cells = new ArrayList<>();
      row.forEach(cell -> cells.add(cell.asLong()));
      rows.add(cells);
    });
    return rows;
  }

  @Test
  void theConfusionMatrixAccuracyAndOverridesOfThePeriodAreExact() throws Exception {
    // When
    JsonNode tiers = get("tom", MARCH).get("tiers");

    // Then
    assertThat(tiers.get("samples").asLong()).isEqualTo(9);
    assertThat(matrix(tiers.get("confusionMatrix"))).containsExactly(
        List.of(1L, 0L, 0L, 0L, 0L),
        List.of(0L, 1L, 0L, 0L, 0L),
        List.of(0L, 1L, 1L, 2L, 0L),
        List.of(0L, 0L, 1L, 1L, 0L),
        List.of(0L, 0L, 0L, 1L, 0L));
    assertThat(tiers.get("accuracy").asDouble()).isCloseTo(4.0 / 9, within(1e-12));
    List<String> perTier = new ArrayList<>();
    tiers.get("perTier").forEach(t -> perTier.add(t.get("tier").asInt() + ": " + t.get("samples").asLong() + " "
        + t.get("correct").asLong() + " " + t.get("classifiedTooHigh").asLong() + " "
        + t.get("classifiedTooLow").asLong() + " " + t.get("accuracy").asDouble()));
    assertThat(perTier).containsExactly("0: 1 1 0 0 1.0", "1: 1 1 0 0 1.0", "2: 4 1 1 2 0.25", "3: 2 1 1 0 0.5",
        "4: 1 0 1 0 0.0");
    JsonNode overrides = tiers.get("overrides");
    assertThat(overrides.get("overridden").asLong()).isEqualTo(3);
    assertThat(overrides.get("raised").asLong()).isEqualTo(2);
    assertThat(overrides.get("lowered").asLong()).isEqualTo(1);
    assertThat(overrides.get("overrideRate").asDouble()).isCloseTo(3.0 / 9, within(1e-12));
    assertThat(overrides.get("improved").asLong()).isEqualTo(2);
    assertThat(overrides.get("worsened").asLong()).isEqualTo(1);
    assertThat(overrides.get("finalAccuracy").asDouble()).isCloseTo(5.0 / 9, within(1e-12));
  }

  @Test
  void theRulesThatMisfireMostComeFirstAndEveryDeployedRuleIsListed() throws Exception {
    JsonNode rules = get("erin", MARCH).get("tiers").get("rules");

    List<String> lines = new ArrayList<>();
    rules.forEach(r -> lines.add(r.get("decision").asText() + "/" + r.get("ruleId").asText() + " "
        + r.get("fired").asLong() + " " + r.get("misfired").asLong() + " " + r.get("classifiedTooHigh").asLong() + " "
        + r.get("classifiedTooLow").asLong() + " "
        + (r.get("misfireRate").isNull() ? "-" : String.format(java.util.Locale.ROOT, "%.4f",
            r.get("misfireRate").asDouble()))));
    assertThat(lines).containsExactly(
        "base-tier/rule_migration 1 1 1 0 1.0000",
        "scope-adjustment/rule_oneRaisingFlag 1 1 0 1 1.0000",
        "scope-adjustment/rule_twoOrMoreRaisingFlags 1 1 1 0 1.0000",
        "tier-classification/rule_moreThanThreeDomains 1 1 1 0 1.0000",
        "base-tier/rule_fix 4 3 1 2 0.7500",
        "tier-classification/rule_adjustedTier 8 4 2 2 0.5000",
        "base-tier/rule_feature 2 1 1 0 0.5000",
        "scope-adjustment/rule_noScopeFlags 7 3 2 1 0.4286",
        "base-tier/rule_docs 1 0 0 0 0.0000",
        "base-tier/rule_question 1 0 0 0 0.0000",
        "base-tier/rule_deployment 0 0 0 0 -",
        "base-tier/rule_investigation 0 0 0 0 -",
        "base-tier/rule_refactor 0 0 0 0 -",
        "base-tier/rule_review 0 0 0 0 -",
        "base-tier/rule_tests 0 0 0 0 -",
        "scope-adjustment/rule_loweringFlagWithoutRaising 0 0 0 0 -",
        "tier-classification/rule_uncertainThreeFailsSafeToFour 0 0 0 0 -");
    assertThat(rules.get(4).get("description").asText()).isEqualTo("A fix is moderate work");
  }

  @Test
  void theDomainFilterKeepsTheInstructionsThatTouchedTheDomain() throws Exception {
    JsonNode report = get("bruno", MARCH + "&domain=backend");

    // A, B, C, G, I touched backend
    assertThat(report.get("domain").asText()).isEqualTo("backend");
    assertThat(report.get("tiers").get("samples").asLong()).isEqualTo(5);
    assertThat(matrix(report.get("tiers").get("confusionMatrix"))).containsExactly(
        List.of(0L, 0L, 0L, 0L, 0L),
        List.of(0L, 0L, 0L, 0L, 0L),
        List.of(0L, 1L, 1L, 2L, 0L),
        List.of(0L, 0L, 0L, 0L, 0L),
        List.of(0L, 0L, 0L, 1L, 0L));
    assertThat(report.get("tiers").get("accuracy").asDouble()).isCloseTo(0.2, within(1e-12));
    // and /api/metrics reports the same tier accuracy for the same period and domain
    assertThat(get("bruno", "/api/metrics?from=2031-03-01&to=2031-03-31&domain=backend").get("tiers")
        .get("accuracy").asDouble()).isCloseTo(0.2, within(1e-12));
    assertThat(get("bruno", "/api/metrics?from=2031-03-01&to=2031-03-31").get("tiers").get("accuracy").asDouble())
        .isCloseTo(4.0 / 9, within(1e-12));
    assertThat(report.get("domainFactors")).hasSize(1);
    assertThat(report.get("domainFactors").get(0).get("domain").asText()).isEqualTo("backend");
    List<String> ics = new ArrayList<>();
    report.get("icFactors").forEach(f -> {
      ics.add(f.get("personId").asText());
      assertThat(f.get("domain").asText()).isEqualTo("backend");
    });
    assertThat(ics).contains("alice", "bob", "carlos", "priya").isSorted();
  }

  @Test
  void factorsAreListedPerDomainAndActiveIcWithTheSuggestedEstimate() throws Exception {
    JsonNode report = get("tom", "/api/calibration");

    List<String> domains = new ArrayList<>();
    report.get("domainFactors").forEach(f -> {
      domains.add(f.get("domain").asText());
      assertThat(f.get("guidance").asText()).satisfiesAnyOf(
          g -> assertThat(g).startsWith(f.get("domain").asText() + " tasks have taken "),
          g -> assertThat(g).startsWith("No estimate factor for " + f.get("domain").asText() + " yet"));
      assertThat(f.get("inUse").asBoolean()).isEqualTo(f.get("samples").asInt() >= 5);
    });
    assertThat(domains).containsExactly("frontend", "backend", "qa", "devops", "data", "security");
    List<String> ics = new ArrayList<>();
    report.get("icFactors").forEach(f -> ics.add(f.get("personId").asText()));
    assertThat(ics).contains("alice", "lena", "bot-qa-1").doesNotContain("tom", "bruno", PROBE).isSorted();
    assertThat(report.get("from").isNull()).isTrue();
    assertThat(report.get("tiers").get("samples").asLong()).as("every outcome ever, the seeds included")
        .isGreaterThanOrEqualTo(11);
  }

  // --------------------------------------------------------------------------------------- per-IC history

  /**
   * The probe's twelve samples, newest first: complexity, estimate, actual, first-time approved. Within ±20 %: 1, 3,
   * 4 (exactly 20 %), 7, 8 (exactly 20 %), 10, 12.
   */
  static final Object[][] PROBE_SAMPLES = {
      {"SIMPLE", 2.0, 2.2, true},
      {"MODERATE", 4.0, 5.0, true},
      {"HIGH", 8.0, 8.0, false},
      {"SIMPLE", 1.0, 1.2, true},
      {"MODERATE", 2.0, 3.0, false},
      {"SIMPLE", 2.0, 1.5, true},
      {"MODERATE", 4.0, 4.4, true},
      {"HIGH", 5.0, 6.0, true},
      {"SIMPLE", 1.0, 2.0, false},
      {"MODERATE", 2.0, 2.0, true},
      {"HIGH", 4.0, 10.0, false},
      {"SIMPLE", 2.0, 2.0, true}};

  /**
   * An inactive data IC (the organisation sync leaves removed people alone; assignment never offers them) with
   * samples from January 2020, older than any other test's, on work items of their own.
   */
  void seedProbe() {
    if (jdbc.sql("select count(*) from person where id = ?").param(PROBE).query(Integer.class).single() > 0) {
      return;
    }
    Timestamp past = Timestamp.from(Instant.parse("2020-01-01T00:00:00Z"));
    jdbc.sql("""
            insert into person (id, name, email, role, domain, kind, level, hours_per_day, active, removed_at,
              updated_at)
            values (?, 'Calibration probe', 'calibration-probe@orchestration.example', 'ic', 'data', 'HUMAN', 'mid', 8,
              false, ?, ?)""")
        .params(PROBE, past, past).update();
    for (int i = 0; i < PROBE_SAMPLES.length; i++) {
      Object[] s = PROBE_SAMPLES[i];
      Timestamp completed = Timestamp.from(Instant.parse("2020-01-31T12:00:00Z").minusSeconds(3600L * i));
      String taskKey = "TT" + (i + 1);
      jdbc.sql("""
              insert into work_item (instruction_key, task_key, kind, domain, title, estimate_hours, hours_spent,
                complexity, priority, assignee, state, created_at, updated_at)
              values ('INS-20200101-901', ?, 'TACTICAL', 'data', ?, ?, ?, ?, 'NORMAL', ?, 'COMPLETED', ?, ?)""")
          .params(taskKey, "Probe " + taskKey, BigDecimal.valueOf((double) s[1]), BigDecimal.valueOf((double) s[2]),
              s[0], PROBE, completed, completed)
          .update();
      long item = jdbc.sql("select id from work_item where instruction_key = 'INS-20200101-901' and task_key = ?")
          .param(taskKey).query(Long.class).single();
      jdbc.sql("""
              insert into performance_sample (person_id, work_item_id, domain, complexity, estimate_hours, actual_hours,
                first_time_approved, completed_at) values (?, ?, 'data', ?, ?, ?, ?, ?)""")
          .params(PROBE, item, s[0], BigDecimal.valueOf((double) s[1]), BigDecimal.valueOf((double) s[2]), s[3],
              completed)
          .update();
    }
  }

  @Test
  void anIcsHistorySumsUpEveryTaskAndTheWindowRecentPerformanceUses() throws Exception {
    // When
    JsonNode history = get("bruno", "/api/calibration/people/" + PROBE);

    // Then
    assertThat(history.get("httpStatus").asInt()).isEqualTo(200);
    assertThat(history.get("personId").asText()).isEqualTo(PROBE);
    assertThat(history.get("domain").asText()).isEqualTo("data");
    assertThat(history.get("active").asBoolean()).isFalse();
    assertThat(history.get("completedTasks").asInt()).isEqualTo(12);
    assertThat(history.get("firstTimeApprovalRate").asDouble()).isCloseTo(8.0 / 12, within(1e-12));
    assertThat(history.get("estimateAccuracy").asDouble()).isCloseTo(7.0 / 12, within(1e-12));
    // ratios sorted: 0.75 1 1 1 1.1 1.1 | 1.2 1.2 1.25 1.5 2 2.5 → (1.1 + 1.2) / 2
    assertThat(history.get("estimateFactor").get("factor").asDouble()).isCloseTo(1.15, within(1e-9));
    assertThat(history.get("estimateFactor").get("samples").asInt()).isEqualTo(12);
    assertThat(history.get("estimateFactor").get("inUse").asBoolean()).isTrue();
    List<String> perComplexity = new ArrayList<>();
    history.get("perComplexity").forEach(c -> perComplexity.add(c.get("complexity").asText() + " "
        + c.get("completed").asInt() + " " + String.format(java.util.Locale.ROOT, "%.4f %.4f",
        c.get("firstTimeApprovalRate").asDouble(), c.get("estimateAccuracy").asDouble())));
    assertThat(perComplexity).containsExactly("simple 5 0.8000 0.6000", "moderate 4 0.7500 0.5000",
        "high 3 0.3333 0.6667");
    // the newest ten: 7 approved the first time, 6 within ±20 % → 0.5 · 0.7 + 0.5 · 0.6
    assertThat(history.get("recent")).hasSize(10);
    assertThat(history.get("recent").get(0).get("taskKey").asText()).isEqualTo("TT1");
    assertThat(history.get("recent").get(3).get("withinEstimate").asBoolean()).isTrue();
    assertThat(history.get("recent").get(5).get("withinEstimate").asBoolean()).isFalse();
    assertThat(history.get("recent").get(9).get("taskKey").asText()).isEqualTo("TT10");
    assertThat(history.get("recentPerformance").asDouble()).isCloseTo(0.65, within(1e-12));
    assertThat(history.get("recentPerformanceFromSamples").asBoolean()).isTrue();
  }

  @Test
  void anIcWithoutCompletedTasksHasTheDefaultRecentPerformanceAndNoRates() throws Exception {
    JsonNode history = get("erin", "/api/calibration/people/arjun");

    assertThat(history.get("completedTasks").asInt()).isZero();
    assertThat(history.get("firstTimeApprovalRate").isNull()).isTrue();
    assertThat(history.get("estimateAccuracy").isNull()).isTrue();
    assertThat(history.get("recent")).isEmpty();
    assertThat(history.get("recentPerformance").asDouble()).isEqualTo(0.5);
    assertThat(history.get("recentPerformanceFromSamples").asBoolean()).isFalse();
    assertThat(history.get("estimateFactor").get("factor").asDouble()).isEqualTo(1.0);
    assertThat(history.get("estimateFactor").get("inUse").asBoolean()).isFalse();
  }

  // --------------------------------------------------------------------------------------- who, and bad input

  @Test
  void leadsReadCalibrationAndAnIcOnlyTheirOwnHistory() throws Exception {
    assertThat(get("erin", MARCH).get("httpStatus").asInt()).isEqualTo(200);
    assertThat(get("tom", MARCH).get("httpStatus").asInt()).isEqualTo(200);
    assertThat(get("dana", MARCH).get("httpStatus").asInt()).isEqualTo(200);
    JsonNode refused = get("alice", MARCH);
    assertThat(refused.get("httpStatus").asInt()).isEqualTo(403);
    assertThat(refused.get("detail").asText()).contains("engineering manager, the tech lead and domain leads");
    assertThat(get("alice", "/api/calibration/people/alice").get("httpStatus").asInt()).isEqualTo(200);
    assertThat(get("alice", "/api/calibration/people/bob").get("httpStatus").asInt()).isEqualTo(403);
    assertThat(get("arjun", "/api/calibration/people/bob").get("httpStatus").asInt()).isEqualTo(403);
    assertThat(rest.getForEntity("/api/calibration", String.class).getStatusCode().value()).isEqualTo(401);
  }

  void expectBadInput(String query, String field, String detail) throws Exception {
    JsonNode problem = get("tom", "/api/calibration?" + query);
    assertThat(problem.get("httpStatus").asInt()).as(query).isEqualTo(400);
    assertThat(problem.get("field").asText()).as(query).isEqualTo(field);
    assertThat(problem.get("detail").asText()).as(query).contains(detail);
  }

  @Test
  void badFiltersAreRefusedNamingTheFieldAndUnknownPeopleAreNotFound() throws Exception {
    expectBadInput("from=last-week", "from", "an ISO date (2026-11-24) or date-time");
    expectBadInput("to=2031-13-01", "to", "'2031-13-01'");
    expectBadInput("from=2031-03-02&to=2031-03-01T12:00:00Z", "to", "must end after it starts");
    expectBadInput("domain=mobile", "domain", "frontend, backend, qa, devops, data, security");

    JsonNode unknown = get("tom", "/api/calibration/people/nobody-here");
    assertThat(unknown.get("httpStatus").asInt()).isEqualTo(404);
    assertThat(unknown.get("detail").asText()).isEqualTo("No person with id 'nobody-here'");
  }

  @Test
  void anInstantPeriodEndIsExclusiveAndADateEndIncludesTheWholeDay() throws Exception {
    assertThat(get("tom", "/api/calibration?from=2031-03-01T00:00:00Z&to=2031-03-31T23:59:59Z")
        .get("tiers").get("samples").asLong()).as("H at 23:59:59 is left out").isEqualTo(8);
    assertThat(get("tom", "/api/calibration?from=2031-03-01&to=2031-04-01")
        .get("tiers").get("samples").asLong()).as("the outcome at 2031-04-01T00:00 is in").isEqualTo(10);
  }
}
