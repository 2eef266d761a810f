package com.orchestration.capacity;

import static com.orchestration.capacity.CapacityPersonas.CALIBRATED_PROBE;
import static com.orchestration.capacity.CapacityPersonas.HORIZON_END;
import static com.orchestration.capacity.CapacityPersonas.PROBE;
import static com.orchestration.capacity.CapacityPersonas.SECOND_PROBE;
import static com.orchestration.capacity.CapacityPersonas.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.orchestration.OrchestrationTest;
import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.platform.ConflictException;
import com.orchestration.platform.InvalidInputException;
import com.orchestration.platform.NotFoundException;
import com.orchestration.platform.PolicyDecisions;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Reservations, release and workload against the application's own tables (SPEC §8.2, §8.3, §11). */
@OrchestrationTest
class CapacityServiceTest {

  @Autowired CapacityService capacity;
  @Autowired WorkItemService workItems;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;
  @Autowired PolicyDecisions policies;

  @BeforeEach
  void setUp() {
    CapacityPersonas.freezeClock();
    CapacityPersonas.ensureProbes(jdbc);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void assignedTasksCountTheirRemainingHoursWhenDueWithinTheHorizon() {
    Workload before = capacity.workload(PROBE);
    List<WorkItem> items = workItems.createAll(List.of(
        task("INS-20261124-901", "TT1", 4),
        task("INS-20261124-901", "TT2", 3, Priority.HIGH, HORIZON_END),
        task("INS-20261124-901", "TT3", 5, Priority.HIGH, HORIZON_END.plusSeconds(1)),
        task("INS-20261124-901", "TT4", 2)), "system", "test");

    assign(items.get(0), PROBE);
    assign(items.get(1), PROBE);
    assign(items.get(2), PROBE);
    reserveOnly(items.get(3), PROBE);
    Workload after = capacity.workload(PROBE);

    assertThat(after.committedHours() - before.committedHours()).as("4 h no deadline + 3 h due at the horizon end")
        .isCloseTo(7.0, within(1e-9));
    assertThat(after.openTasks() - before.openTasks()).as("every open task reservation, pending or beyond")
        .isEqualTo(4);
    assertThat(after.capacityHours()).isEqualTo(24.0);
    assertThat(after.workload()).isCloseTo(after.committedHours() / 24.0, within(1e-12));
    assertThat(after.band()).isEqualTo(capacity.bands().band(after.workload()));
  }

  @Test
  void progressReportsChangeTheCommittedHours() {
    WorkItem item = workItems.create(task("INS-20261124-902", "TT1", 6), "system", "test");
    assign(item, PROBE);
    Workload assigned = capacity.workload(PROBE);

    workItems.recordProgress(item.id(), 2, null);
    Workload afterSpending = capacity.workload(PROBE);
    workItems.recordProgress(item.id(), 2, 1.5);
    Workload afterReestimate = capacity.workload(PROBE);

    assertThat(assigned.committedHours() - afterSpending.committedHours()).isCloseTo(2.0, within(1e-9));
    assertThat(afterSpending.committedHours() - afterReestimate.committedHours()).isCloseTo(2.5, within(1e-9));
  }

  @Test
  void completionCancellationAndReassignmentReleaseTheHours() {
    List<WorkItem> items = workItems.createAll(List.of(
        task("INS-20261124-903", "TT1", 5), task("INS-20261124-903", "TT2", 3)), "system", "test");
    Workload probeBefore = capacity.workload(PROBE);
    Workload secondBefore = capacity.workload(SECOND_PROBE);
    WorkItem moving = assign(items.get(0), PROBE);
    WorkItem completing = assign(items.get(1), PROBE);

    // reassign: release the old IC, reserve the new one, ASSIGNED → ASSIGNED with the new assignee, in one transaction
    transactions.executeWithoutResult(s -> {
      capacity.release(moving.id(), PROBE);
      capacity.reserve(moving.id(), SECOND_PROBE, ReservationKind.TASK, moving.remaining(), 0.90);
      workItems.transition(moving, TaskState.ASSIGNED, SECOND_PROBE, "system", "rebalancing");
    });
    Workload probeAfterMove = capacity.workload(PROBE);
    Workload secondAfterMove = capacity.workload(SECOND_PROBE);
    // complete and cancel
    WorkItem started = workItems.transition(completing.id(), TaskState.IN_PROGRESS, PROBE, "test");
    transactions.executeWithoutResult(s -> {
      workItems.transition(started, TaskState.COMPLETED, PROBE, PROBE, "done");
      capacity.release(started.id());
    });
    transactions.executeWithoutResult(s -> {
      workItems.transition(moving.id(), TaskState.CANCELLED, "system", "instruction cancelled");
      capacity.release(moving.id());
    });

    assertThat(probeAfterMove.committedHours() - probeBefore.committedHours()).isCloseTo(3.0, within(1e-9));
    assertThat(secondAfterMove.committedHours() - secondBefore.committedHours()).isCloseTo(5.0, within(1e-9));
    assertThat(capacity.workload(PROBE).committedHours()).isCloseTo(probeBefore.committedHours(), within(1e-9));
    assertThat(capacity.workload(SECOND_PROBE).committedHours())
        .isCloseTo(secondBefore.committedHours(), within(1e-9));
    assertThat(reservationsOf(moving.id()) + reservationsOf(started.id())).isZero();
  }

  @Test
  void aReservationAboveTheCapIsRefusedWithAConflictAndNothingIsReserved() {
    List<WorkItem> items = workItems.createAll(List.of(
        task("INS-20261124-904", "TT1", 2), task("INS-20261124-904", "TT2", 2)), "system", "test");
    double current = capacity.workload(PROBE).workload();

    assertThatThrownBy(() -> transactions.executeWithoutResult(s ->
        capacity.reserve(items.get(0).id(), PROBE, ReservationKind.TASK, 2, current - 0.01)))
        .isInstanceOf(CapacityExceededException.class)
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining(PROBE).hasMessageContaining("above the cap");
    assertThat(reservationsOf(items.get(0).id())).isZero();

    transactions.executeWithoutResult(s ->
        capacity.reserve(items.get(1).id(), PROBE, ReservationKind.TASK, 2, current));
    assertThat(reservationsOf(items.get(1).id())).isEqualTo(1);
  }

  @Test
  void reservingTheSameTaskTwiceUpdatesTheReservationInsteadOfDoublingIt() {
    WorkItem item = workItems.create(task("INS-20261124-905", "TT1", 2), "system", "test");

    transactions.executeWithoutResult(s -> capacity.reserve(item.id(), PROBE, ReservationKind.REVIEW, 0.5, 0.90));
    transactions.executeWithoutResult(s -> capacity.reserve(item.id(), PROBE, ReservationKind.REVIEW, 0.75, 5));

    assertThat(jdbc.sql("select hours from capacity_reservation where work_item_id = ?").param(item.id())
        .query(Double.class).list()).containsExactly(0.75);
  }

  @Test
  void reviewsCountWhileTheTaskIsUnderReviewAndTheTaskStopsCountingForItsAuthor() {
    WorkItem item = workItems.create(task("INS-20261124-906", "TT1", 4), "system", "test");
    Workload reviewerBefore = capacity.workload(SECOND_PROBE);
    WorkItem assigned = assign(item, PROBE);
    transactions.executeWithoutResult(s ->
        capacity.reserve(item.id(), SECOND_PROBE, ReservationKind.REVIEW, 0.5, 0.90));
    Workload reviewerWhileAssigned = capacity.workload(SECOND_PROBE);
    Workload authorWhileAssigned = capacity.workload(PROBE);

    WorkItem inProgress = workItems.transition(assigned.id(), TaskState.IN_PROGRESS, PROBE, "start");
    workItems.transition(inProgress.id(), TaskState.UNDER_REVIEW, PROBE, "submitted");

    assertThat(reviewerWhileAssigned.committedHours()).isCloseTo(reviewerBefore.committedHours(), within(1e-9));
    assertThat(capacity.workload(SECOND_PROBE).committedHours() - reviewerBefore.committedHours())
        .isCloseTo(0.5, within(1e-9));
    assertThat(authorWhileAssigned.committedHours() - capacity.workload(PROBE).committedHours())
        .isCloseTo(4.0, within(1e-9));
  }

  @Test
  void theEstimateFactorCalibratesCommittedHoursOnceThereAreFiveSamples() {
    List<WorkItem> done = workItems.createAll(List.of(
        task("INS-20261124-907", "TT1", 2), task("INS-20261124-907", "TT2", 2), task("INS-20261124-907", "TT3", 2),
        task("INS-20261124-907", "TT4", 2), task("INS-20261124-907", "TT5", 2), task("INS-20261124-907", "TT6", 4)),
        "system", "test");
    double[] actuals = {3, 3, 2.6, 3.4, 4};
    for (int i = 0; i < 4; i++) {
      sample(done.get(i).id(), 2, actuals[i], i);
    }
    double withFourSamples = capacity.estimateFactor(CALIBRATED_PROBE);
    List<String> manyIds = new java.util.ArrayList<>(List.of(CALIBRATED_PROBE));
    for (int i = 0; i < 40; i++) {
      manyIds.add("nobody-" + i);
    }
    double cachedBefore = capacity.workloads(manyIds).get(CALIBRATED_PROBE).committedHours();
    sample(done.get(4).id(), 2, actuals[4], 4);
    Workload before = capacity.workload(CALIBRATED_PROBE);

    assign(done.get(5), CALIBRATED_PROBE);

    assertThat(withFourSamples).isEqualTo(1.0);
    assertThat(capacity.estimateFactor(CALIBRATED_PROBE)).isCloseTo(1.5, within(1e-9));
    assertThat(capacity.workload(CALIBRATED_PROBE).committedHours() - before.committedHours())
        .as("4 h × 1.5").isCloseTo(6.0, within(1e-9));
    assertThat(capacity.workloads(manyIds).get(CALIBRATED_PROBE).committedHours() - cachedBefore)
        .as("the cached factors of a many-person read see the new sample").isCloseTo(6.0, within(1e-9));
  }

  @Test
  void badInputIsRefusedBeforeAnythingIsReserved() {
    WorkItem item = workItems.create(task("INS-20261124-908", "TT1", 2), "system", "test");

    assertThatThrownBy(() -> transactions.executeWithoutResult(s ->
        capacity.reserve(item.id(), "nobody", ReservationKind.TASK, 2, 0.9)))
        .isInstanceOf(NotFoundException.class).hasMessage("No person with id 'nobody'");
    assertThatThrownBy(() -> transactions.executeWithoutResult(s ->
        capacity.reserve(-1, PROBE, ReservationKind.TASK, 2, 0.9)))
        .isInstanceOf(NotFoundException.class).hasMessage("No task with id '-1'");
    assertThatThrownBy(() -> transactions.executeWithoutResult(s ->
        capacity.reserve(item.id(), PROBE, ReservationKind.TASK, -1, 0.9)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("hours"));
    assertThatThrownBy(() -> capacity.reserve(item.id(), PROBE, ReservationKind.TASK, 2, 0.9))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside the caller's transaction");
    assertThatThrownBy(() -> capacity.workload("nobody")).isInstanceOf(NotFoundException.class);
    assertThat(reservationsOf(item.id())).isZero();
  }

  @Test
  void workloadsOfManyPeopleLeaveOutUnknownIds() {
    Map<String, Workload> workloads = capacity.workloads(List.of("luis", "mei", PROBE, "nobody"));

    assertThat(workloads).containsOnlyKeys("luis", "mei", PROBE);
    assertThat(workloads.get("luis").capacityHours()).isEqualTo(24.0);
    assertThat(capacity.workloads(List.of())).isEmpty();
  }

  @Test
  void theBandBoundariesComeFromTheCapacityBandsDecision() {
    PolicyDecisions.Policy policy = policies.evaluate(CapacityService.BANDS_DECISION, Map.of());

    assertThat(capacity.bands()).isEqualTo(Bands.SPEC_DEFAULTS);
    assertThat(policy.firedRules()).extracting(r -> r.ruleId()).containsExactly("rule_specBands");
  }

  private WorkItem assign(WorkItem item, String person) {
    return transactions.execute(s -> {
      capacity.reserve(item.id(), person, ReservationKind.TASK, item.remaining(), 0.90);
      return workItems.transition(item, TaskState.ASSIGNED, person, "system", "test");
    });
  }

  private void reserveOnly(WorkItem item, String person) {
    transactions.executeWithoutResult(s ->
        capacity.reserve(item.id(), person, ReservationKind.TASK, item.remaining(), 0.90));
  }

  private int reservationsOf(long workItemId) {
    return jdbc.sql("select count(*) from capacity_reservation where work_item_id = ?").param(workItemId)
        .query(Integer.class).single();
  }

  private void sample(long workItemId, double estimate, double actual, int minutesAfter) {
    jdbc.sql("""
            insert into performance_sample (person_id, work_item_id, domain, complexity, estimate_hours, actual_hours,
              first_time_approved, completed_at) values (?, ?, 'data', 'SIMPLE', ?, ?, true, ?)""")
        .params(CALIBRATED_PROBE, workItemId, estimate, actual,
            Timestamp.from(CapacityPersonas.THURSDAY.minusSeconds(3600L - 60L * minutesAfter)))
        .update();
  }
}
