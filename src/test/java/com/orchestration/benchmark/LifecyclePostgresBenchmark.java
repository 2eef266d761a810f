package com.orchestration.benchmark;

import com.orchestration.OrchestrationApplication;
import com.orchestration.cluster.FreshPostgresDatabase;
import java.io.IOException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@link LifecycleBenchmark}'s measurements on PostgreSQL: the whole application (profiles {@code test} and
 * {@code postgres}, job executor off) on a database of its own on the local server, created empty, migrated by the
 * application and dropped afterwards ({@link FreshPostgresDatabase}; server 127.0.0.1:5432, user postgres, or
 * {@code -Dorchestration.test.postgres.url}). Writes target/benchmark/lifecycle-postgres.md. Measures only.
 */
@Tag("benchmark")
class LifecyclePostgresBenchmark {

  @Test
  void lifecycleAgainstTheEngineFloorAndATierFourInstructionOnPostgres() throws IOException {
    try (FreshPostgresDatabase db = FreshPostgresDatabase.create("bench");
         ConfigurableApplicationContext app = start(db)) {
      new LifecycleScenarios(app).runAndWrite("PostgreSQL " + serverVersion(app) + " on 127.0.0.1",
          "lifecycle-postgres.md");
    }
  }

  static ConfigurableApplicationContext start(FreshPostgresDatabase db) {
    return new SpringApplicationBuilder(OrchestrationApplication.class).profiles("test", "postgres")
        .run(db.inProcessArguments("target/benchmark/postgres").toArray(String[]::new));
  }

  static String serverVersion(ConfigurableApplicationContext app) {
    return app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("show server_version")
        .query(String.class).single().split(" ")[0];
  }
}
