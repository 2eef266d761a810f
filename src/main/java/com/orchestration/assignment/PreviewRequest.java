package com.orchestration.assignment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Body of {@code POST /api/assignments/preview}: the attributes of a task that decide who gets it. */
@Schema(description = "A tactical task to preview an assignment for (SPEC §8.1); nothing is stored or reserved")
record PreviewRequest(
    @Schema(description = "frontend, backend, qa, devops, data, security", example = "security",
        requiredMode = Schema.RequiredMode.REQUIRED)
    String domain,
    @Schema(description = "Required skill → minimum level (beginner, intermediate, advanced, expert)",
        example = "{\"threat-modeling\": \"advanced\", \"owasp\": \"advanced\"}")
    Map<String, String> requiredSkills,
    @Schema(description = "Skills that help but are not needed", example = "[\"python\", \"sast\"]")
    List<String> niceToHaveSkills,
    @Schema(description = "simple, moderate, high", example = "high", requiredMode = Schema.RequiredMode.REQUIRED)
    String complexity,
    @Schema(description = "critical, high, normal, low", example = "normal",
        requiredMode = Schema.RequiredMode.REQUIRED)
    String priority,
    @Schema(description = "Estimate in hours, more than 0 and at most 8 (one day)", example = "6",
        requiredMode = Schema.RequiredMode.REQUIRED)
    Double estimateHours,
    @Schema(description = "Optional deadline (ISO-8601 instant)", example = "2026-11-27T17:00:00Z")
    Instant deadline) {}
