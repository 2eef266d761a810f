package com.orchestration.cluster;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of its own on the local PostgreSQL server, {@code orchestration_ci_<purpose>_<random>}, created empty and
 * dropped on {@link #close()}. The tests that use it check PostgreSQL behaviour and must not be skipped: when the
 * server is not reachable they fail, saying how to start it. Server: {@code -Dorchestration.test.postgres.url}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/}), {@code ...user} (postgres), {@code ...password} (empty).
 */
public final class FreshPostgresDatabase implements AutoCloseable {

  static final String SERVER = System.getProperty("orchestration.test.postgres.url",
      "jdbc:postgresql://127.0.0.1:5432/");
  static final String USER = System.getProperty("orchestration.test.postgres.user", "postgres");
  static final String PASSWORD = System.getProperty("orchestration.test.postgres.password", "");
  /** A database of a run that died (kill -9 of the test JVM) is dropped by a later run after this long. */
  private static final String STALE_AFTER = "6 hours";

  private final String name;

  private FreshPostgresDatabase(String name) {
    this.name = name;
  }

  public static FreshPostgresDatabase create(String purpose) {
    String name = "orchestration_ci_" + purpose + "_"
        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    try (Connection admin = admin(); Statement sql = admin.createStatement()) {
      dropStale(sql);
      sql.execute("create database " + name);
    } catch (SQLException e) {
      fail("PostgreSQL is not reachable at " + SERVER + " as user " + USER + " (" + e.getMessage() + "). The "
          + "PostgreSQL and cluster tests must not be skipped: start PostgreSQL 15 (.ci/run does), or point "
          + "-Dorchestration.test.postgres.url at one.");
    }
    return new FreshPostgresDatabase(name);
  }

  private static Connection admin() throws SQLException {
    return DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
  }

  /** Best effort: databases of earlier runs that were killed before they could drop them (none connected). */
  private static void dropStale(Statement sql) throws SQLException {
    var stale = new java.util.ArrayList<String>();
    try (var rows = sql.executeQuery("select datname from pg_database where datname like 'orchestration\\_ci\\_%' "
        + "and (pg_stat_file('base/' || oid || '/PG_VERSION')).modification < now() - interval '" + STALE_AFTER + "' "
        + "and not exists (select 1 from pg_stat_activity a where a.datid = pg_database.oid)")) {
      while (rows.next()) {
        stale.add(rows.getString(1));
      }
    } catch (SQLException e) {
      return; // pg_stat_file needs superuser or pg_read_server_files; without it nothing is cleaned
    }
    for (String db : stale) {
      sql.execute("drop database if exists " + db);
    }
  }

  public String name() {
    return name;
  }

  public String url() {
    return SERVER + name;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return PASSWORD;
  }

  /**
   * Arguments that start the application in this JVM on this database: its datasource, a random port, an engine name
   * of its own (other test contexts run in the same JVM), no job executor, and {@code dataDir} for its files.
   */
  public java.util.List<String> inProcessArguments(String dataDir) {
    return java.util.List.of(
        "--spring.datasource.url=" + url(),
        "--spring.datasource.username=" + user(),
        "--spring.datasource.password=" + password(),
        "--server.port=0",
        "--spring.jmx.enabled=false",
        "--camunda.bpm.generate-unique-process-engine-name=true",
        "--camunda.bpm.job-execution.enabled=false",
        "--orchestration.data-dir=" + dataDir);
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), USER, PASSWORD);
  }

  /** A fresh connection per statement: enough for checks, not for load. */
  public JdbcClient jdbc() {
    return JdbcClient.create(new DriverManagerDataSource(url(), USER, PASSWORD));
  }

  /** Drops the database, ending whatever is still connected to it. */
  @Override
  public void close() {
    try (Connection admin = admin(); Statement sql = admin.createStatement()) {
      sql.execute("drop database if exists " + name + " with (force)");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop " + name, e);
    }
  }
}
