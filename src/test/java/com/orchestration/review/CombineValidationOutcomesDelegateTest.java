package com.orchestration.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CombineValidationOutcomesDelegateTest {

  @ParameterizedTest(name = "QA {0} + security {1} → {2}")
  @CsvSource(nullValues = "none", value = {
      "PASS, none, pass", "PASS, PASS, pass", "FIXABLE, PASS, fixable", "PASS, FIXABLE, fixable",
      "FIXABLE, BLOCKED, blocked", "BLOCKED, PASS, blocked", "BLOCKED, none, blocked"})
  void anyBlockedBlocksElseAnyFixableIsFixableElsePass(String qa, String security, String combined) {
    assertThat(CombineValidationOutcomesDelegate.combine(qa, security)).isEqualTo(combined);
  }
}
