package com.orchestration.insight;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.orchestration.organization.Domain;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/calibration} (SPEC §11): tier accuracy of the period, and the estimate factors in use now. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "Tier accuracy of the instructions completed in [from, to), and the current estimate factors")
record CalibrationReport(
    @Schema(description = "Start of the period (inclusive)") Instant from,
    @Schema(description = "End of the period (exclusive)") Instant to,
    @Schema(description = "The domain filter, or null for all") Domain domain,
    TierAccuracy tiers,
    @Schema(description = "Per domain (the filtered one only, with ?domain=): its factor and the suggested "
        + "estimate the breakdown form shows") List<DomainFactor> domainFactors,
    @Schema(description = "Per active IC (of the domain, with ?domain=), ordered by id") List<IcFactor> icFactors) {

  @Schema(description = "A domain's estimate factor: median actual/estimate of its newest 20 completed tasks")
  record DomainFactor(Domain domain, double factor, int samples,
      @Schema(description = "At least 5 samples; else estimates are used as given (factor 1.0)") boolean inUse,
      @Schema(description = "The text shown to the domain lead in the breakdown form") String guidance) {}

  @Schema(description = "An IC's estimate factor, applied to their remaining hours in workload and forecast")
  record IcFactor(String personId, Domain domain, double factor, int samples,
      @Schema(description = "At least 5 samples; else 1.0 is applied") boolean inUse) {}
}
