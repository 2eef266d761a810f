package com.orchestration.intake;

import static com.orchestration.intake.InstructionDriver.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import com.orchestration.lifecycle.LifecycleDriver;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The admission queue (SPEC §4.3): who goes next when capacity frees — because a task completes or at the hourly
 * re-check — is decided by DMN priority-arbitration between the waiting instructions; two critical ones wait for the
 * EM and nothing ranked below them starts until she decides (§15). The load is set up in hours around the 85% of
 * DMN admission-control: a filler instruction in planning leaves a known slack, and capacity frees either by a task
 * completing or, without any message, by an IC coming back from a day off when the clock moves to the next day.
 */
@OrchestrationTest
class AdmissionQueueTest {

  /** An IC without open work in the demo organisation (QA), off today in the tests that need it. */
  private static final String OFF_TODAY = "omar";

  @Autowired InstructionDriver driver;
  @Autowired LifecycleDriver lifecycle;
  @Autowired AdmissionService admission;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void fixTheClockOnAnEmptyQueue() {
    lifecycle.startClock();
    assertThat(admission.queue()).as("another test left instructions in the admission queue").isEmpty();
  }

  @AfterEach
  void cleanUp() {
    driver.cleanUp();
    jdbc.sql("delete from person_unavailable_date where person_id = ? and unavailable_on = ?")
        .params(OFF_TODAY, LocalDate.parse("2026-11-24")).update();
  }

  /** Hours the load may still grow before the next instruction reaches 85% (admission-control's threshold). */
  double slack() {
    AdmissionService.Load load = admission.load("");
    return 0.85 * load.capacityHours() - load.baseHours();
  }

  /** An admitted tier-4 instruction in planning whose estimate leaves {@code hours} (a little more) of slack. */
  void fillUntilSlackIs(double hours) {
    double estimate = BigDecimal.valueOf(slack() - hours).setScale(2, RoundingMode.FLOOR).doubleValue();
    assertThat(estimate).as("the system needs more than %s h of slack for this test", hours).isPositive();
    Instruction filler = driver.submit(new IntakeRequest("Archive the order tables", null, "migration",
        List.of("data"), List.of("databaseSchemaChange"), "normal", null, false, estimate), "alice");
    assertThat(driver.get(filler.key()).state()).isEqualTo(InstructionState.PLANNING);
  }

  Instruction submit(String title, String priority, boolean customerCommitment, double estimateHours) {
    return driver.submit(new IntakeRequest(title, null, "migration", List.of("data"),
        List.of("databaseSchemaChange"), priority, null, customerCommitment, estimateHours), "alice");
  }

  /** omar is off today: tomorrow the capacity horizon has a day more of him, and nobody is told. */
  void offToday() {
    jdbc.sql("insert into person_unavailable_date (person_id, unavailable_on) values (?, ?)")
        .params(OFF_TODAY, LocalDate.parse("2026-11-24")).update();
  }

  List<InstructionDecision> decisions(Instruction instruction, String kind) {
    return driver.instructions.decisions(instruction.key()).stream().filter(d -> d.kind().equals(kind)).toList();
  }

  InstructionState state(Instruction instruction) {
    return driver.get(instruction.key()).state();
  }

  @Test
  void aQueuedInstructionIsAdmittedWhenATaskCompletes() {
    double before = slack();
    Instruction running = driver.submit(new IntakeRequest("Document the order export", null, "docs",
        List.of("frontend"), List.of(), "normal", null, false, 8.0), "alice");
    double taskHours = before - slack();
    assertThat(taskHours).as("the running task's hours count in the load").isPositive();
    fillUntilSlackIs(1);
    Instruction queued = submit("Migrate the invoices", "normal", false, 1 + taskHours / 2);
    assertThat(state(queued)).isEqualTo(InstructionState.QUEUED);

    // the task completes: message capacity-freed, no timer (the clock stands still)
    driver.finishTactical(running.key(), "TT1");

    assertThat(state(queued)).isEqualTo(InstructionState.PLANNING);
    assertThat(decisions(queued, "admission")).extracting(InstructionDecision::outcome)
        .containsExactly("queue", "admit");
    assertThat(decisions(queued, "arbitration")).as("nobody else waited").isEmpty();
    assertThat(driver.openTaskKeys(queued.key())).containsExactly("Task_WriteStrategicPlan");
  }

  @Test
  void theHourlyReCheckAdmitsAQueuedInstructionWhenCapacityFreedWithoutAMessageAndRecordsOnlyChanges() {
    offToday();
    fillUntilSlackIs(2);
    Instruction queued = submit("Migrate the invoices", "normal", false, 6);
    assertThat(state(queued)).isEqualTo(InstructionState.QUEUED);
    int recorded = driver.instructions.decisions(queued.key()).size();

    // an hourly re-check with the load unchanged: still queued, nothing new recorded
    lifecycle.advance(Duration.ofMinutes(61));
    assertThat(driver.runJobs(queued.key())).isEqualTo(1);
    assertThat(state(queued)).isEqualTo(InstructionState.QUEUED);
    assertThat(driver.instructions.decisions(queued.key())).hasSize(recorded);

    // the next day omar is back: more capacity, and no message about it
    lifecycle.advance(Duration.ofDays(1));
    assertThat(slack()).as("omar's day moves the threshold by 85%% of 8 h").isGreaterThan(6);
    assertThat(state(queued)).isEqualTo(InstructionState.QUEUED);

    driver.runJobs(queued.key()); // the hourly timer

    assertThat(state(queued)).isEqualTo(InstructionState.PLANNING);
    assertThat(decisions(queued, "admission")).extracting(InstructionDecision::outcome)
        .containsExactly("queue", "admit");
    assertThat(driver.instructions.decisions(queued.key())).hasSize(recorded + 1);
  }

  /**
   * Two instructions of 6 h wait with 2 h of slack; the next day there is room for one of them only, and nobody is
   * told. The test then fires the hourly timer of the one that should lose, so the ranking, not the order of
   * wake-ups, decides who goes.
   */
  Instruction[] twoQueuedUntilTomorrow(String firstPriority, boolean firstCommitment, String secondPriority,
      boolean secondCommitment) {
    offToday();
    fillUntilSlackIs(2);
    Instruction first = submit("Migrate the invoices", firstPriority, firstCommitment, 6);
    lifecycle.advance(Duration.ofMinutes(1));
    Instruction second = submit("Migrate the credit notes", secondPriority, secondCommitment, 6);
    assertThat(state(first)).isEqualTo(InstructionState.QUEUED);
    assertThat(state(second)).isEqualTo(InstructionState.QUEUED);

    lifecycle.advance(Duration.ofDays(1));
    assertThat(slack()).as("room for one 6-hour instruction, not for two").isBetween(6.0, 12.0);
    return new Instruction[] {first, second};
  }

  @Test
  void aCustomerCommitmentGoesFirstThoughSubmittedLater() {
    Instruction[] pair = twoQueuedUntilTomorrow("normal", false, "normal", true);
    Instruction first = pair[0];
    Instruction committed = pair[1];
    assertThat(admission.queue()).as("release order").extracting(Instruction::key)
        .containsExactly(committed.key(), first.key());

    driver.runJobs(first.key()); // its hourly re-check finds room, but the commitment ranks above it

    assertThat(state(committed)).isEqualTo(InstructionState.PLANNING);
    assertThat(state(first)).isEqualTo(InstructionState.QUEUED);
    assertThat(decisions(first, "arbitration")).singleElement().satisfies(d -> {
      assertThat(d.subject()).isEqualTo(committed.key());
      assertThat(d.outcome()).isEqualTo("B_FIRST");
      assertThat(d.reason()).contains("only B carries a customer commitment")
          .contains("priority-arbitration/rule_onlyBCustomerCommitmentWins").contains(committed.key() + " fits now");
    });
    assertThat(decisions(committed, "arbitration")).singleElement().satisfies(d -> {
      assertThat(d.subject()).isEqualTo(first.key());
      assertThat(d.outcome()).isEqualTo("A_FIRST");
      assertThat(d.reason()).contains("only A carries a customer commitment")
          .contains("priority-arbitration/rule_onlyACustomerCommitmentWins");
    });
    // first: queue (intake), admit (its timer: room, but it waited), queue (the committed one took the room)
    assertThat(decisions(first, "admission")).extracting(InstructionDecision::outcome)
        .containsExactly("queue", "admit", "queue");
    assertThat(admission.queue()).extracting(Instruction::key).containsExactly(first.key());
  }

  @Test
  void withoutCommitmentOrCriticalPriorityTheFirstSubmittedGoesFirst() {
    Instruction[] pair = twoQueuedUntilTomorrow("normal", false, "normal", false);
    Instruction first = pair[0];
    Instruction second = pair[1];

    driver.runJobs(second.key());

    assertThat(state(first)).isEqualTo(InstructionState.PLANNING);
    assertThat(state(second)).isEqualTo(InstructionState.QUEUED);
    assertThat(decisions(second, "arbitration")).singleElement().satisfies(d -> {
      assertThat(d.subject()).isEqualTo(first.key());
      assertThat(d.outcome()).isEqualTo("B_FIRST");
      assertThat(d.reason()).contains("first in, first out: B was submitted first")
          .contains("rule_bSubmittedFirstGoesFirst").contains(first.key() + " fits now");
    });
    assertThat(decisions(first, "arbitration")).singleElement().satisfies(d -> {
      assertThat(d.subject()).isEqualTo(second.key());
      assertThat(d.outcome()).isEqualTo("A_FIRST");
      assertThat(d.reason()).contains("rule_aSubmittedFirstGoesFirst");
    });
    assertThat(decisions(second, "admission")).extracting(InstructionDecision::outcome)
        .containsExactly("queue", "admit", "queue");
  }

  @Test
  void twoHighPriorityInstructionsRunInParallelSoNeitherWaitsForTheOther() {
    Instruction[] pair = twoQueuedUntilTomorrow("high", false, "high", false);
    Instruction first = pair[0];
    Instruction second = pair[1];

    driver.runJobs(second.key());

    assertThat(state(second)).as("does not wait for the first").isEqualTo(InstructionState.PLANNING);
    assertThat(decisions(second, "arbitration")).singleElement().satisfies(d -> {
      assertThat(d.subject()).isEqualTo(first.key());
      assertThat(d.outcome()).isEqualTo("PARALLEL");
      assertThat(d.reason()).contains("rule_bothHighWithCapacityRunInParallel");
    });
    // each still needs room of its own: the first's timer finds none left
    driver.runJobs(first.key());
    assertThat(state(first)).isEqualTo(InstructionState.QUEUED);
    assertThat(decisions(first, "admission")).extracting(InstructionDecision::outcome).containsExactly("queue");
  }

  @Test
  void twoCriticalInstructionsInTheQueueGoToTheEmAndNothingStartsUntilSheDecides() {
    fillUntilSlackIs(20);
    Instruction running = submit("Restore the ledger", "critical", false, 18);
    assertThat(state(running)).isEqualTo(InstructionState.PLANNING);
    // two more critical ones do not fit: the EM lets each wait for the running one
    Instruction payments = submit("Restore the payments database", "critical", false, 6);
    driver.complete(payments.key(), "Task_DecidePriority", null, "erin",
        Map.of("priorityDecision", "wait", "priorityRationale", "the ledger comes first"));
    Instruction checkout = submit("Restore the checkout database", "critical", false, 6);
    driver.complete(checkout.key(), "Task_DecidePriority", null, "erin",
        Map.of("priorityDecision", "wait", "priorityRationale", "the ledger comes first"));
    assertThat(state(payments)).isEqualTo(InstructionState.QUEUED);
    assertThat(state(checkout)).isEqualTo(InstructionState.QUEUED);
    assertThat(decisions(payments, "arbitration")).last().satisfies(d -> {
      assertThat(d.outcome()).as("her decision is followed, not asked again").isEqualTo("B_FIRST");
      assertThat(d.subject()).isEqualTo(running.key());
      assertThat(d.reason()).contains("the EM decided").contains("the ledger comes first");
    });

    // the running one is cancelled: both fit now, but the table cannot rank two critical ones
    driver.instructions.requestCancel(running.key(), "erin", List.of("engineering-managers"), "restored by a backup");

    assertThat(state(payments)).isEqualTo(InstructionState.ARBITRATION);
    assertThat(driver.openTaskKeys(payments.key())).containsExactly("Task_DecidePriority");
    assertThat(decisions(payments, "arbitration")).last().satisfies(d -> {
      assertThat(d.outcome()).isEqualTo("EM_DECIDES");
      assertThat(d.subject()).isEqualTo(checkout.key());
      assertThat(d.reason()).contains("rule_bothCriticalEmDecides");
    });
    assertThat(state(checkout)).isEqualTo(InstructionState.QUEUED);
    assertThat(driver.openTaskKeys(checkout.key())).isEmpty();
    assertThat(decisions(checkout, "arbitration")).last().satisfies(d -> {
      assertThat(d.outcome()).isEqualTo("EM_DECIDES");
      assertThat(d.subject()).isEqualTo(payments.key());
      assertThat(d.reason()).contains("nothing starts until she decides");
    });
    // a small normal instruction that fits waits too
    Instruction small = submit("Migrate the coupon codes", "normal", false, 2);
    assertThat(state(small)).isEqualTo(InstructionState.QUEUED);
    assertThat(decisions(small, "arbitration")).singleElement().satisfies(d -> {
      assertThat(d.outcome()).isEqualTo("B_FIRST");
      assertThat(d.subject()).isEqualTo(payments.key());
      assertThat(d.reason()).contains("only B is critical").contains("nothing starts until she decides");
    });

    // she lets the payments restore wait for the checkout restore: the queue follows her decision
    driver.complete(payments.key(), "Task_DecidePriority", null, "erin",
        Map.of("priorityDecision", "wait", "priorityRationale", "checkout loses orders by the minute"));

    assertThat(decisions(checkout, "arbitration")).last().satisfies(d -> {
      assertThat(d.outcome()).isEqualTo("A_FIRST");
      assertThat(d.subject()).isEqualTo(payments.key());
      assertThat(d.reason()).contains("EM_WAIT for " + payments.key()).contains("checkout loses orders");
    });
    long checkoutAdmitted = decisions(checkout, "arbitration").get(decisions(checkout, "arbitration").size() - 1)
        .id();
    long paymentsAdmitted = decisions(payments, "arbitration").get(decisions(payments, "arbitration").size() - 1)
        .id();
    assertThat(checkoutAdmitted).as("checkout goes before payments").isLessThan(paymentsAdmitted);
    // there is room for all three, in the order she and the table gave
    assertThat(List.of(state(checkout), state(payments), state(small))).containsOnly(InstructionState.PLANNING);
    assertThat(decisions(payments, "admission")).extracting(InstructionDecision::outcome)
        .containsExactly("arbitrate", "admit");
  }
}
