package com.orchestration.handoff;

import com.orchestration.organization.Domain;
import com.orchestration.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Handoff records (SPEC §9.3, §12): the package, its checklist and timing. Read-only. */
@RestController
@RequestMapping("/api/handoffs")
@Tag(name = "Handoffs", description = "Handoffs of finished work to the domains that depend on it")
class HandoffController {

  static final int MAX_RESULTS = 500;

  private final HandoffService handoffs;

  HandoffController(HandoffService handoffs) {
    this.handoffs = handoffs;
  }

  @GetMapping
  @Operation(summary = "List handoffs, newest first (at most 500)", description = "Filters combine.")
  @ApiResponse(responseCode = "200", description = "The handoffs")
  @ApiResponse(responseCode = "400", description = "A filter has a value that is not allowed; the problem names it")
  List<HandoffRecord> list(
      @Parameter(description = "e.g. INS-20261124-1") @RequestParam(required = false) String instructionKey,
      @Parameter(description = "PREPARING, IN_REVIEW or ACCEPTED") @RequestParam(required = false) String state,
      @Parameter(description = "a downstream domain: frontend, backend, qa, devops, data, security")
      @RequestParam(required = false) String toDomain) {
    HandoffState wantState = blank(state) ? null : HandoffState.parse(state.strip())
        .orElseThrow(() -> new InvalidInputException("state", "Parameter 'state' has the invalid value '" + state
            + "'; allowed: " + HandoffState.allowed()));
    Domain wantDomain = blank(toDomain) ? null : Domain.require("toDomain", toDomain);
    return handoffs.find(blank(instructionKey) ? null : instructionKey.strip(), wantState,
        wantDomain == null ? null : wantDomain.value(), MAX_RESULTS);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One handoff")
  @ApiResponse(responseCode = "200", description = "The handoff")
  @ApiResponse(responseCode = "404", description = "No handoff with this id")
  HandoffRecord one(@PathVariable long id) {
    return handoffs.get(id);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
