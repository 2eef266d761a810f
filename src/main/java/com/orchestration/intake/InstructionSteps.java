package com.orchestration.intake;

import com.orchestration.lifecycle.FormInputException;
import com.orchestration.platform.InvalidInputException;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Small shared reads of the instruction processes' steps. */
final class InstructionSteps {

  private InstructionSteps() {}

  static String key(VariableScope scope) {
    Object key = scope.getVariable(InstructionVariables.INSTRUCTION_KEY);
    if (key == null) {
      throw new IllegalStateException("Process variable 'instructionKey' is missing");
    }
    return key.toString();
  }

  static int tier(VariableScope scope) {
    Object tier = scope.getVariable(InstructionVariables.TIER);
    return tier instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(tier));
  }

  /** Runs a validation; its error shows in Tasklist with the field named, and is a 400 through our API. */
  static <T> T asForm(Supplier<T> work) {
    try {
      return work.get();
    } catch (FormInputException e) {
      throw e;
    } catch (InvalidInputException e) {
      throw new FormInputException(e.field(), e.getMessage());
    }
  }

  /**
   * As {@link #asForm(Supplier)} for a plan read from the form field {@code formField}: the parser and the validator
   * name the list they know ({@code tacticalTasks line 2}, {@code tacticalTasks[0].dependencies}, {@code tasks});
   * the error names the field the person typed it in ({@code remediationTasks line 2}).
   */
  static <T> T asPlanForm(String formField, Supplier<T> work) {
    try {
      return work.get();
    } catch (FormInputException e) {
      throw e;
    } catch (InvalidInputException e) {
      String field = e.field() == null ? formField : e.field();
      for (String list : List.of("tasks", InstructionVariables.TACTICAL_TASKS, InstructionVariables.STRATEGIC_TASKS)) {
        if (field.equals(list) || field.startsWith(list + " ") || field.startsWith(list + "[")) {
          field = formField + field.substring(list.length());
          break;
        }
      }
      throw new FormInputException(field, e.getMessage());
    }
  }
}
