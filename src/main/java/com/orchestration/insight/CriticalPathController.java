package com.orchestration.insight;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An instruction's critical path (SPEC §10.2, §12): slack per task, projected completion, the slip. */
@RestController
@RequestMapping("/api/instructions")
@Tag(name = "Insight", description = "Critical paths, slips and scope reviews (docs/critical-path.md)")
class CriticalPathController {

  private final CriticalPathService criticalPaths;

  CriticalPathController(CriticalPathService criticalPaths) {
    this.criticalPaths = criticalPaths;
  }

  @GetMapping("/{key}/critical-path")
  @Operation(summary = "The instruction's critical path: schedule and slack per task, projected completion, slip",
      description = "Any authenticated user. Every task of the graph (tactical tasks and strategic tasks not yet "
          + "broken down; no cancelled ones) with earliest/latest start and finish and slack in hours from `asOf`, "
          + "by remaining hours calibrated with the estimate factors; `path` the critical path; `originalHours`, "
          + "`baselineHours`, `projectedHours`, `slipRatio` and `slipping` (DMN critical-path-slip); "
          + "`projectedCompletion` on working days of 8 h; each task's lifecycle `processInstanceId` (Cockpit) and "
          + "open `userTaskId` (Tasklist). Changes nothing; definitions in docs/critical-path.md.")
  @ApiResponse(responseCode = "200", description = "The critical path")
  @ApiResponse(responseCode = "404", description = "No instruction and no task with this key")
  CriticalPath criticalPath(@Parameter(description = "e.g. INS-20261124-001") @PathVariable String key) {
    return criticalPaths.of(key);
  }
}
