package com.orchestration.intake;

import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.platform.AsSystem;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Answer question" (tier 0, TL group): the answer is stored on the instruction. */
@Component
class AnswerQuestionTaskListener implements TaskListener {

  private final InstructionService instructions;
  private final AsSystem asSystem;

  AnswerQuestionTaskListener(InstructionService instructions, AsSystem asSystem) {
    this.instructions = instructions;
    this.asSystem = asSystem;
  }

  @Override
  public void notify(DelegateTask task) {
    String answer = ProcessValues.requiredText(task, InstructionVariables.ANSWER, "The answer", 4000);
    instructions.recordAnswer(InstructionSteps.key(task), answer, asSystem.currentActor());
  }
}
