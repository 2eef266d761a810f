package com.orchestration.lifecycle;

import com.orchestration.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Commands people send to a running task lifecycle: cancel (TL/EM) and reassign (DL of the domain, TL, EM). */
@RestController
@RequestMapping("/api/tasks/{instructionKey}/{taskKey}")
@Tag(name = "Tasks")
class TaskCommandController {

  private final LifecycleService lifecycle;
  private final IdentityService identity;

  TaskCommandController(LifecycleService lifecycle, IdentityService identity) {
    this.lifecycle = lifecycle;
    this.identity = identity;
  }

  record CancelRequest(@NotBlank @Size(max = 1000) String reason) {}

  record ReassignRequest(@Size(max = 64) String assignee, @NotBlank @Size(max = 1000) String reason) {}

  record CommandResult(String instructionKey, String taskKey, TaskState state, String assignee) {
    static CommandResult of(WorkItem item) {
      return new CommandResult(item.instructionKey(), item.taskKey(), item.state(), item.assignee());
    }
  }

  @PostMapping("/cancel")
  @Operation(summary = "Cancel a task (tech lead or engineering manager, with a reason)",
      description = "Any open state → CANCELLED; timers, user tasks, external tasks and escalations of the task end; "
          + "its capacity is released.")
  CommandResult cancel(@PathVariable String instructionKey, @PathVariable String taskKey,
      @jakarta.validation.Valid @RequestBody(required = false) CancelRequest request) {
    Authentication caller = identity.getCurrentAuthentication();
    return CommandResult.of(lifecycle.requestCancel(instructionKey, taskKey, caller.getUserId(),
        groups(caller), request == null ? null : request.reason()));
  }

  @PostMapping("/reassign")
  @Operation(summary = "Move an ASSIGNED task to another IC (domain lead, tech lead, engineering manager)",
      description = "assignee names the IC (must be eligible), or is omitted to let assignment choose the best "
          + "other eligible IC. The capacity moves with the task.")
  CommandResult reassign(@PathVariable String instructionKey, @PathVariable String taskKey,
      @jakarta.validation.Valid @RequestBody(required = false) ReassignRequest request) {
    if (request == null) {
      throw new InvalidInputException("reason", "A body with 'reason' (and optionally 'assignee') is required");
    }
    Authentication caller = identity.getCurrentAuthentication();
    return CommandResult.of(lifecycle.requestReassign(instructionKey, taskKey, request.assignee(),
        caller.getUserId(), groups(caller), request.reason()));
  }

  private static List<String> groups(Authentication caller) {
    return caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
  }
}
