package com.orchestration.capacity;

/**
 * Per-IC (and per-domain) load band of SPEC §8.3. The boundaries live in DMN {@code capacity-bands}:
 * below {@code cautionFrom} healthy; from {@code cautionFrom} up to and including {@code noNewWorkFrom} caution;
 * above {@code noNewWorkFrom} no new work; above {@code oversubscribedFrom} oversubscribed.
 */
public enum Band {
  /** Room for work, learning tasks allowed. */
  HEALTHY,
  /** Assign only critical work or a near-perfect skill match. */
  CAUTION,
  /** No new work. */
  NO_NEW_WORK,
  /** More committed than the horizon holds: rebalance (§8.5). */
  OVERSUBSCRIBED
}
