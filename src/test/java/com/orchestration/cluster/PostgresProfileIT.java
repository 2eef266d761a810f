package com.orchestration.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.orchestration.OrchestrationApplication;
import com.orchestration.platform.CamundaSchemaFailureAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/**
 * The {@code postgres} and {@code prod} profiles against real, empty PostgreSQL databases (SPEC §13): every Flyway
 * migration runs there, and {@code prod} never creates the Camunda schema itself — it refuses an empty database with
 * the database owner's step, and starts once that step (docs/operations.md "Camunda schema") is done. Each test
 * creates and drops its own database; PostgreSQL must be running (CI starts it), these tests never skip.
 */
class PostgresProfileIT {

  /** Passwords that satisfy the prod profile's guard and Camunda's password policy. */
  static final String ADMIN_PASSWORD = "Adm1n-Secret!x";
  static final String INITIAL_PASSWORD = "Init-Passw0rd!26";

  @Test
  @Timeout(180)
  void everyFlywayMigrationRunsOnAnEmptyPostgresDatabaseAndTheApplicationStarts() throws Exception {
    try (FreshPostgresDatabase db = FreshPostgresDatabase.create("migrations");
         ConfigurableApplicationContext app = start(db, "postgres")) {
      JdbcClient sql = db.jdbc();

      assertThat(appliedMigrations(sql)).as("successful Flyway migrations on PostgreSQL")
          .containsExactlyElementsOf(migrationVersions());
      assertThat(sql.sql("select count(*) from flyway_schema_history where not success").query(Integer.class)
          .single()).isZero();
      assertThat(sql.sql("select version_ from act_ge_schema_log").query(String.class).list())
          .as("the engine created its schema (schema-update true outside prod)").contains("7.24.0");
      assertThat(sql.sql("select count(*) from person").query(Integer.class).single())
          .as("the organisation was synchronised into our tables").isGreaterThan(20);
      assertThat(sql.sql("select count(*) from act_id_user where id_ in ('tom', 'erin', 'admin')")
          .query(Integer.class).single()).isEqualTo(3);
      assertThat(sql.sql("select count(*) from act_re_procdef where key_ in ('instruction', 'task-lifecycle')")
          .query(Integer.class).single()).as("models deployed").isEqualTo(2);
    }
  }

  @Test
  @Timeout(180)
  void prodRefusesAnEmptyDatabaseNamingTheDbaStepAndStartsOnceTheSchemaIsCreated() throws Exception {
    try (FreshPostgresDatabase db = FreshPostgresDatabase.create("prod")) {
      Throwable failure = catchThrowable(() -> start(db, "postgres", "prod").close());

      ProcessEngineException cause = causeOfType(failure, ProcessEngineException.class);
      assertThat(cause).as("start-up fails in the engine: %s", failure).isNotNull();
      MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", db.url())
          .withProperty("camunda.bpm.database.schema-update", "false");
      FailureAnalysis analysis = new CamundaSchemaFailureAnalyzer(env).analyze(failure);
      assertThat(analysis).as("a start-up report instead of Camunda's 'set schema-update to true'").isNotNull();
      assertThat(analysis.getDescription()).contains("Camunda schema", db.name(), "schema-update is false")
          .doesNotContain("Hint: Set");
      assertThat(analysis.getAction()).contains("docs/operations.md")
          .contains(CamundaSchemaFailureAnalyzer.POSTGRES_CREATE_SCRIPTS);
      JdbcClient sql = db.jdbc();
      assertThat(sql.sql("select count(*) from information_schema.tables where table_name like 'act\\_%'")
          .query(Integer.class).single()).as("prod created no Camunda table").isZero();

      // The database owner's step, exactly as docs/operations.md lists it (the scripts inside camunda-engine.jar).
      try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
        for (String script : CamundaSchemaFailureAnalyzer.POSTGRES_CREATE_SCRIPTS) {
          statement.execute(read(script));
        }
      }

      try (ConfigurableApplicationContext app = start(db, "postgres", "prod")) {
        assertThat(app.isRunning()).isTrue();
        assertThat(appliedMigrations(sql)).containsExactlyElementsOf(migrationVersions());
        assertThat(sql.sql("select count(*) from person").query(Integer.class).single()).isGreaterThan(20);
      }
    }
  }

  /** The application in this JVM on a random port, with its own engine name (other test contexts run here). */
  static ConfigurableApplicationContext start(FreshPostgresDatabase db, String... profiles) {
    List<String> args = new ArrayList<>(db.inProcessArguments("target/postgres-profile-test"));
    args.add("--spring.datasource.hikari.maximum-pool-size=4");
    if (List.of(profiles).contains("prod")) {
      args.add("--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD);
      args.add("--orchestration.organization.initial-password=" + INITIAL_PASSWORD);
    }
    return new SpringApplicationBuilder(OrchestrationApplication.class).profiles(profiles)
        .run(args.toArray(String[]::new));
  }

  static Set<String> appliedMigrations(JdbcClient sql) {
    return new TreeSet<>(sql.sql("select version from flyway_schema_history where success and type = 'SQL'")
        .query(String.class).list());
  }

  /** The versions of every script in db/migration, as Flyway names them. */
  static Set<String> migrationVersions() throws IOException {
    Pattern name = Pattern.compile("V(\\d+)__.*\\.sql");
    Set<String> versions = new TreeSet<>();
    for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql")) {
      Matcher m = name.matcher(r.getFilename());
      if (m.matches()) {
        versions.add(m.group(1));
      }
    }
    assertThat(versions).as("migrations found").contains("1", "7", "8");
    return versions;
  }

  static String read(String classpathResource) throws IOException {
    try (InputStream in = PostgresProfileIT.class.getClassLoader().getResourceAsStream(classpathResource)) {
      assertThat(in).as(classpathResource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
