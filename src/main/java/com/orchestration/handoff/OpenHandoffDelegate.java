package com.orchestration.handoff;

import static com.orchestration.handoff.HandoffVariables.*;
import static com.orchestration.lifecycle.LifecycleVariables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orchestration.lifecycle.ProcessValues;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * "Open handoff": the record (PREPARING) and the checklist of this domain pair from DMN {@code handoff-checklist},
 * as text for reading and as Json options for the form's checklist component.
 */
@Component
class OpenHandoffDelegate implements JavaDelegate {

  private final HandoffService handoffs;
  private final ObjectMapper json;

  OpenHandoffDelegate(HandoffService handoffs, ObjectMapper json) {
    this.handoffs = handoffs;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HandoffRecord record = handoffs.open(ProcessValues.id(execution, WORK_ITEM_ID),
        ProcessValues.text(execution, INSTRUCTION_KEY), ProcessValues.text(execution, TASK_KEY),
        ProcessValues.text(execution, DOMAIN), ProcessValues.text(execution, HANDOFF_TARGET_DOMAINS),
        execution.getProcessInstanceId());
    execution.setVariable(HANDOFF_ID, record.id());
    execution.setVariable(CHECKLIST_TEXT, record.checklist().stream()
        .map(i -> "- " + i.item() + (i.mandatory() ? "" : " (optional)")).collect(Collectors.joining("\n")));
    List<Map<String, String>> options = record.checklist().stream()
        .map(i -> Map.of("label", i.item() + (i.mandatory() ? "" : " (optional)"), "value", i.item())).toList();
    try {
      execution.setVariable(CHECKLIST_OPTIONS, SpinValues.jsonValue(json.writeValueAsString(options)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Checklist options cannot be written as JSON", e);
    }
    execution.setVariable(MISSING, NONE);
    execution.setVariable(QUESTIONS, NONE);
  }
}
