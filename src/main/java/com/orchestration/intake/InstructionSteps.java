package com.orchestration.intake;

import com.orchestration.lifecycle.FormInputException;
import com.orchestration.platform.InvalidInputException;
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
}
