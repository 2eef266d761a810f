package com.orchestration.platform;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls that our services make on a person's behalf with authorization checks off for that command
 * only — e.g. starting a lifecycle or granting an agent access to its task, which no person holds the rights for.
 * Inside a running command (a delegate) the call joins it; the authenticated user stays set for history.
 */
@Component
public class AsSystem {

  private final ProcessEngine engine;

  AsSystem(ProcessEngine engine) {
    this.engine = engine;
  }

  public <T> T call(Supplier<T> work) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired()
        .execute(commandContext -> commandContext.runWithoutAuthorization(work::get));
  }

  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }

  /** The user on whose behalf the current request or task completion runs, or {@code system}. */
  public String currentActor() {
    Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null ? "system" : authentication.getUserId();
  }
}
