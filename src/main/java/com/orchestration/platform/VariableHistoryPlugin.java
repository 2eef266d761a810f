package com.orchestration.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * History level {@code full}, without a change record ({@code ACT_HI_DETAIL}) for every process-variable write,
 * unless {@code orchestration.history.variable-details} is true.
 *
 * <p>Why: a task's lifecycle writes about 125 variables (its context, copied into the gates it calls, and the SLA of
 * each state it enters); with a detail row per write these were 174 of its 1130 statements (LifecycleBenchmark,
 * docs/performance.md). Nothing in the product reads them: a task's audit trail is its transition log, each
 * variable's last value stays in {@code ACT_HI_VARINST}, and everything else of history {@code full} — activities,
 * tasks, incidents, job log, decisions, user operations — is written as before. The engine's history level stays
 * {@code full} (id 3), so an existing database starts unchanged and Cockpit sees the same level.
 *
 * <p>Registered in {@code preInit}: the engine builds its history event handler during {@code init} from
 * {@code enableDefaultDbHistoryEventHandler} and {@code customHistoryEventHandlers}.
 */
@Component
class VariableHistoryPlugin extends AbstractProcessEnginePlugin {

  private final boolean variableDetails;

  VariableHistoryPlugin(@Value("${orchestration.history.variable-details:false}") boolean variableDetails) {
    this.variableDetails = variableDetails;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (variableDetails || configuration.getHistoryEventHandler() != null
        || !configuration.isEnableDefaultDbHistoryEventHandler()) {
      return; // details wanted, or someone else owns history handling: leave the engine's default alone
    }
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new WithoutVariableDetails());
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** The engine's database handler, writing variable instances but no detail row per change. */
  static final class WithoutVariableDetails extends DbHistoryEventHandler {
    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity historyEvent) {
      return false;
    }
  }
}
