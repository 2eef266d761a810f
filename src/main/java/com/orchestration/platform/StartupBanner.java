package com.orchestration.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the application where to log in (README promise). */
@Component
class StartupBanner {

  private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

  @EventListener
  void ready(ApplicationReadyEvent event) {
    if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
      return;
    }
    Environment env = event.getApplicationContext().getEnvironment();
    String base = "http://localhost:" + web.getWebServer().getPort();
    String webapps = base + env.getProperty("camunda.bpm.webapp.application-path", "/camunda");
    LOG.info("""

        ================================================================================
         Orchestration V2 is running (profiles: {})
           Tasklist   {}/app/tasklist/      Cockpit  {}/app/cockpit/
           Admin      {}/app/admin/         API docs {}/api/docs
           Engine REST {}/engine-rest       Health   {}/actuator/health
         Log in as admin / (camunda.bpm.admin-user.password) or as any person of the
         organisation file (demo profile: password 'demo', e.g. an IC, a domain lead, the EM).
        ================================================================================""",
        String.join(",", env.getActiveProfiles().length == 0 ? new String[] {"default (demo, H2 file)"}
            : env.getActiveProfiles()),
        webapps, webapps, webapps, base, base, base);
  }
}
