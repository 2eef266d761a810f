package com.orchestration.lifecycle;

import com.orchestration.platform.ForbiddenException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tasks (SPEC §12): detail with transition log, heartbeats and SLA events; heartbeats of the assignee (§5.2). */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks", description = "Task detail, transition log, heartbeats and SLA events")
class TaskController {

  private final WorkItemService workItems;
  private final HeartbeatService heartbeats;
  private final SlaService sla;
  private final ObjectProvider<TaskView.Section> sections;
  private final ProcessEngine engine;

  TaskController(WorkItemService workItems, HeartbeatService heartbeats, SlaService sla,
      ObjectProvider<TaskView.Section> sections, ProcessEngine engine) {
    this.workItems = workItems;
    this.heartbeats = heartbeats;
    this.sla = sla;
    this.sections = sections;
    this.engine = engine;
  }

  @GetMapping("/{instructionKey}/{taskKey}")
  @Operation(summary = "One task: every field, the transition log, heartbeats (newest first) and SLA events",
      description = "Other capabilities add named sections (escalations, reviews, handoffs) under `sections`.")
  @ApiResponse(responseCode = "200", description = "The task")
  @ApiResponse(responseCode = "404", description = "No such instruction or task")
  TaskView task(
      @Parameter(description = "Instruction key, e.g. INS-20261124-001") @PathVariable String instructionKey,
      @Parameter(description = "Task key, e.g. TT1.2") @PathVariable String taskKey) {
    WorkItem item = workItems.get(instructionKey, taskKey);
    Map<String, Object> extra = new LinkedHashMap<>();
    sections.orderedStream().forEach(s -> extra.put(s.name(), s.of(item)));
    return new TaskView(item, item.remaining(), workItems.transitions(item.id()), heartbeats.of(item.id()),
        sla.eventsOf(item.id()), extra);
  }

  @PostMapping("/{instructionKey}/{taskKey}/heartbeat")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Send a heartbeat: progress %, hours spent so far, remaining hours, note",
      description = "Only the task's assignee, only while the task is IN_PROGRESS or BLOCKED. Sets the task's hours "
          + "spent and remaining hours in the same transaction. Send one at least every 4 h while working.")
  @ApiResponse(responseCode = "201", description = "The stored heartbeat")
  @ApiResponse(responseCode = "400", description = "A field is missing or out of range; the problem names it")
  @ApiResponse(responseCode = "403", description = "The caller is not the task's assignee")
  @ApiResponse(responseCode = "404", description = "No such instruction or task")
  @ApiResponse(responseCode = "409", description = "The task is not IN_PROGRESS or BLOCKED")
  Heartbeat heartbeat(@PathVariable String instructionKey, @PathVariable String taskKey,
      @RequestBody HeartbeatRequest request) {
    return heartbeats.record(instructionKey, taskKey, request, currentUser());
  }

  private String currentUser() {
    Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new ForbiddenException("No authenticated user on this request");
    }
    return authentication.getUserId();
  }
}
