package com.orchestration.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * A completion that loses a race with a change that ended the task's execution (a reassignment or cancellation of
 * the same task committing at that moment) is a 409, not a misleading 400.
 *
 * <p>Camunda's complete reads the task before that commit and its execution after it; it then finds no execution,
 * drops the submitted variables without a word ({@code TaskEntity.setExecutionVariables}) and runs the complete
 * listeners, whose form checks refuse a field the client did send ("Tick 'I accept this task…' (not ticked)"). The
 * engine would have refused the completion at flush with an {@code OptimisticLockingException}; this built-in complete
 * listener, which runs before every listener of the model, throws that exception as soon as the execution is gone.
 * Found by LoadIT's contention part (docs/load-testing.md).
 */
@Component
class LiveTaskPlugin extends AbstractProcessEnginePlugin {

  static final TaskListener EXECUTION_STILL_THERE = task -> {
    TaskEntity entity = (TaskEntity) task;
    if (entity.getExecutionId() != null && entity.getExecution() == null) {
      throw new OptimisticLockingException("Task " + entity.getId() + " ('" + entity.getName() + "') lost its "
          + "execution to a concurrent change (reassigned, cancelled or completed at the same moment)");
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPreBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPreBPMNParseListeners());
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, EXECUTION_STILL_THERE);
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);
  }
}
