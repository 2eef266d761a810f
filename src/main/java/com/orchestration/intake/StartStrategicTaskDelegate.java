package com.orchestration.intake;

import static com.orchestration.intake.InstructionVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.organization.OrganizationGroups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of {@code strategic-task}: links the process to its ST and loads what its forms show — the domain
 * lead group that breaks it down, its text, and whether the EM named it as a checkpoint.
 */
@Component
class StartStrategicTaskDelegate implements JavaDelegate {

  private final WorkItemService workItems;
  private final InstructionService instructions;

  StartStrategicTaskDelegate(WorkItemService workItems, InstructionService instructions) {
    this.workItems = workItems;
    this.instructions = instructions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = InstructionSteps.key(execution);
    String stKey = ProcessValues.text(execution, STRATEGIC_TASK_KEY);
    WorkItem st = workItems.get(key, stKey);
    workItems.linkProcessInstance(st.id(), execution.getProcessInstanceId());
    Instruction instruction = instructions.get(key);
    execution.setVariable(WORK_ITEM_ID, st.id());
    execution.setVariable(TASK_KEY, st.taskKey());
    execution.setVariable(DOMAIN, st.domain().value());
    execution.setVariable(DOMAIN_LEAD_GROUP, OrganizationGroups.leads(st.domain()));
    execution.setVariable(ST_TITLE, st.title());
    execution.setVariable(ST_DESCRIPTION, st.description() == null ? "—" : st.description());
    execution.setVariable(ST_ACCEPTANCE_CRITERIA, st.acceptanceCriteria() == null ? "—" : st.acceptanceCriteria());
    execution.setVariable(SECURITY_SENSITIVE, st.securitySensitive());
    execution.setVariable(CHECKPOINT, instruction.checkpoints().contains(stKey));
    execution.setVariable(OBJECTIVE, instruction.objective() == null ? "—" : instruction.objective());
    execution.setVariable(PLAN_FEEDBACK, "");
    execution.setVariable("summary", st.title());
  }
}
