package com.orchestration.intake;

import com.orchestration.lifecycle.Complexity;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.organization.Domain;
import com.orchestration.platform.AsSystem;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Create the task" (tier 1, SPEC §4.6): the intake itself becomes one tactical task TT1 in the first domain it
 * names, with the estimate of the form (default 0.5 h), straight to assignment.
 */
@Component
class CreateSingleTaskDelegate implements JavaDelegate {

  private final InstructionService instructions;
  private final PlanService plans;
  private final AsSystem asSystem;

  CreateSingleTaskDelegate(InstructionService instructions, PlanService plans, AsSystem asSystem) {
    this.instructions = instructions;
    this.plans = plans;
    this.asSystem = asSystem;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instruction instruction = instructions.get(InstructionSteps.key(execution));
    Domain domain = Domain.require("affectedDomains", instruction.affectedDomains().isEmpty() ? null
        : instruction.affectedDomains().get(0));
    String description = instruction.description() == null ? instruction.title()
        : instruction.title() + "\n\n" + instruction.description();
    PlanTask task = new PlanTask(TaskKind.TACTICAL, "TT1", domain, instruction.estimateHours(), description,
        List.of(), null, null, Complexity.SIMPLE, null, instruction.scopeFlags().contains("securitySensitive"), false,
        null);
    plans.createTacticalTasks(instruction.key(), List.of(task), asSystem.currentActor(), "tier 1: the instruction "
        + "is the task", false);
    instructions.moveTo(instruction.key(), InstructionState.EXECUTING);
  }
}
