package com.orchestration.intake;

import static com.orchestration.intake.InstructionVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Plan strategic gates": DMN required-gates at level {@code strategic} (SPEC §7: gate 3 always, gate 4 if flagged). */
@Component
class PlanStrategicGatesDelegate implements JavaDelegate {

  private final PlanReviews reviews;
  private final WorkItemService workItems;

  PlanStrategicGatesDelegate(PlanReviews reviews, WorkItemService workItems) {
    this.reviews = reviews;
    this.workItems = workItems;
  }

  @Override
  public void execute(DelegateExecution execution) {
    WorkItem st = workItems.get(ProcessValues.id(execution, WORK_ITEM_ID));
    PlanReviews.Gates gates = reviews.forStrategicTask(InstructionSteps.tier(execution), st.securitySensitive(),
        st.architectural());
    execution.setVariable(CROSS_FUNCTIONAL_REQUIRED, PlanReviews.crossFunctional(gates));
    execution.setVariable(ARCHITECTURE_REVIEW_REQUIRED, PlanReviews.architecture(gates));
    execution.setVariable(ARCHITECTURE_SUBJECT, st.taskKey());
    execution.setVariable(ARCHITECTURE_CONTEXT, st.title() + (st.description() == null ? "" : "\n" + st.description()));
    execution.setVariable(ARCHITECTURE_REASON, gates.reason());
  }
}
