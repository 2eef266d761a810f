package com.orchestration.platform;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows per table of the test database (the tables of Camunda, Flyway and ours; the engine's metrics excluded, they
 * grow on their own), for the bad-input suites' "nothing was written" checks.
 */
final class TableCounts {

  private final JdbcClient jdbc;
  private final List<String> tables;

  TableCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.tables = jdbc.sql("select table_name from information_schema.tables where table_schema = 'PUBLIC' "
        + "and table_type = 'BASE TABLE' and table_name not like 'ACT_RU_METER%' and table_name not like "
        + "'ACT_RU_TASK_METER%' order by table_name").query(String.class).list();
  }

  /** Rows per table now, in one statement. */
  Map<String, Long> now() {
    String sql = tables.stream().map(t -> "select '" + t + "' as t, count(*) as n from \"" + t + "\"")
        .collect(Collectors.joining(" union all "));
    Map<String, Long> counts = new TreeMap<>();
    jdbc.sql(sql).query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2))).list();
    return counts;
  }

  /** The tables whose row count differs from {@code before}, as "before → now". */
  Map<String, String> changedSince(Map<String, Long> before) {
    Map<String, Long> after = now();
    Map<String, String> changed = new TreeMap<>();
    before.forEach((table, count) -> {
      if (!count.equals(after.get(table))) {
        changed.put(table, count + " → " + after.get(table));
      }
    });
    return changed;
  }
}
