package com.orchestration.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.junit.jupiter.api.Test;

/**
 * {@link VariableHistoryPlugin} on a bare engine configuration: it swaps only the default database handler, and only
 * when the details are not wanted.
 */
class VariableHistoryPluginTest {

  @Test
  void replacesTheDefaultDatabaseHandlerAndKeepsCustomHandlers() {
    // Given
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
    HistoryEventHandler custom = new HistoryEventHandler() {
      @Override
      public void handleEvent(HistoryEvent event) { }

      @Override
      public void handleEvents(List<HistoryEvent> events) { }
    };
    configuration.setCustomHistoryEventHandlers(List.of(custom));

    // When
    new VariableHistoryPlugin(false).preInit(configuration);

    // Then
    assertThat(configuration.isEnableDefaultDbHistoryEventHandler()).isFalse();
    assertThat(configuration.getCustomHistoryEventHandlers()).hasSize(2)
        .first().isInstanceOf(VariableHistoryPlugin.WithoutVariableDetails.class);
    assertThat(configuration.getCustomHistoryEventHandlers()).element(1).isSameAs(custom);
  }

  @Test
  void leavesTheEngineAloneWhenDetailsAreWanted() {
    // Given
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();

    // When
    new VariableHistoryPlugin(true).preInit(configuration);

    // Then
    assertThat(configuration.isEnableDefaultDbHistoryEventHandler()).isTrue();
    assertThat(configuration.getCustomHistoryEventHandlers()).isNullOrEmpty();
  }
}
