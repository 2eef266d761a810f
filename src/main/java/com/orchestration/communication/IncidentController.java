package com.orchestration.communication;

import com.orchestration.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Incidents (SPEC §9.5, §12): the EM declares and resolves; everyone reads. */
@RestController
@RequestMapping("/api/incidents")
@Tag(name = "Incidents", description = "Declare an incident (suspends every open tier 2-4 instruction), resolve it "
    + "(resumes them); engineering manager only")
class IncidentController {

  static final int MAX_RESULTS = 200;

  private final IncidentService incidents;
  private final IdentityService identity;

  IncidentController(IncidentService incidents, IdentityService identity) {
    this.incidents = incidents;
    this.identity = identity;
  }

  record ResolveRequest(String resolutionNote) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Declare an incident (engineering manager)",
      description = "Body: title (at most 150 characters), description, severity (sev1, sev2, sev3), affectedDomains "
          + "(optional). Starts the incident process: every open instruction of tier 2 and above is suspended "
          + "(Camunda suspension, visible in Cockpit) and channel 'all' gets a critical 'incident' announcement. "
          + "Several incidents may be open at once.")
  @ApiResponse(responseCode = "201", description = "The incident, with the instructions it suspended")
  @ApiResponse(responseCode = "400", description = "A field is missing or wrong; the problem names it")
  @ApiResponse(responseCode = "403", description = "The caller is not the engineering manager")
  Incident declare(@RequestBody(required = false) Incident.Declaration body) {
    Authentication caller = identity.getCurrentAuthentication();
    return incidents.declare(body, caller.getUserId(), groups(caller));
  }

  @PostMapping("/{id}/resolve")
  @Operation(summary = "Resolve an open incident (engineering manager)",
      description = "Body: resolutionNote (what happened, what was done). Completes the incident's 'Resolve incident' "
          + "task: the instances this incident suspended are resumed, except those another open incident still "
          + "holds; channel 'all' is told.")
  @ApiResponse(responseCode = "200", description = "The resolved incident")
  @ApiResponse(responseCode = "400", description = "The resolution note is missing or too long")
  @ApiResponse(responseCode = "403", description = "The caller is not the engineering manager")
  @ApiResponse(responseCode = "404", description = "No incident with this id")
  @ApiResponse(responseCode = "409", description = "The incident is already resolved")
  Incident resolve(@PathVariable long id, @RequestBody(required = false) ResolveRequest body) {
    Authentication caller = identity.getCurrentAuthentication();
    return incidents.resolve(id, body == null ? null : body.resolutionNote(), caller.getUserId(), groups(caller));
  }

  @GetMapping
  @Operation(summary = "List incidents, newest first (at most 200)")
  @ApiResponse(responseCode = "200", description = "The incidents")
  @ApiResponse(responseCode = "400", description = "The state filter has a value that is not allowed")
  List<Incident> list(@Parameter(description = "open or resolved; empty for both")
      @RequestParam(required = false) String state) {
    IncidentState wanted = null;
    if (state != null && !state.isBlank()) {
      wanted = switch (state.strip()) {
        case "open" -> IncidentState.OPEN;
        case "resolved" -> IncidentState.RESOLVED;
        default -> throw new InvalidInputException("state", "Parameter 'state' has the invalid value '" + state
            + "'; allowed: open, resolved");
      };
    }
    return incidents.search(wanted, MAX_RESULTS);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One incident")
  @ApiResponse(responseCode = "200", description = "The incident")
  @ApiResponse(responseCode = "404", description = "No incident with this id")
  Incident one(@PathVariable long id) {
    return incidents.get(id);
  }

  @GetMapping("/{id}/suspensions")
  @Operation(summary = "The process instances an incident holds or held, and what became of each on resolve")
  @ApiResponse(responseCode = "200", description = "One row per process instance")
  @ApiResponse(responseCode = "404", description = "No incident with this id")
  List<Incident.Suspension> suspensions(@PathVariable long id) {
    return incidents.suspensions(id);
  }

  private static List<String> groups(Authentication caller) {
    return caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
  }
}
