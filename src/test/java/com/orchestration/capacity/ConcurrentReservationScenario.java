package com.orchestration.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SPEC §8.2 on any database: {@value #THREADS} threads × {@value #PER_THREAD} assignments of 1-hour tasks to the
 * same IC (8 h/day → 24 h over the horizon), each in its own transaction that reserves with cap 0.90 and moves the
 * task to ASSIGNED. A serial run accepts exactly 22 (21 h / 24 h = 0.875 ≤ 0.90 before the 22nd; 22 h / 24 h =
 * 0.917 before the 23rd). Without the row lock, transactions that run side by side each see the IC below the cap
 * and all insert: the replay then finds a reservation made above the cap and more than 22 accepted.
 */
final class ConcurrentReservationScenario {

  static final int THREADS = 8;
  static final int PER_THREAD = 25;
  static final double CAP = 0.90;
  static final double TASK_HOURS = 1.0;
  static final int HOURS_PER_DAY = 8;

  record Outcome(int accepted, int refused, List<Throwable> unexpected, List<Double> workloadBeforeEach,
      long assignedItems, long reservedAndAssigned) {}

  private ConcurrentReservationScenario() {}

  static Outcome run(StandaloneCapacityDatabase db, String personId, String instructionKey) throws Exception {
    db.insertIc(personId, "backend", HOURS_PER_DAY);
    List<Long> items = new ArrayList<>();
    for (int i = 1; i <= THREADS * PER_THREAD; i++) {
      items.add(db.insertTask(instructionKey, "TT" + i, "backend", TASK_HOURS));
    }

    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        List<Long> mine = items.subList(t * PER_THREAD, (t + 1) * PER_THREAD);
        futures.add(pool.submit(() -> {
          start.await();
          for (long item : mine) {
            try {
              db.transactions.executeWithoutResult(status -> {
                db.capacity.reserve(item, personId, ReservationKind.TASK, TASK_HOURS, CAP);
                db.markAssigned(item, personId);
              });
              accepted.incrementAndGet();
            } catch (CapacityExceededException e) {
              refused.incrementAndGet();
            } catch (RuntimeException e) {
              unexpected.add(e);
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    // Replay the accepted reservations in the order they were made: the workload each one saw before it.
    List<Double> hours = db.jdbc.sql("""
            select w.estimate_hours from capacity_reservation r join work_item w on w.id = r.work_item_id
            where r.person_id = ? order by r.id""").params(personId).query(Double.class).list();
    double capacity = HOURS_PER_DAY * Horizon.WORKING_DAYS;
    List<Double> before = new ArrayList<>();
    double committed = 0;
    for (double h : hours) {
      before.add(committed / capacity);
      committed += h;
    }
    Map<String, Object> counts = db.jdbc.sql("""
            select count(*) as assigned,
              sum(case when exists (select 1 from capacity_reservation r where r.work_item_id = w.id
                and r.person_id = w.assignee) then 1 else 0 end) as reserved
            from work_item w where w.instruction_key = ? and w.state = 'ASSIGNED'""")
        .params(instructionKey).query().singleRow();
    return new Outcome(accepted.get(), refused.get(), List.copyOf(unexpected), before,
        ((Number) counts.get("assigned")).longValue(),
        counts.get("reserved") == null ? 0 : ((Number) counts.get("reserved")).longValue());
  }

  /** What a one-at-a-time run accepts with the same tasks and cap. */
  static int serialAcceptance() {
    double capacity = HOURS_PER_DAY * Horizon.WORKING_DAYS;
    int accepted = 0;
    double committed = 0;
    for (int i = 0; i < THREADS * PER_THREAD; i++) {
      if (committed / capacity <= CAP + Bands.EPSILON) {
        accepted++;
        committed += TASK_HOURS;
      }
    }
    return accepted;
  }

  static void assertCapHeld(Outcome outcome) {
    assertThat(outcome.unexpected()).as("no failure other than a refusal").isEmpty();
    assertThat(serialAcceptance()).isEqualTo(22);
    assertThat(outcome.workloadBeforeEach()).as("workload before each accepted reservation, in insertion order")
        .allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(CAP + Bands.EPSILON));
    assertThat(outcome.accepted()).as("accepted = what a serial run accepts").isEqualTo(serialAcceptance());
    assertThat(outcome.accepted() + outcome.refused()).isEqualTo(THREADS * PER_THREAD);
    assertThat(outcome.workloadBeforeEach()).hasSize(outcome.accepted());
    assertThat(outcome.assignedItems()).as("every accepted task is ASSIGNED, no refused one is")
        .isEqualTo(outcome.accepted());
    assertThat(outcome.reservedAndAssigned()).as("reservation and ASSIGNED committed together")
        .isEqualTo(outcome.accepted());
  }
}
