package com.orchestration.intake;

import com.orchestration.lifecycle.Priority;
import com.orchestration.organization.Domain;
import com.orchestration.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Classification without submitting: lets a requester see the tier (and why) before sending an instruction. */
@RestController
@RequestMapping("/api/instructions")
@Tag(name = "Instructions")
class ClassificationController {

  private final TierClassifier classifier;

  ClassificationController(TierClassifier classifier) {
    this.classifier = classifier;
  }

  @PostMapping("/classification")
  @Operation(summary = "Classify an instruction into tier 0..4 (DMN tier-classification)",
      description = "Infers the work type from keywords when absent; returns the tier, the confidence, the work "
          + "type and the DMN rules that fired. Any authenticated user may call it; nothing is stored.")
  @ApiResponse(responseCode = "200", description = "Classified")
  @ApiResponse(responseCode = "400", description = "Invalid input; the problem detail's `field` names the field")
  ClassificationResponse classify(@Valid @RequestBody ClassificationRequest request) {
    return ClassificationResponse.of(classifier.classify(toInput(request)));
  }

  static TierClassifier.Input toInput(ClassificationRequest request) {
    WorkType workType = null;
    if (request.workType() != null) {
      workType = WorkType.fromJson(request.workType()).orElseThrow(() -> new InvalidInputException("workType",
          "Unknown work type '" + request.workType() + "'; allowed: " + String.join(", ", WorkType.jsonNames())));
    }
    if (request.priority() != null && Priority.fromJson(request.priority()).isEmpty()) {
      throw new InvalidInputException("priority",
          "Unknown priority '" + request.priority() + "'; allowed: " + String.join(", ", Priority.jsonNames()));
    }
    Set<String> domains = new LinkedHashSet<>();
    List<String> requestedDomains = request.affectedDomains() == null ? List.of() : request.affectedDomains();
    for (int i = 0; i < requestedDomains.size(); i++) {
      String domain = requestedDomains.get(i);
      Domain.require("affectedDomains[" + i + "]", domain);
      domains.add(domain);
    }
    Set<ScopeFlag> flags = EnumSet.noneOf(ScopeFlag.class);
    List<String> requestedFlags = request.scopeFlags() == null ? List.of() : request.scopeFlags();
    for (int i = 0; i < requestedFlags.size(); i++) {
      String flag = requestedFlags.get(i);
      int index = i;
      flags.add(ScopeFlag.fromJson(flag).orElseThrow(() -> new InvalidInputException("scopeFlags[" + index + "]",
          "Unknown scope flag '" + flag + "'; allowed: " + String.join(", ", ScopeFlag.jsonNames()))));
    }
    return new TierClassifier.Input(request.title(), request.description(), workType, domains, flags);
  }
}
