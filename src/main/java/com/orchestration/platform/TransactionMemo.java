package com.orchestration.platform;

import java.util.HashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values worked out once per transaction: the map of {@code owner} for the rest of the current transaction, or a
 * fresh map outside a transaction, which remembers nothing.
 *
 * <p>The map lives in a synchronization of the transaction, not in a bound resource: Spring suspends a transaction's
 * synchronizations while a {@code REQUIRES_NEW} transaction runs inside it and restores them afterwards, so the inner
 * transaction starts with a memo of its own and the outer one finds its own again.
 */
public final class TransactionMemo {

  private TransactionMemo() {}

  public static <K, V> Map<K, V> of(Object owner) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return new HashMap<>();
    }
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof Memo<?, ?> memo && memo.owner == owner) {
        @SuppressWarnings("unchecked")
        Map<K, V> values = (Map<K, V>) memo.values;
        return values;
      }
    }
    Memo<K, V> memo = new Memo<>(owner);
    TransactionSynchronizationManager.registerSynchronization(memo);
    return memo.values;
  }

  /** One owner's values in one transaction; dropped with the transaction's synchronizations when it completes. */
  private static final class Memo<K, V> implements TransactionSynchronization {
    final Object owner;
    final Map<K, V> values = new HashMap<>();

    Memo(Object owner) {
      this.owner = owner;
    }
  }
}
