package com.orchestration.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Lets {@link DecisionTrace} see which DMN rules fired, for every decision the engine evaluates (decision service,
 * business rule tasks, DRDs). The Camunda starter registers every {@code ProcessEnginePlugin} bean.
 *
 * <p>Registered in {@code preInit} because the engine builds its DMN engine during {@code init} from
 * {@code dmnEngineConfiguration} and only then appends its own history and metrics listeners; a listener added
 * later would never be called.
 */
@Component
class DecisionTracePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    List<DmnDecisionEvaluationListener> listeners = new ArrayList<>();
    if (dmn.getCustomPostDecisionEvaluationListeners() != null) {
      listeners.addAll(dmn.getCustomPostDecisionEvaluationListeners());
    }
    listeners.add(new DecisionTraceListener());
    dmn.setCustomPostDecisionEvaluationListeners(listeners);
  }
}
