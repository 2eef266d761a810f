package com.orchestration.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orchestration.organization.Domain;
import com.orchestration.platform.InvalidInputException;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The filters of /api/metrics: period [from, to), domain, instruction key. */
class MetricsQueryTest {

  static final Instant NOW = Instant.parse("2026-11-26T09:30:00Z");
  static final ZoneId UTC = ZoneId.of("UTC");

  @Test
  void withoutAPeriodItIsTheLastThirtyDaysUpToNow() {
    MetricsQuery q = MetricsQuery.parse(null, " ", null, "", NOW, UTC);

    assertThat(q).isEqualTo(new MetricsQuery(Instant.parse("2026-10-27T09:30:00Z"), NOW, null, null));
  }

  @Test
  void datesCoverWholeDaysInTheConfiguredZoneAndTheToDayIsIncluded() {
    assertThat(MetricsQuery.parse("2026-11-01", "2026-11-01", null, null, NOW, UTC))
        .isEqualTo(new MetricsQuery(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"),
            null, null));
    assertThat(MetricsQuery.parse("2026-11-01", "2026-11-02", null, null, NOW, ZoneId.of("Europe/Berlin")))
        .isEqualTo(new MetricsQuery(Instant.parse("2026-10-31T23:00:00Z"), Instant.parse("2026-11-02T23:00:00Z"),
            null, null));
  }

  @Test
  void dateTimesAreInstantsWithOrWithoutOffset() {
    MetricsQuery q = MetricsQuery.parse("2026-11-01T08:00:00Z", "2026-11-01T12:00:00+01:00", " backend ",
        " INS-20261124-001 ", NOW, UTC);
    assertThat(q).isEqualTo(new MetricsQuery(Instant.parse("2026-11-01T08:00:00Z"),
        Instant.parse("2026-11-01T11:00:00Z"), Domain.BACKEND, "INS-20261124-001"));
    assertThat(MetricsQuery.parse("2026-11-01T08:00", null, null, null, NOW, ZoneId.of("Europe/Berlin")).from())
        .isEqualTo(Instant.parse("2026-11-01T07:00:00Z"));
  }

  @Test
  void onlyFromMeansFromThenUntilNowAndOnlyToMeansThirtyDaysBeforeIt() {
    assertThat(MetricsQuery.parse("2026-11-20", null, null, null, NOW, UTC).to()).isEqualTo(NOW);
    assertThat(MetricsQuery.parse(null, "2026-11-10", null, null, NOW, UTC).from())
        .isEqualTo(Instant.parse("2026-10-12T00:00:00Z"));
  }

  @Test
  void fromAfterToIsRefusedNamingFrom() {
    assertThatThrownBy(() -> MetricsQuery.parse("2026-11-05", "2026-11-04", null, null, NOW, UTC))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is after 'to'")
        .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("from");
  }

  @Test
  void aFromInTheFutureWithoutToIsAfterNow() {
    assertField(() -> MetricsQuery.parse("2026-12-01", null, null, null, NOW, UTC), "from", "is after 'to' (now");
  }

  @Test
  void aPeriodOfMoreThan366DaysIsRefused() {
    assertThatThrownBy(() -> MetricsQuery.parse("2024-01-01", "2026-01-01", null, null, NOW, UTC))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("longer than 366 days");
  }

  @Test
  void malformedValuesAreRefusedNamingTheParameterAndWhatIsAllowed() {
    assertField(() -> MetricsQuery.parse("yesterday", null, null, null, NOW, UTC), "from", "ISO date");
    assertField(() -> MetricsQuery.parse(null, "2026-13-01", null, null, NOW, UTC), "to", "ISO date");
    assertField(() -> MetricsQuery.parse(null, null, "marketing", null, NOW, UTC), "domain", "frontend, backend");
    assertField(() -> MetricsQuery.parse(null, null, null, "' or 1=1 --", NOW, UTC), "instruction",
        "instruction key");
    assertField(() -> MetricsQuery.parse(null, null, null, "I".repeat(33), NOW, UTC), "instruction", "at most 32");
  }

  @Test
  void theBottleneckQueryIsAboutNow() {
    MetricsQuery q = MetricsQuery.current("qa", null, NOW);

    assertThat(q).isEqualTo(new MetricsQuery(NOW, NOW, Domain.QA, null));
  }

  private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field,
      String allowed) {
    assertThatThrownBy(call).isInstanceOf(InvalidInputException.class).hasMessageContaining(allowed)
        .extracting(e -> ((InvalidInputException) e).field()).isEqualTo(field);
  }
}
