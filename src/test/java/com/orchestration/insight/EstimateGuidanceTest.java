package com.orchestration.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.capacity.EstimateFactor;
import com.orchestration.organization.Domain;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The suggested estimate of the breakdown form (SPEC §11), word for word. */
class EstimateGuidanceTest {

  @Test
  void aCalibratedDomainWorksItsFactorThroughAnExampleAndNamesItsCalibratedIcs() {
    Map<String, EstimateFactor> ics = new LinkedHashMap<>();
    ics.put("alice", new EstimateFactor(1.2, 20, true));
    ics.put("bob", new EstimateFactor(1.0, 3, false));
    ics.put("carlos", new EstimateFactor(0.85, 7, true));

    String text = EstimateGuidance.text(Domain.BACKEND, new EstimateFactor(1.3, 12, true), ics);

    assertThat(text).isEqualTo("backend tasks have taken 1.3× their estimate (median of 12 recent tasks): if you "
        + "think 4 h, plan 5.2 h. Per IC, applied to their workload once assigned: alice 1.2× (20 tasks), "
        + "carlos 0.85× (7 tasks).");
  }

  @Test
  void withoutEnoughSamplesTheEstimateIsUsedAsGiven() {
    String text = EstimateGuidance.text(Domain.QA, new EstimateFactor(1.0, 3, false),
        Map.of("hannah", new EstimateFactor(1.0, 2, false)));

    assertThat(text).isEqualTo("No estimate factor for qa yet (3 of the 5 completed tasks needed): estimates are "
        + "used as given (factor 1.0).");
  }

  @Test
  void factorsShowOneOrTwoDecimalsAndHoursNoneWhenWhole() {
    assertThat(EstimateGuidance.factor(1.0)).isEqualTo("1.0");
    assertThat(EstimateGuidance.factor(1.25)).isEqualTo("1.25");
    assertThat(EstimateGuidance.factor(1.333)).isEqualTo("1.33");
    assertThat(EstimateGuidance.hours(4)).isEqualTo("4");
    assertThat(EstimateGuidance.hours(12)).isEqualTo("12");
    assertThat(EstimateGuidance.hours(4 * 1.15)).isEqualTo("4.6");
    assertThat(EstimateGuidance.hours(4 * 1.333)).isEqualTo("5.33");
  }
}
