package com.orchestration.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /api/instructions/classification}: the instruction fields that decide the tier. */
@Schema(description = "An instruction to classify (SPEC §4.1); values are checked against the allowed lists")
record ClassificationRequest(
    @Schema(description = "Short title", example = "Fix XSS in the login form", requiredMode = Schema.RequiredMode.REQUIRED)
    @NotBlank @Size(max = 200) String title,
    @Schema(description = "Free text", example = "The error message echoes the user name unescaped.")
    @Size(max = 10_000) String description,
    @Schema(description = "fix, feature, refactor, tests, review, docs, question, deployment, investigation, "
        + "migration; inferred from keywords when absent", example = "fix")
    String workType,
    @Schema(description = "0..6 of frontend, backend, qa, devops, data, security", example = "[\"frontend\"]")
    @Size(max = 6) List<String> affectedDomains,
    @Schema(description = "Raising: multipleModules, frontendAndBackend, newExternalDependency, apiContractChange, "
        + "securitySensitive, databaseSchemaChange, performanceCritical, productionFacing; lowering: "
        + "singleFileNoDependencies, typoOrDocsOnly, configurationFlagOnly", example = "[\"securitySensitive\"]")
    @Size(max = 11) List<String> scopeFlags,
    @Schema(description = "critical, high, normal, low (does not change the tier)", example = "high")
    String priority) {}
