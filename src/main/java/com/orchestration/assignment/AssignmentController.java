package com.orchestration.assignment;

import com.orchestration.lifecycle.Complexity;
import com.orchestration.lifecycle.Priority;
import com.orchestration.organization.Domain;
import com.orchestration.organization.SkillLevel;
import com.orchestration.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** "Who would get this?" — the assignment ranking for a hypothetical task, for DLs planning a breakdown. */
@RestController
@RequestMapping("/api/assignments")
@Tag(name = "Assignments")
class AssignmentController {

  private final AssignmentService service;

  AssignmentController(AssignmentService service) {
    this.service = service;
  }

  @PostMapping("/preview")
  @Operation(summary = "Preview who would be assigned a task (DMN assignment-scoring)",
      description = "Ranks the ICs of the domain plus ICs lent to it with the five factors of SPEC §8.1 and the "
          + "score, lists the excluded ones with every reason, and names the DMN version and rules used. Any "
          + "authenticated user may call it; nothing is stored or reserved.")
  @ApiResponse(responseCode = "200", description = "Ranked candidates and exclusions")
  @ApiResponse(responseCode = "400", description = "Invalid input; the problem detail's `field` names the field")
  AssignmentPreview preview(@RequestBody PreviewRequest request) {
    return service.preview(toAttributes(request));
  }

  static TaskAttributes toAttributes(PreviewRequest request) {
    Domain domain = Domain.require("domain", required(request.domain(), "domain", Domain.allowed()));
    Complexity complexity = Complexity.fromJson(required(request.complexity(), "complexity",
        String.join(", ", Complexity.jsonNames())))
        .orElseThrow(() -> new InvalidInputException("complexity", "Unknown complexity '" + request.complexity()
            + "'; allowed: " + String.join(", ", Complexity.jsonNames())));
    Priority priority = Priority.fromJson(required(request.priority(), "priority",
        String.join(", ", Priority.jsonNames())))
        .orElseThrow(() -> new InvalidInputException("priority", "Unknown priority '" + request.priority()
            + "'; allowed: " + String.join(", ", Priority.jsonNames())));
    if (request.estimateHours() == null) {
      throw new InvalidInputException("estimateHours", "Estimate in hours is required (more than 0, at most 8)");
    }
    TreeMap<String, SkillLevel> required = new TreeMap<>();
    Map<String, String> requested = request.requiredSkills() == null ? Map.of() : request.requiredSkills();
    requested.forEach((skill, level) -> required.put(skill, SkillLevel.parse(level).orElseThrow(() ->
        new InvalidInputException("requiredSkills." + skill, "Unknown level '" + level + "' for skill '" + skill
            + "'; allowed: " + SkillLevel.allowed()))));
    List<String> nice = request.niceToHaveSkills() == null ? List.of() : request.niceToHaveSkills();
    return new TaskAttributes(domain, required, new TreeSet<>(nice), complexity, priority, request.estimateHours(),
        request.deadline());
  }

  private static String required(String value, String field, String allowed) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "Field '" + field + "' is required; allowed: " + allowed);
    }
    return value;
  }
}
