package com.orchestration.insight;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Metrics (SPEC §10.1) and bottlenecks (§10.2). Like {@code /api/capacity} (whose per-IC workloads it repeats):
 * readable by any authenticated user. Definitions in docs/metrics.md.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Metrics", description = "Flow, quality, SLA, capacity and queue metrics; where work piles up")
class MetricsController {

  private final MetricsService metrics;
  private final BottleneckService bottlenecks;

  MetricsController(MetricsService metrics, BottleneckService bottlenecks) {
    this.metrics = metrics;
    this.bottlenecks = bottlenecks;
  }

  @GetMapping("/metrics")
  @Operation(summary = "Every metric of SPEC §10.1 for a period, optionally for one domain or one instruction",
      description = "Period [from, to), default the last 30 days, at most 366 days. WIP, utilisation, the forecast "
          + "and queue depth are the present state (the period does not apply; utilisation and forecast ignore the "
          + "instruction filter). Rates are 0..1 and null when there is nothing to divide by; durations in hours; "
          + "p50/p90 by the nearest-rank method.")
  @ApiResponse(responseCode = "200", description = "The metrics")
  @ApiResponse(responseCode = "400", description = "A filter has a value that is not allowed (the problem names it), "
      + "or 'from' is after 'to'")
  @ApiResponse(responseCode = "404", description = "No instruction with this key")
  MetricsReport metrics(
      @Parameter(description = "Start, inclusive: ISO date (start of that day) or date-time, e.g. 2026-11-01 or "
          + "2026-11-01T00:00:00Z") @RequestParam(required = false) String from,
      @Parameter(description = "End: ISO date (that day included) or date-time (exclusive); default now")
      @RequestParam(required = false) String to,
      @Parameter(description = "frontend, backend, qa, devops, data, security") @RequestParam(required = false)
      String domain,
      @Parameter(description = "Instruction key, e.g. INS-20261124-001") @RequestParam(required = false)
      String instruction) {
    return metrics.report(metrics.query(from, to, domain, instruction));
  }

  @GetMapping("/insight/bottlenecks")
  @Operation(summary = "Where work piles up now: the state or gate with the largest WIP × mean wait, the longest "
      + "group queue, the IC most over capacity",
      description = "Each part is null when there is nothing to report. With `domain`: that domain's work, groups "
          + "and ICs; with `instruction`: its work, its Camunda tasks and the ICs holding capacity for it.")
  @ApiResponse(responseCode = "200", description = "The bottlenecks")
  @ApiResponse(responseCode = "400", description = "A filter has a value that is not allowed; the problem names it")
  @ApiResponse(responseCode = "404", description = "No instruction with this key")
  BottleneckReport bottlenecks(
      @Parameter(description = "frontend, backend, qa, devops, data, security") @RequestParam(required = false)
      String domain,
      @Parameter(description = "Instruction key, e.g. INS-20261124-001") @RequestParam(required = false)
      String instruction) {
    return bottlenecks.report(bottlenecks.query(domain, instruction));
  }
}
