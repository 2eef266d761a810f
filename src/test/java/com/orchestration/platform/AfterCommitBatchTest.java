package com.orchestration.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks after a commit ({@link AfterCommitBatch} on {@link AfterCommitExecutor}): each distinct key once, only after a
 * commit, on a thread of their own by default (so the committing thread, which still holds its connection, does not
 * take a second one), on the committing thread when configured so.
 */
class AfterCommitBatchTest {

  /** Transactions without a resource: enough for Spring's synchronisation callbacks. */
  static final class Transactions extends AbstractPlatformTransactionManager {
    @Override
    protected Object doGetTransaction() {
      return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {}

    @Override
    protected void doCommit(DefaultTransactionStatus status) {}

    @Override
    protected void doRollback(DefaultTransactionStatus status) {}
  }

  final TransactionTemplate transaction = new TransactionTemplate(new Transactions());
  final List<String> seen = new CopyOnWriteArrayList<>();
  AfterCommitExecutor executor;

  @AfterEach
  void stop() throws InterruptedException {
    executor.destroy();
  }

  @Test
  void eachDistinctKeyIsCheckedOnceAfterTheCommitOnAThreadOfItsOwn() throws Exception {
    executor = new AfterCommitExecutor(true, 2, 100);
    CountDownLatch release = new CountDownLatch(1);
    AfterCommitBatch<String, String> batch = new AfterCommitBatch<>((key, detail) -> {
      await(release);
      seen.add(key + " " + detail + " on " + Thread.currentThread().getName());
    }, executor);
    String committer = Thread.currentThread().getName();

    // When one transaction touches backend twice and frontend once, and commits
    transaction.executeWithoutResult(s -> {
      batch.add("backend", "assignment");
      batch.add("frontend", "completion");
      batch.add("backend", "completion");
      assertThat(seen).as("nothing before the commit").isEmpty();
    });

    // Then the commit returned before the checks ran (they wait for the latch), which then run once per key, elsewhere
    assertThat(seen).isEmpty();
    release.countDown();
    assertThat(executor.awaitIdle(Duration.ofSeconds(10))).isTrue();
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0)).startsWith("backend assignment on after-commit-");
    assertThat(seen.get(1)).startsWith("frontend completion on after-commit-");
    assertThat(seen).noneMatch(s -> s.endsWith(" on " + committer));
  }

  @Test
  void aRolledBackTransactionChecksNothing() {
    executor = new AfterCommitExecutor(true, 2, 100);
    AfterCommitBatch<String, String> batch = new AfterCommitBatch<>((key, detail) -> seen.add(key), executor);

    transaction.executeWithoutResult(s -> {
      batch.add("backend", "assignment");
      s.setRollbackOnly();
    });

    assertThat(executor.awaitIdle(Duration.ofSeconds(10))).isTrue();
    assertThat(seen).isEmpty();
  }

  @Test
  void inlineChecksRunOnTheCommittingThreadBeforeTheCallReturns() {
    executor = new AfterCommitExecutor(false, 2, 100);
    AfterCommitBatch<String, String> batch = new AfterCommitBatch<>((key, detail) ->
        seen.add(key + " on " + Thread.currentThread().getName()), executor);

    transaction.executeWithoutResult(s -> batch.add("qa", "completion"));

    assertThat(seen).containsExactly("qa on " + Thread.currentThread().getName());
  }

  @Test
  void withoutATransactionTheCheckRunsAtOnce() {
    executor = new AfterCommitExecutor(true, 2, 100);
    AfterCommitBatch<String, String> batch = new AfterCommitBatch<>((key, detail) -> seen.add(key), executor);

    batch.add("data", "manual");

    assertThat(seen).containsExactly("data");
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
