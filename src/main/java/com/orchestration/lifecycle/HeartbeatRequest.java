package com.orchestration.lifecycle;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A progress report of the assignee (SPEC §5.2). Validated by {@link HeartbeatService}, which names the field.
 *
 * @param hoursSpent hours spent on the task so far in total (not since the last heartbeat)
 * @param remainingHours the assignee's own estimate of the hours left
 */
public record HeartbeatRequest(
    @Schema(description = "Progress, 0 to 100", example = "60", requiredMode = Schema.RequiredMode.REQUIRED)
    Integer progressPercent,
    @Schema(description = "Hours spent on the task so far, in total; 0 or more", example = "3.5",
        requiredMode = Schema.RequiredMode.REQUIRED)
    Double hoursSpent,
    @Schema(description = "Hours the assignee expects are left; 0 or more", example = "2",
        requiredMode = Schema.RequiredMode.REQUIRED)
    Double remainingHours,
    @Schema(description = "Optional note, at most 2000 characters", example = "Cursor paging done, tests next")
    String note) {}
