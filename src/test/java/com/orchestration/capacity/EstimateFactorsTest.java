package com.orchestration.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.organization.Domain;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * SPEC §11 estimate factors per domain and per IC, read from performance samples, on a fresh database whose every
 * sample this test wrote — the shared test database holds other tests' samples in every domain.
 */
class EstimateFactorsTest {

  private static final Instant NOON = Instant.parse("2026-11-26T12:00:00Z");

  private StandaloneCapacityDatabase db;
  private int tasks;

  @BeforeEach
  void freshDatabase() {
    db = new StandaloneCapacityDatabase(new DriverManagerDataSource(
        "jdbc:h2:mem:factors-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
  }

  @AfterEach
  void closeDatabase() {
    db.jdbc.sql("shutdown").update();
  }

  /** {@code count} samples of {@code estimate} → {@code actual} hours, the first one {@code minutesAgo} before noon. */
  private void samples(String person, String domain, int count, double estimate, double actual, int minutesAgo) {
    for (int i = 0; i < count; i++) {
      long item = db.insertTask("INS-20261126-001", "TT" + (++tasks), domain, estimate);
      db.insertSample(person, item, domain, estimate, actual, NOON.minusSeconds(60L * (minutesAgo + i)));
    }
  }

  @Test
  void eachDomainHasTheMedianOfItsNewestTwentySamplesClampedAndOnlyFromFiveSamples() {
    // Given data: 4 h estimates that took 4..9 h (even count: the mean of 1.5 and 1.75); backend: the newest twenty are ten at 1.0 (ic-a) and ten at 1.5 (ic-b); five older ones at 2.5 (ic-b) are
    // written last, so an order by id instead of completion time would take them in.
    samples("ic-a", "backend", 10, 2, 2, 0);
    samples("ic-b", "backend", 10, 2, 3, 10);
    samples("ic-b", "backend", 5, 2, 5, 100);
    samples("ic-c", "frontend", 4, 2, 4, 0);
    samples("ic-d", "qa", 5, 4, 1, 0);
    samples("ic-e", "devops", 5, 1, 4, 0);
    for (int i = 0; i < 6; i++) {
      samples("ic-f", "data", 1, 4, 4 + i, i);
    }
    // When
    Map<Domain, EstimateFactor> calibration = db.capacity.domainCalibration();
    Map<Domain, Double> factors = db.capacity.domainEstimateFactors();

    // Then
    assertThat(calibration).containsExactly(
        Map.entry(Domain.FRONTEND, new EstimateFactor(1.0, 4, false)),
        Map.entry(Domain.BACKEND, new EstimateFactor(1.25, 20, true)),
        Map.entry(Domain.QA, new EstimateFactor(0.5, 5, true)),
        Map.entry(Domain.DEVOPS, new EstimateFactor(3.0, 5, true)),
        Map.entry(Domain.DATA, new EstimateFactor(1.625, 6, true)),
        Map.entry(Domain.SECURITY, new EstimateFactor(1.0, 0, false)));
    assertThat(factors).containsEntry(Domain.BACKEND, 1.25).containsEntry(Domain.FRONTEND, 1.0)
        .containsEntry(Domain.QA, 0.5).containsEntry(Domain.DEVOPS, 3.0).containsEntry(Domain.DATA, 1.625)
        .containsEntry(Domain.SECURITY, 1.0);
  }

  @Test
  void eachIcHasTheMedianOfTheirOwnNewestTwentySamples() {
    samples("ic-a", "backend", 10, 2, 2, 0);
    samples("ic-b", "backend", 10, 2, 3, 10);
    samples("ic-b", "backend", 5, 2, 5, 100);
    samples("ic-b", "backend", 6, 2, 6, 200);
    samples("ic-c", "frontend", 4, 2, 4, 0);

    Map<String, EstimateFactor> factors = db.capacity.personCalibration(List.of("ic-a", "ic-b", "ic-c", "nobody"));

    // ic-b's newest twenty: ten at 1.5, five at 2.5, five of the six at 3.0 → the mean of the 10th and 11th, 2.0
    assertThat(factors).containsExactly(
        Map.entry("ic-a", new EstimateFactor(1.0, 10, true)),
        Map.entry("ic-b", new EstimateFactor(2.0, 20, true)),
        Map.entry("ic-c", new EstimateFactor(1.0, 4, false)),
        Map.entry("nobody", EstimateFactor.NONE));
    assertThat(db.capacity.estimateFactor("ic-b")).isEqualTo(2.0);
  }
}
