package com.orchestration.platform;

import java.util.HashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values worked out once per transaction: the map bound to {@code owner} for the rest of the current transaction
 * (unbound when it completes), or a fresh map outside a transaction, which remembers nothing.
 */
public final class TransactionMemo {

  private TransactionMemo() {}

  public static <K, V> Map<K, V> of(Object owner) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return new HashMap<>();
    }
    @SuppressWarnings("unchecked")
    Map<K, V> memo = (Map<K, V>) TransactionSynchronizationManager.getResource(owner);
    if (memo == null) {
      Map<K, V> bound = new HashMap<>();
      TransactionSynchronizationManager.bindResource(owner, bound);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(owner);
        }
      });
      memo = bound;
    }
    return memo;
  }
}
