package com.orchestration.capacity;

import com.orchestration.organization.Domain;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Capacity, workload and forecast (SPEC §8.3, §8.4, §12); readable by any authenticated user. */
@RestController
@RequestMapping("/api")
@Tag(name = "Capacity", description = "Workload per IC, domain and system over the 3-working-day horizon, and the "
    + "day-by-day forecast")
class CapacityController {

  private final CapacityService capacity;
  private final ForecastService forecasts;

  CapacityController(CapacityService capacity, ForecastService forecasts) {
    this.capacity = capacity;
    this.forecasts = forecasts;
  }

  /** A person's workload as the API shows it; workload is null when the IC has no capacity in the horizon. */
  record WorkloadView(String personId, double committed, double capacity, Double workload, Band band,
      int openTasks) {

    static WorkloadView of(Workload w) {
      return new WorkloadView(w.personId(), w.committedHours(), w.capacityHours(),
          w.hasCapacity() ? w.workload() : null, w.band(), w.openTasks());
    }
  }

  @GetMapping("/capacity")
  @Operation(summary = "Committed hours against capacity for the system, each domain and each active IC",
      description = "Over the next 3 working days. With ?domain=, only that domain and its ICs are listed; "
          + "`system` always covers every active IC. Bands per DMN capacity-bands.")
  @ApiResponse(responseCode = "200", description = "The capacity overview")
  @ApiResponse(responseCode = "400", description = "Unknown domain; the problem names the field and allowed values")
  CapacityOverview capacity(@Parameter(description = "frontend, backend, qa, devops, data, security")
      @RequestParam(required = false) String domain) {
    Optional<Domain> wanted = domain(domain);
    CapacityOverview all = capacity.overview();
    if (wanted.isEmpty()) {
      return all;
    }
    return new CapacityOverview(all.system(),
        all.domains().stream().filter(d -> d.domain() == wanted.get()).toList(),
        all.people().stream().filter(p -> p.domain() == wanted.get()).toList(), all.bands());
  }

  @GetMapping("/capacity/forecast")
  @Operation(summary = "Day-by-day forecast for the next 3 working days",
      description = "Per IC: planned hours per day, the first day with free capacity and the tasks projected to "
          + "miss their deadline; per-day sums per domain and for the system. With ?domain=, only that domain "
          + "and its ICs are listed; `system` always covers every active IC.")
  @ApiResponse(responseCode = "200", description = "The forecast")
  @ApiResponse(responseCode = "400", description = "Unknown domain; the problem names the field and allowed values")
  Forecast forecast(@Parameter(description = "frontend, backend, qa, devops, data, security")
      @RequestParam(required = false) String domain) {
    Optional<Domain> wanted = domain(domain);
    Forecast all = forecasts.forecast();
    if (wanted.isEmpty()) {
      return all;
    }
    return new Forecast(all.today(), all.days(), all.system(),
        all.domains().stream().filter(d -> d.domain() == wanted.get()).toList(),
        all.people().stream().filter(p -> p.domain() == wanted.get()).toList());
  }

  @GetMapping("/people/{id}/workload")
  @Operation(summary = "One person's workload over the next 3 working days")
  @ApiResponse(responseCode = "200", description = "The workload")
  @ApiResponse(responseCode = "404", description = "No person with this id")
  WorkloadView workload(@PathVariable String id) {
    return WorkloadView.of(capacity.workload(id));
  }

  private static Optional<Domain> domain(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(Domain.require("domain", value));
  }
}
