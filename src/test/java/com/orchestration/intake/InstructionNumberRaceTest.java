package com.orchestration.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.cluster.FreshPostgresDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Instruction keys (INS-YYYYMMDD-NNN) are numbered per day. Many submissions at once on a new day race to insert the
 * day's counter row: on PostgreSQL the loser's failed insert used to abort its whole transaction (a 500 for the
 * client). Each submission here is its own transaction, as an HTTP request is; all must get distinct numbers 1..N.
 * The PostgreSQL case uses the local server (CI starts it) and a database of its own ({@link FreshPostgresDatabase}:
 * it fails, never skips, when PostgreSQL is not reachable).
 */
class InstructionNumberRaceTest {

  static final int SUBMISSIONS = 24;
  @Test
  void concurrentFirstSubmissionsOfADayGetDistinctNumbersOnPostgres() throws Exception {
    try (FreshPostgresDatabase db = FreshPostgresDatabase.create("keyrace")) {
      assertDistinctNumbers(new DriverManagerDataSource(db.url(), db.user(), db.password()));
    }
  }

  @Test
  void concurrentFirstSubmissionsOfADayGetDistinctNumbersOnH2() throws Exception {
    assertDistinctNumbers(new DriverManagerDataSource(
        "jdbc:h2:mem:keyrace-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
  }

  private static void assertDistinctNumbers(DataSource dataSource) throws Exception {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    InstructionRepository repository = new InstructionRepository(JdbcClient.create(dataSource), transactions);
    TransactionTemplate request = new TransactionTemplate(transactions);
    LocalDate day = LocalDate.of(2026, 12, 5);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(SUBMISSIONS);
    try {
      List<Future<Integer>> numbers = new ArrayList<>();
      for (int i = 0; i < SUBMISSIONS; i++) {
        Callable<Integer> submission = () -> {
          start.await();
          return request.execute(status -> repository.nextNumber(day));
        };
        numbers.add(pool.submit(submission));
      }
      start.countDown();
      List<Integer> got = new ArrayList<>();
      for (Future<Integer> number : numbers) {
        got.add(number.get(60, TimeUnit.SECONDS));
      }
      assertThat(got).as("one number each, none twice, none skipped").containsExactlyInAnyOrderElementsOf(
          java.util.stream.IntStream.rangeClosed(1, SUBMISSIONS).boxed().toList());
      assertThat(repository.nextNumber(day)).isEqualTo(SUBMISSIONS + 1);
    } finally {
      pool.shutdownNow();
    }
  }
}
