package com.orchestration.platform;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.WrongDbException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * With {@code camunda.bpm.database.schema-update=false} (the {@code prod} profile) the engine neither creates nor
 * upgrades its tables, and its own message says to set schema-update to true — the opposite of what production wants.
 * This turns a missing, incomplete or outdated Camunda schema into a start-up report that names the database and the
 * database owner's step (docs/operations.md "Camunda schema").
 */
public class CamundaSchemaFailureAnalyzer extends AbstractFailureAnalyzer<ProcessEngineException> {

  /** Camunda's create scripts for PostgreSQL, in the order the engine itself runs them. */
  public static final List<String> POSTGRES_CREATE_SCRIPTS = List.of(
      "org/camunda/bpm/engine/db/create/activiti.postgres.create.engine.sql",
      "org/camunda/bpm/engine/db/create/activiti.postgres.create.history.sql",
      "org/camunda/bpm/engine/db/create/activiti.postgres.create.identity.sql",
      "org/camunda/bpm/engine/db/create/activiti.postgres.create.case.engine.sql",
      "org/camunda/bpm/engine/db/create/activiti.postgres.create.case.history.sql",
      "org/camunda/bpm/engine/db/create/activiti.postgres.create.decision.engine.sql",
      "org/camunda/bpm/engine/db/create/activiti.postgres.create.decision.history.sql");

  private final Environment environment;

  public CamundaSchemaFailureAnalyzer(Environment environment) {
    this.environment = environment;
  }

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ProcessEngineException cause) {
    String message = String.valueOf(cause.getMessage());
    boolean outdated = cause instanceof WrongDbException;
    boolean missing = message.contains("There are no Camunda tables") || message.contains("Tables are missing");
    if (!outdated && !missing) {
      return null;
    }
    String url = environment.getProperty("spring.datasource.url", "(spring.datasource.url not set)");
    String schemaUpdate = environment.getProperty("camunda.bpm.database.schema-update", "true");
    String what = outdated ? "The Camunda schema in " + url + " has another version than this Camunda library"
        : "The Camunda schema (tables ACT_*) is missing or incomplete in " + url;
    String description = what + ": " + message.replaceAll(" Hint: .*", "") + "\n"
        + "camunda.bpm.database.schema-update is " + schemaUpdate + ("false".equals(schemaUpdate)
        ? " (the prod profile): the application does not create or upgrade the Camunda schema itself."
        : ".");
    String action = outdated
        ? "Have the database owner run Camunda's upgrade scripts for PostgreSQL, from the schema version in table "
            + "ACT_GE_SCHEMA_LOG to 7.24, one after the other: camunda-engine-7.24.0.jar!/org/camunda/bpm/engine/db/"
            + "upgrade/postgres_engine_<from>_to_<to>.sql (docs/operations.md \"Camunda schema\"). Then start again."
        : "Have the database owner create the Camunda schema with the scripts in camunda-engine-7.24.0.jar, in this "
            + "order:\n  " + String.join("\n  ", POSTGRES_CREATE_SCRIPTS)
            + "\n(docs/operations.md \"Camunda schema\" has the commands). Our own tables are created by Flyway at the "
            + "next start. Then start again.";
    return new FailureAnalysis(description, action, cause);
  }
}
