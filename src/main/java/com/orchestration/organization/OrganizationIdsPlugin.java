package com.orchestration.organization;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Camunda accepts only {@code [a-zA-Z0-9]+} as user and group ids by default; SPEC §3 fixes group ids such as
 * {@code engineering-managers} and {@code team-backend}, and logins such as {@code bot-backend-1}. This widens the
 * user and group id patterns to exactly what the organisation file allows (plus upper case, which the admin user
 * may use); tenant and other resource ids keep Camunda's default.
 */
@Component
class OrganizationIdsPlugin extends AbstractProcessEnginePlugin {

  static final String ID_PATTERN = "[a-zA-Z0-9][a-zA-Z0-9.-]{0,63}";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setUserResourceWhitelistPattern(ID_PATTERN);
    configuration.setGroupResourceWhitelistPattern(ID_PATTERN);
  }
}
