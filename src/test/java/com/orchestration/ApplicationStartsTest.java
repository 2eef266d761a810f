package com.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OrchestrationTest
class ApplicationStartsTest {

  @Autowired ProcessEngine engine;

  @Test
  void engineRunsWithAuthorizationChecksOn() {
    assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();
  }
}
