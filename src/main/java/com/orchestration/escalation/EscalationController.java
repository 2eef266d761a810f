package com.orchestration.escalation;

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

/** Escalation records (SPEC §6): "why is this blocked, who owns it", per level. Read-only. */
@RestController
@RequestMapping("/api/escalations")
@Tag(name = "Escalations", description = "Escalation records: one per level an escalation reached")
class EscalationController {

  static final int MAX_RESULTS = 500;

  private final EscalationService escalations;

  EscalationController(EscalationService escalations) {
    this.escalations = escalations;
  }

  @GetMapping
  @Operation(summary = "List escalation records, newest first (at most 500)",
      description = "Filters combine. taskKey is either qualified (INS-20261124-1/TT1.2) or used together with "
          + "instructionKey.")
  @ApiResponse(responseCode = "200", description = "The records")
  @ApiResponse(responseCode = "400", description = "A filter has a value that is not allowed; the problem names it")
  List<EscalationRecord> list(
      @Parameter(description = "true: still open; false: closed") @RequestParam(required = false) String open,
      @Parameter(description = "e.g. INS-20261124-1") @RequestParam(required = false) String instructionKey,
      @Parameter(description = "INS-…/TT1.2, or TT1.2 with instructionKey") @RequestParam(required = false)
      String taskKey,
      @Parameter(description = "DL, TL, EM or ARCHITECT") @RequestParam(required = false) String level) {
    Boolean wantOpen = parseOpen(open);
    String instruction = blankToNull(instructionKey);
    String task = blankToNull(taskKey);
    if (task != null && task.contains("/")) {
      int slash = task.lastIndexOf('/');
      String qualifiedInstruction = task.substring(0, slash);
      if (qualifiedInstruction.isEmpty() || slash == task.length() - 1) {
        throw new InvalidInputException("taskKey", "Parameter 'taskKey' has the invalid value '" + taskKey
            + "'; use INS-…/TT1.2, or TT1.2 together with instructionKey");
      }
      if (instruction != null && !instruction.equals(qualifiedInstruction)) {
        throw new InvalidInputException("taskKey", "Parameter 'taskKey' names instruction '" + qualifiedInstruction
            + "' but parameter 'instructionKey' is '" + instruction + "'");
      }
      instruction = qualifiedInstruction;
      task = task.substring(slash + 1);
    } else if (task != null && instruction == null) {
      throw new InvalidInputException("taskKey", "Parameter 'taskKey' '" + taskKey + "' is ambiguous without its "
          + "instruction; use INS-…/" + taskKey + " or add parameter 'instructionKey'");
    }
    EscalationLevel wantLevel = level == null || level.isBlank() ? null : EscalationLevel.parse(level.strip())
        .orElseThrow(() -> new InvalidInputException("level", "Parameter 'level' has the invalid value '" + level
            + "'; allowed: " + EscalationLevel.allowed()));
    return escalations.find(wantOpen, instruction, task, wantLevel, MAX_RESULTS);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One escalation record")
  @ApiResponse(responseCode = "200", description = "The record")
  @ApiResponse(responseCode = "404", description = "No escalation with this id")
  EscalationRecord one(@PathVariable long id) {
    return escalations.get(id);
  }

  private static Boolean parseOpen(String open) {
    if (open == null || open.isBlank()) {
      return null;
    }
    return switch (open.strip()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidInputException("open",
          "Parameter 'open' has the invalid value '" + open + "'; allowed: true, false");
    };
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
