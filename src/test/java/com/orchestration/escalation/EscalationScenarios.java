package com.orchestration.escalation;

import static com.orchestration.escalation.EscalationVariables.*;

import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemDrafts;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.organization.Domain;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Escalations as the task lifecycle starts them, on real work items of the demo organisation: a backend task
 * (DL bruno, ICs alice/bob/…), personas as in organization.yaml.
 */
final class EscalationScenarios {

  static final String EM = "erin";
  static final String TL = "tom";
  static final String ARCHITECT = "arjun";
  static final String BACKEND_DL = "bruno";
  static final String BACKEND_IC = "alice";
  static final String FRONTEND_IC = "lena";
  static final String PASSWORD = "demo";

  static final List<String> BACKEND_DL_GROUPS = List.of("leads-backend", "domain-leads", "all-engineering");
  static final List<String> TL_GROUPS = List.of("tech-leads", "planners", "all-engineering");
  static final List<String> EM_GROUPS = List.of("engineering-managers", "all-engineering");

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final WorkItemService workItems;

  EscalationScenarios(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
      WorkItemService workItems) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.workItems = workItems;
  }

  /** A blocked backend task's escalation variables, as task-lifecycle passes them; adjust before starting. */
  Map<String, Object> blockedBackendTask(String reasonType, String detail) {
    String instructionKey = WorkItemDrafts.newInstructionKey();
    WorkItem item = workItems.create(WorkItemDrafts.tactical(instructionKey, "TT1.2", Domain.BACKEND, 6),
        BACKEND_DL, "plan accepted");
    Map<String, Object> vars = new HashMap<>();
    vars.put(WORK_ITEM_ID, item.id());
    vars.put(INSTRUCTION_KEY, instructionKey);
    vars.put(TASK_KEY, item.taskKey());
    vars.put(DOMAIN, "backend");
    vars.put(TIER, 2);
    vars.put(REASON_TYPE, reasonType);
    vars.put(REASON_DETAIL, detail);
    vars.put(CROSS_DOMAIN, false);
    vars.put(ARCHITECTURAL, false);
    vars.put(CRITICAL_PATH_AT_RISK, false);
    vars.put(SLA_STATE, null);
    vars.put(START_LEVEL, null);
    return vars;
  }

  ProcessInstance start(Map<String, Object> vars) {
    return runtimeService.startProcessInstanceByKey("escalation", (String) vars.get(INSTRUCTION_KEY), vars);
  }

  ProcessInstance start(String reasonType, String detail) {
    return start(blockedBackendTask(reasonType, detail));
  }

  Task resolverTask(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  void decide(ProcessInstance pi, String resolution, String guidance, String newAssignee) {
    Map<String, Object> form = new HashMap<>();
    form.put(RESOLUTION, resolution);
    form.put(FORM_GUIDANCE, guidance);
    form.put(FORM_NEW_ASSIGNEE, newAssignee);
    taskService.complete(resolverTask(pi).getId(), form);
  }

  /**
   * Runs this escalation's timers that are due at the engine clock, oldest first, as the job executor would;
   * returns how many. Only this instance's: other tests' instances share the engine.
   */
  int fireDueTimers(ProcessInstance pi) {
    int fired = 0;
    for (int guard = 0; guard < 50; guard++) {
      List<Job> due = managementService.createJobQuery().processInstanceId(pi.getId()).timers()
          .executable().orderByJobDuedate().asc().list();
      if (due.isEmpty()) {
        return fired;
      }
      managementService.executeJob(due.get(0).getId());
      fired++;
    }
    throw new IllegalStateException("timers keep firing: a loop without progress");
  }
}
