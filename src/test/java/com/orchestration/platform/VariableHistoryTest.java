package com.orchestration.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** History full without a change record per variable write (docs/operations.md, "History and its retention"). */
@OrchestrationTest
class VariableHistoryTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired ProcessEngineConfigurationImpl configuration;

  private String deploymentId;

  @BeforeEach
  void deployProbe() {
    deploymentId = repositoryService.createDeployment().addModelInstance("history-probe.bpmn",
        Bpmn.createExecutableProcess("history-probe").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_Probe").endEvent().done()).deploy().getId();
  }

  @AfterEach
  void removeProbe() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @Test
  void variablesKeepTheirLastValueInHistoryButNoChangeRecords() {
    // Given
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("history-probe", Map.of("outcome", "draft"));
    String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();

    // When the variable changes twice, by an administrator's operations
    identityService.setAuthentication("admin", List.of(Groups.CAMUNDA_ADMIN));
    try {
      runtimeService.setVariable(instance.getId(), "outcome", "reviewed");
      taskService.complete(taskId, Map.of("outcome", "approved"));
    } finally {
      identityService.clearAuthentication();
    }

    // Then its history holds the last value, and no detail row was written for any of the three writes
    HistoricVariableInstance outcome = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName("outcome").singleResult();
    assertThat(outcome.getValue()).isEqualTo("approved");
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance.getId()).count()).isZero();
    // The rest of history full is still written: the level, activities, tasks and the user operation log
    assertThat(configuration.getHistoryLevel().getName()).isEqualTo(ProcessEngineConfiguration.HISTORY_FULL);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count())
        .isEqualTo(3);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).finished().count())
        .isOne();
    assertThat(historyService.createUserOperationLogQuery().processInstanceId(instance.getId()).count()).isPositive();
  }
}
