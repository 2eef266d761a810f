package com.orchestration.capacity;

import com.orchestration.capacity.RebalancingRecords.Deferral;
import com.orchestration.capacity.RebalancingRecords.Loan;
import com.orchestration.capacity.RebalancingStarter.StartResult;
import com.orchestration.organization.Domain;
import com.orchestration.organization.OrganizationGroups;
import com.orchestration.platform.ForbiddenException;
import com.orchestration.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Rebalancing (SPEC §8.5): proposals and their history, loans, deferrals; run now; return a loan; undo a deferral. */
@RestController
@RequestMapping("/api/rebalancing")
@Tag(name = "Rebalancing", description = "Team proposals (DL), domain reviews (TL), lent ICs and deferred strategic "
    + "tasks of the capacity-rebalancing process")
class RebalancingController {

  static final int MAX_LIMIT = 500;

  private final RebalancingService rebalancing;
  private final RebalancingStarter starter;
  private final IdentityService identity;

  RebalancingController(RebalancingService rebalancing, RebalancingStarter starter, IdentityService identity) {
    this.rebalancing = rebalancing;
    this.starter = starter;
    this.identity = identity;
  }

  @GetMapping
  @Operation(summary = "Open proposals and reviews, and the history",
      description = "open: team proposals waiting for the DL and domain reviews waiting for the TL or EM; history: "
          + "decided ones, newest first (at most `limit`); loans: lent ICs (open and returned); deferrals. With "
          + "?domain= only that domain's (loans: to or from it). Any authenticated user may read.")
  @ApiResponse(responseCode = "200", description = "The overview")
  @ApiResponse(responseCode = "400", description = "Unknown domain or a limit outside 1..500")
  RebalancingService.Overview list(
      @Parameter(description = "frontend, backend, qa, devops, data, security") @RequestParam(required = false)
      String domain,
      @Parameter(description = "history size, 1..500 (default 50)") @RequestParam(defaultValue = "50") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit", "limit must be 1 to " + MAX_LIMIT + ", was " + limit);
    }
    return rebalancing.overview(domain == null || domain.isBlank() ? null : Domain.require("domain", domain), limit);
  }

  @PostMapping("/run")
  @Operation(summary = "Start a rebalancing now",
      description = "For one domain (its lead, the tech lead or the engineering manager) or, without ?domain=, for "
          + "every domain (tech lead, engineering manager). Starts whatever the thresholds, unless a rebalancing of "
          + "the domain is open — then `started` is false and `processInstanceId` names the open one.")
  @ApiResponse(responseCode = "200", description = "What was started, per domain")
  @ApiResponse(responseCode = "403", description = "Not a lead of the domain, the tech lead or the engineering manager")
  List<StartResult> run(@Parameter(description = "frontend, backend, qa, devops, data, security")
      @RequestParam(required = false) String domain) {
    List<String> groups = groups();
    boolean management = groups.contains(OrganizationGroups.TECH_LEADS)
        || groups.contains(OrganizationGroups.ENGINEERING_MANAGERS);
    if (domain == null || domain.isBlank()) {
      if (!management) {
        throw new ForbiddenException("Only the tech lead or the engineering manager may rebalance every domain; "
            + "a domain lead names their domain (?domain=)");
      }
      List<StartResult> results = new ArrayList<>();
      for (Domain d : Domain.values()) {
        results.add(starter.startNow(d));
      }
      return results;
    }
    Domain wanted = Domain.require("domain", domain);
    if (!management && !groups.contains(OrganizationGroups.leads(wanted))) {
      throw new ForbiddenException("Only the " + wanted.value() + " domain lead, the tech lead or the engineering "
          + "manager may rebalance " + wanted.value());
    }
    return List.of(starter.startNow(wanted));
  }

  @PostMapping("/loans/{id}/return")
  @Operation(summary = "Return a lent IC now (tech lead, engineering manager)",
      description = "The IC stops being a candidate of the borrowing domain at once; tasks already assigned stay.")
  @ApiResponse(responseCode = "200", description = "The loan, returned")
  @ApiResponse(responseCode = "403", description = "Not the tech lead or the engineering manager")
  @ApiResponse(responseCode = "404", description = "No such loan")
  @ApiResponse(responseCode = "409", description = "The loan has already ended")
  Loan returnLoan(@PathVariable long id) {
    return rebalancing.returnLoan(id, caller().getUserId(), groups());
  }

  @PostMapping("/deferrals/{id}/undo")
  @Operation(summary = "Undo a deferral (tech lead, engineering manager)",
      description = "Restores the recorded priorities of the strategic task and its tactical tasks, where they are "
          + "still open and still low.")
  @ApiResponse(responseCode = "200", description = "The deferral, undone")
  @ApiResponse(responseCode = "403", description = "Not the tech lead or the engineering manager")
  @ApiResponse(responseCode = "404", description = "No such deferral")
  @ApiResponse(responseCode = "409", description = "Already undone")
  Deferral undoDeferral(@PathVariable long id) {
    return rebalancing.undoDeferral(id, caller().getUserId(), groups());
  }

  private Authentication caller() {
    return identity.getCurrentAuthentication();
  }

  private List<String> groups() {
    Authentication caller = caller();
    return caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
  }
}
