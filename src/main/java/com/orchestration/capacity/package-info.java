/**
 * Capacity: per-IC reservations under a row lock, workload and bands (SPEC §8.2–§8.3), the 3-day forecast (§8.4), and
 * rebalancing (§8.5: process capacity-rebalancing, proposals, loans, deferrals).
 */
package com.orchestration.capacity;
