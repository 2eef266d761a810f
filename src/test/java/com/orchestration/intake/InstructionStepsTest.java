package com.orchestration.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orchestration.lifecycle.FormInputException;
import com.orchestration.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** A plan typed into a form is refused naming that form's field, whatever list the parser or validator knows. */
class InstructionStepsTest {

  static void refusedAs(String parserField, String expected) {
    assertThatThrownBy(() -> InstructionSteps.asPlanForm("remediationTasks", () -> {
      throw new InvalidInputException(parserField, "wrong");
    })).isInstanceOfSatisfying(FormInputException.class, e -> assertThat(e.field()).isEqualTo(expected));
  }

  @Test
  void aRemediationPlanIsRefusedNamingRemediationTasks() {
    refusedAs("tacticalTasks line 2", "remediationTasks line 2");
    refusedAs("tacticalTasks[0].dependencies", "remediationTasks[0].dependencies");
    refusedAs("tasks", "remediationTasks");
  }

  @Test
  void otherFieldsKeepTheirName() {
    refusedAs("tier", "tier");
    refusedAs("tacticalTasksJson", "tacticalTasksJson");
  }
}
