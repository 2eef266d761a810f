package com.orchestration.demo;

import com.orchestration.platform.AfterCommitExecutor;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Profile {@code demo}: when the database holds no instruction yet, plays {@link DemoStory} once at start-up. It runs
 * as an {@link ApplicationRunner}: after the organisation is synchronised and the models are deployed, before the
 * application reports itself ready ({@code /actuator/health} is OUT_OF_SERVICE until the story is told) and before
 * the job executor starts — the story runs the jobs itself, with the engine clock moved back, then gives the clock and
 * the job executor back. A database that already has instructions is left alone, so a restart changes nothing.
 */
@Component
@Profile("demo")
class DemoSeeder implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

  private final DemoStory story;
  private final JdbcClient jdbc;
  private final ProcessEngine engine;
  private final AfterCommitExecutor afterCommit;

  DemoSeeder(DemoStory story, JdbcClient jdbc, ProcessEngine engine, AfterCommitExecutor afterCommit,
      Environment environment) {
    this.afterCommit = afterCommit;
    if (environment.acceptsProfiles(Profiles.of("prod"))) {
      throw new IllegalStateException("Profile 'demo' writes invented work into the database and never runs together "
          + "with 'prod'; start production without 'demo'");
    }
    this.story = story;
    this.jdbc = jdbc;
    this.engine = engine;
  }

  @Override
  public void run(ApplicationArguments args) {
    long instructions = jdbc.sql("select count(*) from instruction").query(Long.class).single();
    if (instructions > 0) {
      log.info("Demo: the database already holds {} instructions; the demo story is not played again", instructions);
      return;
    }
    JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    boolean executorWasActive = executor != null && executor.isActive();
    if (executorWasActive) {
      executor.shutdown();
    }
    Instant now = ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.MINUTES);
    log.info("Demo: playing the demo story (the last {} h before {}) on an empty database", DemoStory.LOOK_BACK
        .toHours(), now);
    Map<String, String> keys;
    try {
      // the story reads what each step's after-commit checks (rebalancing, slips) did: run them as it goes
      @SuppressWarnings("unchecked")
      Map<String, String>[] played = new Map[1];
      afterCommit.inline(() -> played[0] = story.play(now));
      keys = played[0];
    } catch (RuntimeException e) {
      throw new IllegalStateException("The demo story stopped: " + e.getMessage() + ". The database now holds part "
          + "of it; delete the data directory (orchestration.data-dir, default ./data) and start again", e);
    } finally {
      ClockUtil.reset();
      if (executorWasActive) {
        executor.start();
      }
    }
    log.info("Demo: the story is told; its instructions: {} — log in as docs/demo.md says", new TreeMap<>(keys));
  }
}
