package com.orchestration.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkTypeInferenceTest {

  @ParameterizedTest(name = "''{0}'' is {1}")
  @CsvSource({
      "Fixes the login redirect,            FIX",
      "Fixed crash on empty cart,            FIX",
      "Two bugs in the invoice export,       FIX",
      "Checkout is broken on Safari,         FIX",
      "Implementing saved searches,          FEATURE",
      "New feature: team calendars,          FEATURE",
      "Refactoring the order service,        REFACTOR",
      "Optimization of the search index,     REFACTOR",
      "Tests for the payment adapter,        TESTS",
      "Raise coverage of the billing module, TESTS",
      "Audit of the admin permissions,       REVIEW",
      "Assessment of the vendor SDK,         REVIEW",
      "Documentation for the public API,     DOCS",
      "Update the README,                    DOCS",
      "Explain the retry policy,             QUESTION",
      "Deploying 2.4 to staging,             DEPLOYMENT",
      "Shipped builds lack source maps,      DEPLOYMENT",
      "Debugging the nightly export,         INVESTIGATION",
      "Diagnose slow dashboard queries,      INVESTIGATION",
      "Migrating sessions to Redis,          MIGRATION",
      "Migration of the user table,          MIGRATION",
      "Upgrade Spring Boot,                  MIGRATION"})
  void infersTheWorkTypeFromInflectedKeywords(String title, WorkType expected) {
    // When
    WorkTypeInference.Inference inference = WorkTypeInference.infer(title, null);

    // Then
    assertThat(inference.workType()).isEqualTo(expected);
    assertThat(inference.confidence()).isEqualTo(WorkTypeInference.SINGLE_MATCH_CONFIDENCE);
  }

  @Test
  void matchesWholeWordsOnly() {
    // "address", "latest", "prefix", "relationship" contain keywords but are other words
    WorkTypeInference.Inference inference =
        WorkTypeInference.infer("Address latest prefix relationship", "Specialist contestants");

    assertThat(inference.anyMatched()).isFalse();
  }

  @Test
  void matchesCaseInsensitively() {
    assertThat(WorkTypeInference.infer("MIGRATE THE LEDGER", null).workType()).isEqualTo(WorkType.MIGRATION);
  }

  @Test
  void noKeywordFailsSafeToFeatureWithLowConfidence() {
    // When
    WorkTypeInference.Inference inference = WorkTypeInference.infer("Billing page", "Customers asked for it.");

    // Then: feature has the highest base tier, and 0.3 lets the DMN fail-safe pick 4 over 3
    assertThat(inference.workType()).isEqualTo(WorkType.FEATURE);
    assertThat(inference.confidence()).isEqualTo(0.3);
    assertThat(inference.matchedKeywords()).isEmpty();
  }

  @Test
  void genericVerbsWeighHalfSoTheSubjectWins() {
    // "Add" (feature, generic) against "tests" (tests): tests scores 2, feature 1
    WorkTypeInference.Inference inference = WorkTypeInference.infer("Add tests for the cart", null);

    assertThat(inference.workType()).isEqualTo(WorkType.TESTS);
    assertThat(inference.confidence()).isEqualTo(0.6); // 0.9 × 2 / 3
    assertThat(inference.matchedKeywords()).containsExactly("add", "test");
  }

  @Test
  void aTieGoesToTheWorkTypeMentionedFirst() {
    // "Document" (docs) and "migration" (migration) both score 2
    WorkTypeInference.Inference docsFirst = WorkTypeInference.infer("Document the migration", null);
    WorkTypeInference.Inference migrationFirst = WorkTypeInference.infer("Migration documentation", null);

    assertThat(docsFirst.workType()).isEqualTo(WorkType.DOCS);
    assertThat(migrationFirst.workType()).isEqualTo(WorkType.MIGRATION);
    assertThat(docsFirst.confidence()).isEqualTo(0.45); // 0.9 × 2 / 4: a real doubt
  }

  @Test
  void titleWeighsTwiceTheDescription() {
    // Title: fix (2). Description: deploy + release (1 + 1). Tie on score → first mention: fix
    WorkTypeInference.Inference inference =
        WorkTypeInference.infer("Fix the cache key", "Seen after the last deploy of the release branch.");

    assertThat(inference.workType()).isEqualTo(WorkType.FIX);
    assertThat(inference.confidence()).isEqualTo(0.45);
  }

  @Test
  void moreKeywordsOfOneTypeRaiseTheConfidence() {
    // fix: fix + broken (4), deployment: deploy (2) → 0.9 × 4 / 6
    WorkTypeInference.Inference inference = WorkTypeInference.infer("Fix the broken deploy script", null);

    assertThat(inference.workType()).isEqualTo(WorkType.FIX);
    assertThat(inference.confidence()).isEqualTo(0.6);
    assertThat(inference.scores()).containsKeys(WorkType.FIX, WorkType.DEPLOYMENT);
  }
}
