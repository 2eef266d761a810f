package com.orchestration.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Collects keys during a transaction and hands each distinct key once to an action after the transaction commits —
 * for checks that must see committed data and must not run per row when one transaction touches many (a plan that
 * assigns 150 tasks checks each domain or instruction once). A rolled-back transaction runs nothing. Without a
 * transaction the action runs at once. After a commit the distinct keys go to {@link AfterCommitExecutor} (threads of
 * their own, or the committing thread while its committed transaction's resources are still bound): either way the
 * action opens its own transaction ({@code REQUIRES_NEW}) for anything it reads or writes.
 *
 * @param <K> what is checked (a domain, an instruction key)
 * @param <V> a detail kept with the first occurrence of a key (e.g. what triggered it)
 */
public final class AfterCommitBatch<K, V> {

  private final BiConsumer<K, V> action;
  private final java.util.concurrent.Executor executor;

  public AfterCommitBatch(BiConsumer<K, V> action, java.util.concurrent.Executor executor) {
    this.action = action;
    this.executor = executor;
  }

  /** Schedules {@code key} for after the commit; a key already scheduled in this transaction keeps its detail. */
  public void add(K key, V detail) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      action.accept(key, detail);
      return;
    }
    @SuppressWarnings("unchecked")
    Map<K, V> pending = (Map<K, V>) TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      Map<K, V> bound = new LinkedHashMap<>();
      TransactionSynchronizationManager.bindResource(this, bound);
      TransactionSynchronizationManager.registerSynchronization(new Flush(bound));
      pending = bound;
    }
    pending.putIfAbsent(key, detail);
  }

  private final class Flush implements TransactionSynchronization {

    private final Map<K, V> pending;

    Flush(Map<K, V> pending) {
      this.pending = pending;
    }

    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResourceIfPossible(AfterCommitBatch.this);
    }

    @Override
    public void resume() {
      TransactionSynchronizationManager.bindResource(AfterCommitBatch.this, pending);
    }

    @Override
    public void afterCommit() {
      // Unbind first: the actions run in transactions of their own, whose events start a fresh collection.
      TransactionSynchronizationManager.unbindResourceIfPossible(AfterCommitBatch.this);
      Map<K, V> keys = new LinkedHashMap<>(pending);
      executor.execute(() -> keys.forEach(action));
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(AfterCommitBatch.this);
    }
  }
}
