package com.orchestration.platform;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the checks that follow a commit run ({@link AfterCommitBatch}: rebalancing and slip checks). Spring calls
 * {@code afterCommit} on the committing thread while that thread still holds the committed transaction's connection;
 * a check run there takes a second connection for its own transaction, and enough concurrent commits (heartbeats,
 * completions, job threads) can then hold the whole pool while waiting for more. So by default the checks go to two
 * threads of their own with a bounded queue: the committing request returns at once and holds one connection. When
 * the queue is full the committing thread runs the check itself (back-pressure rather than a lost check).
 *
 * <p>{@code orchestration.after-commit.async=false} runs every check on the committing thread, as soon as the
 * transaction commits: the test profile does, so a test sees the check's effect when its call returns; the demo story
 * does for its duration ({@link #inline}).
 */
@Component
public class AfterCommitExecutor implements Executor, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(AfterCommitExecutor.class);

  private final ThreadPoolExecutor pool;
  private volatile boolean async;

  AfterCommitExecutor(@Value("${orchestration.after-commit.async:true}") boolean async,
      @Value("${orchestration.after-commit.threads:2}") int threads,
      @Value("${orchestration.after-commit.queue:10000}") int queue) {
    this.async = async;
    AtomicInteger count = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
        r -> {
          Thread thread = new Thread(r, "after-commit-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    this.pool.allowCoreThreadTimeOut(true);
  }

  @Override
  public void execute(Runnable work) {
    if (async) {
      pool.execute(() -> {
        try {
          work.run();
        } catch (RuntimeException e) {
          log.warn("A check after a commit failed", e);
        }
      });
    } else {
      work.run();
    }
  }

  /** Runs {@code work} with every check on the committing thread, then waits for the checks queued before it. */
  public void inline(Runnable work) {
    boolean previous = async;
    async = false;
    try {
      awaitIdle(Duration.ofSeconds(30));
      work.run();
    } finally {
      async = previous;
    }
  }

  /** Waits until no queued or running check is left, at most {@code timeout}; true when idle. */
  public boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    // every task handed to the pool has completed (the counts are approximate only while they change)
    while (pool.getCompletedTaskCount() < pool.getTaskCount()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** Lets queued checks finish on shutdown (a few seconds), so a graceful stop loses none. */
  @Override
  public void destroy() throws InterruptedException {
    pool.shutdown();
    if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
      log.warn("{} checks after commits were still queued at shutdown; the hourly runs look again",
          pool.shutdownNow().size());
    }
  }
}
