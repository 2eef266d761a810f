package com.orchestration.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Body of {@code POST /api/instructions} and the fields of the start form {@code submit-instruction} (SPEC §4.1). */
@Schema(description = "A new instruction; values are checked against the allowed lists, the field is named on error")
public record IntakeRequest(
    @Schema(description = "Short title, at most 200 characters", example = "Add order history page",
        requiredMode = Schema.RequiredMode.REQUIRED) String title,
    @Schema(description = "Free text, at most 10000 characters") String description,
    @Schema(description = "fix, feature, refactor, tests, review, docs, question, deployment, investigation, "
        + "migration; inferred from keywords when absent", example = "feature") String workType,
    @Schema(description = "frontend, backend, qa, devops, data, security; tier 1 needs one", example = "[\"backend\"]")
    List<String> affectedDomains,
    @Schema(description = "Scope flags of SPEC §4.2 (see POST /api/instructions/classification)")
    List<String> scopeFlags,
    @Schema(description = "critical, high, normal (default), low", example = "normal") String priority,
    @Schema(description = "Optional deadline: a date (2026-12-01) or an instant (2026-12-01T17:00:00Z)")
    String deadline,
    @Schema(description = "The instruction fulfils a customer commitment (wins priority arbitration)")
    Boolean customerCommitment,
    @Schema(description = "Tier 1: hours of the single task (> 0, ≤ 8, default 0.5); other tiers: the estimate "
        + "admission adds to the load (default per tier in configuration)", example = "0.5") Double estimateHours) {

  public IntakeRequest {
    affectedDomains = affectedDomains == null ? List.of() : affectedDomains;
    scopeFlags = scopeFlags == null ? List.of() : scopeFlags;
  }
}
