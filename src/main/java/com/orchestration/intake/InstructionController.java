package com.orchestration.intake;

import static com.orchestration.intake.InstructionVariables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.organization.OrganizationGroups;
import com.orchestration.platform.ConflictException;
import com.orchestration.platform.ForbiddenException;
import com.orchestration.platform.InvalidInputException;
import com.orchestration.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Instructions (SPEC §4, §12): submit one, list and read them with their tasks, progress and the reasons behind
 * every decision, submit the tech lead's plan or a domain lead's breakdown (each completes the waiting Camunda user
 * task as the caller, so the same task listeners validate as for the Tasklist form), and cancel one.
 */
@RestController
@RequestMapping("/api/instructions")
@Tag(name = "Instructions")
class InstructionController {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;
  static final String WRITE_STRATEGIC_PLAN = "Task_WriteStrategicPlan";
  static final String WRITE_TACTICAL_PLAN = "Task_WriteTacticalPlan";
  static final String BREAK_DOWN_STRATEGIC_TASK = "Task_BreakDownStrategicTask";

  private final IntakeService intake;
  private final InstructionService instructions;
  private final PlanService plans;
  private final WorkItemService workItems;
  private final TaskService tasks;
  private final IdentityService identity;
  private final ObjectMapper json;

  InstructionController(IntakeService intake, InstructionService instructions, PlanService plans,
      WorkItemService workItems, TaskService tasks, IdentityService identity, ObjectMapper json) {
    this.intake = intake;
    this.instructions = instructions;
    this.plans = plans;
    this.workItems = workItems;
    this.tasks = tasks;
    this.identity = identity;
    this.json = json;
  }

  @Schema(description = "The six risk scores of a strategic plan, each a whole number 1–10 (SPEC §4.4)")
  record RiskScoresRequest(Integer technicalComplexity, Integer scopeAmbiguity, Integer externalDependencies,
      Integer securitySensitivity, Integer performanceImpact, Integer dataIntegrity) {

    List<Integer> values() {
      return Arrays.asList(technicalComplexity, scopeAmbiguity, externalDependencies, securitySensitivity,
          performanceImpact, dataIntegrity);
    }
  }

  @Schema(description = "A strategic plan (tier 3–4: objective, strategicTasks, riskScores, coreArchitecture) or a "
      + "tactical plan (tier 2: tacticalTasks); either may instead change the tier with tierOverride and its reason")
  record PlanRequest(
      @Schema(description = "Strategic plan only: what the instruction achieves, at most 4000 characters")
      String objective,
      @Schema(description = "Strategic plan only: 1 or more strategic tasks ST<n>") List<PlanTaskJson> strategicTasks,
      @Schema(description = "Strategic plan only") RiskScoresRequest riskScores,
      @Schema(description = "Strategic plan only: the plan touches the core architecture") Boolean coreArchitecture,
      @Schema(description = "Tactical plan (tier 2) only: 3–8 tactical tasks TT<n>") List<PlanTaskJson> tacticalTasks,
      @Schema(description = "Optional: the tier 0..4 the instruction should have instead") Integer tierOverride,
      @Schema(description = "Why the tier changes; required with a tierOverride that changes the tier")
      String tierOverrideReason) {}

  @Schema(description = "A domain lead's breakdown of one strategic task into tactical tasks TT<st>.<n>")
  record BreakdownRequest(List<PlanTaskJson> tacticalTasks) {}

  @Schema(description = "Why the instruction is cancelled (required, at most 1000 characters)")
  record CancelInstructionRequest(String reason) {}

  @PostMapping
  @Operation(summary = "Submit an instruction: classify it, give it its key and start process `instruction`",
      description = "Any authenticated user; the caller is recorded as the submitter. The process runs to its "
          + "first wait state in the same request (admission, then the flow of the tier).")
  @ApiResponse(responseCode = "201", description = "Created; Location names the instruction; body as GET {key}")
  @ApiResponse(responseCode = "400", description = "Invalid input; the problem detail's `field` names the field")
  ResponseEntity<InstructionView> submit(@RequestBody IntakeRequest request) {
    Instruction instruction = intake.submit(request, caller().getUserId());
    return ResponseEntity.created(URI.create("/api/instructions/" + instruction.key()))
        .body(view(instruction.key()));
  }

  @GetMapping
  @Operation(summary = "List instructions, newest first",
      description = "Filters combine. Any authenticated user.")
  @ApiResponse(responseCode = "200", description = "The instructions")
  @ApiResponse(responseCode = "400", description = "A filter has a value that is not allowed; the problem names it")
  List<InstructionSummary> list(
      @Parameter(description = "RECEIVED, QUEUED, ARBITRATION, PLANNING, RISK_REVIEW, EXECUTING, VALIDATION, "
          + "GO_NO_GO, COMPLETED, CANCELLED, REJECTED (any case)") @RequestParam(required = false) String state,
      @Parameter(description = "0..4") @RequestParam(required = false) String tier,
      @Parameter(description = "critical, high, normal, low") @RequestParam(required = false) String priority,
      @Parameter(description = "1..500, default 50") @RequestParam(required = false) String limit) {
    return instructions.searchWithProgress(parseState(state), parseTier(tier), parsePriority(priority),
            parseLimit(limit)).stream()
        .map(e -> InstructionSummary.of(e.getKey(), e.getValue()))
        .toList();
  }

  @GetMapping("/{key}")
  @Operation(summary = "One instruction: tier and why, tasks, progress, the plan under review, every decision",
      description = "Any authenticated user. `decisions` holds every recorded decision with its reason; "
          + "`gateResults`, `goNoGoDecisions` and `riskDecisions` are the same rows filtered by kind.")
  @ApiResponse(responseCode = "200", description = "The instruction")
  @ApiResponse(responseCode = "404", description = "No instruction with this key")
  InstructionView one(@Parameter(description = "e.g. INS-20261124-001") @PathVariable String key) {
    return view(key);
  }

  @PostMapping("/{key}/plan")
  @Operation(summary = "Submit the tech lead's plan: strategic (tier 3–4) or tactical (tier 2)",
      description = "Members of tech-leads only. Completes the instruction's open user task Write strategic plan "
          + "or Write tactical plan as the caller; the plan is validated exactly as the Tasklist form is "
          + "(docs/plans.md). A strategic plan goes on to architecture and risk review; a tactical plan's tasks are "
          + "created and started at once. A tierOverride that changes the tier re-routes the instruction instead.")
  @ApiResponse(responseCode = "200", description = "Plan taken; the instruction as GET {key}")
  @ApiResponse(responseCode = "400", description = "The plan is invalid (e.g. a dependency cycle); `field` names it")
  @ApiResponse(responseCode = "403", description = "The caller is not a tech lead")
  @ApiResponse(responseCode = "404", description = "No instruction with this key")
  @ApiResponse(responseCode = "409", description = "The instruction is not waiting for a plan")
  InstructionView plan(@PathVariable String key, @RequestBody PlanRequest request) {
    Instruction instruction = instructions.get(key);
    Authentication caller = caller();
    if (!groups(caller).contains(OrganizationGroups.TECH_LEADS)) {
      throw new ForbiddenException("Only a tech lead (group " + OrganizationGroups.TECH_LEADS + ") may submit the "
          + "plan of an instruction; " + caller.getUserId() + " is not one");
    }
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKeyIn(WRITE_STRATEGIC_PLAN, WRITE_TACTICAL_PLAN).list().stream().findFirst()
        .orElseThrow(() -> new ConflictException("Instruction " + key + " is not waiting for a plan; its state is "
            + instruction.state()));
    boolean strategic = WRITE_STRATEGIC_PLAN.equals(task.getTaskDefinitionKey());
    boolean tierChanges = request.tierOverride() != null && request.tierOverride() != instruction.tier();
    Map<String, Object> variables = new HashMap<>();
    if (request.tierOverride() != null) {
      variables.put(TIER_OVERRIDE, String.valueOf(request.tierOverride()));
    }
    if (request.tierOverrideReason() != null) {
      variables.put(TIER_OVERRIDE_REASON, request.tierOverrideReason());
    }
    if (strategic) {
      refuse(request.tacticalTasks() != null, "tacticalTasks", "Instruction " + key + " (tier " + instruction.tier()
          + ") waits for a strategic plan: send strategicTasks, not tacticalTasks");
      if (!tierChanges) {
        requireTasks(request.strategicTasks(), "strategicTasks");
        List<Integer> scores = riskScores(request.riskScores());
        for (int i = 0; i < scores.size(); i++) {
          variables.put(RiskScores.CATEGORIES.get(i), scores.get(i));
        }
        variables.put(OBJECTIVE, request.objective());
        variables.put(CORE_ARCHITECTURE, Boolean.TRUE.equals(request.coreArchitecture()));
        variables.put(STRATEGIC_TASKS_JSON, write(request.strategicTasks()));
      }
    } else {
      String strategicOnly = request.strategicTasks() != null ? "strategicTasks"
          : request.objective() != null ? "objective" : request.riskScores() != null ? "riskScores"
          : request.coreArchitecture() != null ? "coreArchitecture" : null;
      refuse(strategicOnly != null, strategicOnly, "Instruction " + key + " (tier " + instruction.tier()
          + ") waits for a tactical plan: send tacticalTasks; " + strategicOnly + " belongs to a strategic plan");
      if (!tierChanges) {
        requireTasks(request.tacticalTasks(), "tacticalTasks");
        variables.put(TACTICAL_TASKS_JSON, write(request.tacticalTasks()));
      }
    }
    completeAsCaller(caller, task, variables);
    return view(key);
  }

  @PostMapping("/{key}/strategic-tasks/{st}/breakdown")
  @Operation(summary = "Submit a domain lead's breakdown of a strategic task into tactical tasks",
      description = "Members of leads-<domain of the strategic task> only. Completes the strategic task's open user "
          + "task Break down strategic task as the caller; validated as the Tasklist form is (3–10 tasks "
          + "TT<st>.<n>, docs/plans.md), then the tech lead reviews it.")
  @ApiResponse(responseCode = "200", description = "Breakdown taken; the instruction as GET {key}")
  @ApiResponse(responseCode = "400", description = "The breakdown is invalid; `field` names the field")
  @ApiResponse(responseCode = "403", description = "The caller is not the lead of the strategic task's domain")
  @ApiResponse(responseCode = "404", description = "No such instruction or strategic task")
  @ApiResponse(responseCode = "409", description = "The strategic task is not waiting for a breakdown")
  InstructionView breakdown(@PathVariable String key,
      @Parameter(description = "Strategic task key, e.g. ST2") @PathVariable String st,
      @RequestBody BreakdownRequest request) {
    instructions.get(key);
    WorkItem strategicTask = workItems.ofInstruction(key).stream()
        .filter(i -> i.kind() == TaskKind.STRATEGIC && i.taskKey().equals(st)).findFirst()
        .orElseThrow(() -> new NotFoundException("strategic task", key + "/" + st));
    Authentication caller = caller();
    String leads = OrganizationGroups.leads(strategicTask.domain());
    if (!groups(caller).contains(leads)) {
      throw new ForbiddenException("Only a lead of the " + strategicTask.domain().value() + " domain (group " + leads
          + ") may break down " + st + "; " + caller.getUserId() + " is not one");
    }
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(BREAK_DOWN_STRATEGIC_TASK)
        .processVariableValueEquals(STRATEGIC_TASK_KEY, st).list().stream().findFirst()
        .orElseThrow(() -> new ConflictException("Strategic task " + st + " of instruction " + key + " is not "
            + "waiting for a breakdown; its state is " + strategicTask.state()));
    requireTasks(request.tacticalTasks(), "tacticalTasks");
    completeAsCaller(caller, task, Map.of(TACTICAL_TASKS_JSON, write(request.tacticalTasks())));
    return view(key);
  }

  @PostMapping("/{key}/cancel")
  @Operation(summary = "Cancel an instruction (tech lead or engineering manager, with a reason)",
      description = "Every open task becomes CANCELLED (their lifecycles, reviews and escalations end, capacity is "
          + "released), called strategic-task processes end, the instruction becomes CANCELLED and the reason is "
          + "recorded as decision `cancellation`.")
  @ApiResponse(responseCode = "200", description = "Cancelled; the instruction as GET {key}")
  @ApiResponse(responseCode = "400", description = "No reason, or one longer than 1000 characters")
  @ApiResponse(responseCode = "403", description = "The caller is neither a tech lead nor an engineering manager")
  @ApiResponse(responseCode = "404", description = "No instruction with this key")
  @ApiResponse(responseCode = "409", description = "The instruction has already ended")
  InstructionView cancel(@PathVariable String key, @RequestBody(required = false) CancelInstructionRequest request) {
    Authentication caller = caller();
    instructions.requestCancel(key, caller.getUserId(), groups(caller), request == null ? null : request.reason());
    return view(key);
  }

  private InstructionView view(String key) {
    Instruction instruction = instructions.get(key);
    List<PlanTask> pending = null;
    if (instruction.state() == InstructionState.PLANNING || instruction.state() == InstructionState.RISK_REVIEW) {
      try {
        pending = plans.strategicPlan(key);
      } catch (ConflictException none) {
        pending = null;
      }
    }
    return InstructionView.of(instruction, workItems.ofInstruction(key), instructions.decisions(key), pending);
  }

  /**
   * Completes a user task as the caller with the caller's groups, as Tasklist would: Camunda's authorization
   * checks and the task listeners (which record the actor) see the caller. The caller's authentication of this
   * request is restored afterwards. A listener's refusal arrives wrapped in the engine's ProcessEngineException;
   * it is unwrapped here so it becomes the problem detail it was meant to be (400 with the field, 403, 404, 409),
   * and Camunda's own refusals (authorization, a concurrent change) become 403 and 409 instead of 500.
   */
  private void completeAsCaller(Authentication caller, Task task, Map<String, Object> variables) {
    Authentication before = identity.getCurrentAuthentication();
    identity.setAuthentication(caller.getUserId(), groups(caller), caller.getTenantIds());
    try {
      tasks.complete(task.getId(), variables);
    } catch (ProcessEngineException e) {
      throw unwrap(e);
    } finally {
      if (before != null) {
        identity.setAuthentication(before);
      } else {
        identity.clearAuthentication();
      }
    }
  }

  static RuntimeException unwrap(ProcessEngineException e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InvalidInputException || t instanceof ForbiddenException || t instanceof ConflictException
          || t instanceof NotFoundException) {
        return (RuntimeException) t;
      }
      if (t instanceof AuthorizationException a) {
        return new ForbiddenException("Camunda refused: " + a.getMessage());
      }
      if (t instanceof OptimisticLockingException) {
        return new ConflictException("The instruction changed at the same time; read it again and retry");
      }
    }
    return e;
  }

  private Authentication caller() {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new ForbiddenException("No authenticated user on this request");
    }
    return authentication;
  }

  private static List<String> groups(Authentication caller) {
    return caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
  }

  /**
   * The plan as the JSON string the task listener reads ({@link PlanInputs}), as a <em>transient</em> variable: the
   * listener reads it within this completion, nothing keeps it afterwards (no leftover for a later planning round)
   * and a long plan is not limited by the 4000 characters a stored string variable (and its history) may have.
   */
  private TypedValue write(List<PlanTaskJson> list) {
    try {
      return Variables.stringValue(json.writeValueAsString(list), true);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the plan as JSON", e);
    }
  }

  private static void requireTasks(List<PlanTaskJson> list, String field) {
    if (list == null || list.isEmpty()) {
      throw new InvalidInputException(field, "The plan has no tasks; send at least one task in '" + field + "'");
    }
  }

  private static void refuse(boolean condition, String field, String message) {
    if (condition) {
      throw new InvalidInputException(field, message);
    }
  }

  /** The six scores in {@link RiskScores#CATEGORIES} order, each present and 1–10. */
  private static List<Integer> riskScores(RiskScoresRequest request) {
    List<String> names = List.of("technicalComplexity", "scopeAmbiguity", "externalDependencies",
        "securitySensitivity", "performanceImpact", "dataIntegrity");
    if (request == null) {
      throw new InvalidInputException("riskScores", "A strategic plan needs its six risk scores (1–10): "
          + String.join(", ", names));
    }
    List<Integer> values = request.values();
    for (int i = 0; i < values.size(); i++) {
      Integer score = values.get(i);
      if (score == null || score < 1 || score > 10) {
        throw new InvalidInputException("riskScores." + names.get(i), "Risk score '" + RiskScores.LABELS.get(i)
            + "' must be a whole number 1–10, " + (score == null ? "none" : score) + " given");
      }
    }
    return values;
  }

  private static InstructionState parseState(String state) {
    if (state == null || state.isBlank()) {
      return null;
    }
    String name = state.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(InstructionState.values()).filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new InvalidInputException("state", "Parameter 'state' has the invalid value '" + state
            + "'; allowed: " + Arrays.stream(InstructionState.values()).map(Enum::name)
            .collect(Collectors.joining(", "))));
  }

  private static Integer parseTier(String tier) {
    if (tier == null || tier.isBlank()) {
      return null;
    }
    try {
      int value = Integer.parseInt(tier.strip());
      if (value >= 0 && value <= 4) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidInputException("tier", "Parameter 'tier' has the invalid value '" + tier
        + "'; allowed: 0, 1, 2, 3, 4");
  }

  private static Priority parsePriority(String priority) {
    if (priority == null || priority.isBlank()) {
      return null;
    }
    return Priority.fromJson(priority.strip().toLowerCase(Locale.ROOT)).orElseThrow(() -> new InvalidInputException(
        "priority", "Parameter 'priority' has the invalid value '" + priority + "'; allowed: "
            + String.join(", ", Priority.jsonNames())));
  }

  private static int parseLimit(String limit) {
    if (limit == null || limit.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int value = Integer.parseInt(limit.strip());
      if (value >= 1 && value <= MAX_LIMIT) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidInputException("limit", "Parameter 'limit' has the invalid value '" + limit
        + "'; allowed: 1–" + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")");
  }
}
