package com.orchestration.lifecycle;

import com.orchestration.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** SLA warnings and breaches that fired (SPEC §5.3), for the dashboard, standups and audits. */
@RestController
@RequestMapping("/api")
@Tag(name = "SLA events", description = "Every SLA warning and breach: task, state, kind, due, fired at")
class SlaEventController {

  private final SlaService sla;

  SlaEventController(SlaService sla) {
    this.sla = sla;
  }

  @GetMapping("/sla-events")
  @Operation(summary = "SLA warnings and breaches in the order they fired",
      description = "All filters are optional and combine with AND. At most 1000 events; narrow with `since`.")
  @ApiResponse(responseCode = "200", description = "The events")
  @ApiResponse(responseCode = "400", description = "A filter has a value that is not allowed; the problem names it")
  List<SlaEvent> events(
      @Parameter(description = "Instruction key, e.g. INS-20261124-001") @RequestParam(required = false)
      String instructionKey,
      @Parameter(description = "Task key, e.g. TT1.2") @RequestParam(required = false) String taskKey,
      @Parameter(description = "WARNING or BREACH") @RequestParam(required = false) String kind,
      @Parameter(description = "Task state, e.g. BLOCKED") @RequestParam(required = false) String state,
      @Parameter(description = "Only events fired at or after this ISO-8601 instant, e.g. 2026-11-24T09:00:00Z")
      @RequestParam(required = false) String since) {
    return sla.events(new SlaEventQuery(blankToNull(instructionKey), blankToNull(taskKey), kind(kind), state(state),
        since(since)));
  }

  private static SlaEventKind kind(String value) {
    if (blankToNull(value) == null) {
      return null;
    }
    return SlaEventKind.parse(value).orElseThrow(() -> new InvalidInputException("kind",
        "Parameter 'kind' has the invalid value '" + value + "'; allowed: " + SlaEventKind.allowed()));
  }

  private static TaskState state(String value) {
    if (blankToNull(value) == null) {
      return null;
    }
    return Arrays.stream(TaskState.values()).filter(s -> s.name().equalsIgnoreCase(value.trim())).findFirst()
        .orElseThrow(() -> new InvalidInputException("state", "Parameter 'state' has the invalid value '" + value
            + "'; allowed: " + Arrays.stream(TaskState.values()).map(Enum::name).collect(Collectors.joining(", "))));
  }

  private static Instant since(String value) {
    if (blankToNull(value) == null) {
      return null;
    }
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("since", "Parameter 'since' has the invalid value '" + value
          + "'; allowed: an ISO-8601 instant in UTC such as 2026-11-24T09:00:00Z");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
