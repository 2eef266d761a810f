package com.orchestration.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orchestration.OrchestrationTest;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** A completion whose task lost its execution to a concurrent change is a 409 before any form check runs. */
@OrchestrationTest
class LiveTaskPluginTest {

  @Autowired ProcessEngine engine;

  @Test
  void everyUserTaskChecksItsExecutionBeforeTheModelsOwnCompleteListeners() {
    String id = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("task-lifecycle")
        .latestVersion().singleResult().getId();
    ProcessDefinitionEntity lifecycle = (ProcessDefinitionEntity) ((RepositoryServiceImpl) engine
        .getRepositoryService()).getDeployedProcessDefinition(id);

    for (String task : new String[] {"Task_StartWork", "Task_DoWork"}) {
      var listeners = ((UserTaskActivityBehavior) lifecycle.findActivity(task).getActivityBehavior())
          .getTaskDefinition().getAllTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE);
      assertThat(listeners).as(task).hasSizeGreaterThan(1).first().isSameAs(LiveTaskPlugin.EXECUTION_STILL_THERE);
    }
  }

  @Test
  void aTaskWhoseExecutionIsGoneIsRefusedAsAConcurrentChange() {
    TaskEntity orphan = new TaskEntity();
    orphan.setId("task-1");
    orphan.setName("Start work");
    orphan.setExecutionId("an-execution-a-concurrent-commit-removed");

    assertThatThrownBy(() -> inCommand(orphan)).isInstanceOf(OptimisticLockingException.class)
        .hasMessageContaining("lost its execution to a concurrent change");
    // what a client gets: wrapped by the engine as a listener failure, answered as a 409 concurrent change
    ProcessEngineException wrapped = new ProcessEngineException("Exception while invoking TaskListener",
        new OptimisticLockingException("lost"));
    assertThat(ClientErrors.classify(wrapped)).get().satisfies(e -> {
      assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(e.type()).isEqualTo(ClientErrors.CONCURRENT_CHANGE);
    });
  }

  @Test
  void aStandaloneTaskHasNoExecutionToLose() {
    TaskEntity standalone = new TaskEntity();
    standalone.setId("task-2");

    inCommand(standalone);
  }

  private void inCommand(TaskEntity task) {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> {
          LiveTaskPlugin.EXECUTION_STILL_THERE.notify(task);
          return null;
        });
  }
}
