package com.orchestration.insight;

import com.orchestration.capacity.CapacityClock;
import com.orchestration.organization.Domain;
import com.orchestration.organization.OrganizationGroups;
import com.orchestration.platform.ForbiddenException;
import com.orchestration.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Calibration (SPEC §11): tier accuracy, estimate factors and per-IC performance history, for the leads. */
@RestController
@RequestMapping("/api/calibration")
@Tag(name = "Calibration", description = "Tier accuracy (confusion matrix, misfiring rules), estimate factors per "
    + "domain and IC, and each IC's performance history")
class CalibrationController {

  /** Who reads calibration: the people who plan, assign and tune the tables. */
  static final List<String> READERS = List.of(OrganizationGroups.ENGINEERING_MANAGERS, OrganizationGroups.TECH_LEADS,
      OrganizationGroups.DOMAIN_LEADS);

  private final CalibrationService calibration;
  private final IdentityService identity;
  private final CapacityClock clock;

  CalibrationController(CalibrationService calibration, IdentityService identity, CapacityClock clock) {
    this.clock = clock;
    this.calibration = calibration;
    this.identity = identity;
  }

  @GetMapping
  @Operation(summary = "Tier accuracy of completed instructions and the estimate factors in use",
      description = "Engineering manager, tech lead and domain leads. `tiers`: instructions completed in [from, to) "
          + "(touching `domain`, with ?domain=): confusion matrix classified × implied tier (DMN tier-by-size), "
          + "accuracy overall and per classified tier, the tech lead's overrides, and every rule of "
          + "tier-classification with its misfire rate (highest first). `domainFactors`, `icFactors`: the estimate "
          + "factors as they are now (the period does not apply), with the suggested estimate of the breakdown form.")
  @ApiResponse(responseCode = "200", description = "The report")
  @ApiResponse(responseCode = "400", description = "from/to not an ISO date or instant, to not after from, or an "
      + "unknown domain; `field` names it")
  @ApiResponse(responseCode = "403", description = "Not the engineering manager, the tech lead or a domain lead")
  CalibrationReport report(
      @Parameter(description = "Completed at or after: ISO date (2026-11-01, 00:00 in the server's time zone) or date-time")
      @RequestParam(required = false) String from,
      @Parameter(description = "Completed before: ISO instant, or ISO date (that whole day included)")
      @RequestParam(required = false) String to,
      @Parameter(description = "frontend, backend, qa, devops, data, security") @RequestParam(required = false)
      String domain) {
    requireReader(null);
    Instant start = instant("from", from, false);
    Instant end = instant("to", to, true);
    if (start != null && end != null && !end.isAfter(start)) {
      throw new InvalidInputException("to", "The period must end after it starts: from " + start + ", to " + end);
    }
    return calibration.report(start, end, domain == null || domain.isBlank() ? null : Domain.require("domain", domain));
  }

  @GetMapping("/people/{id}")
  @Operation(summary = "An IC's performance history: first-time approval, estimate accuracy, factor, complexity",
      description = "The engineering manager, the tech lead, domain leads, and the person themselves. The last 10 "
          + "tasks and the recentPerformance assignment would use for this IC now (SPEC §8.1).")
  @ApiResponse(responseCode = "200", description = "The history")
  @ApiResponse(responseCode = "403", description = "Someone else's history, and not a lead")
  @ApiResponse(responseCode = "404", description = "No person with this id")
  PerformanceHistory history(@PathVariable String id) {
    requireReader(id);
    return calibration.history(id);
  }

  private void requireReader(String self) {
    Authentication caller = identity.getCurrentAuthentication();
    List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (groups.stream().anyMatch(READERS::contains)) {
      return;
    }
    if (self != null && caller != null && self.equals(caller.getUserId())) {
      return;
    }
    throw new ForbiddenException(self == null
        ? "Only the engineering manager, the tech lead and domain leads read calibration"
        : "Only the engineering manager, the tech lead, domain leads and " + self + " read " + self + "'s history");
  }

  /** Absent → null; else as {@code /api/metrics} reads it ({@link MetricsQuery#instant}), in the server's zone. */
  private Instant instant(String field, String value, boolean endOfDay) {
    return value == null || value.isBlank() ? null : MetricsQuery.instant(field, value, clock.zone(), endOfDay);
  }

}
