package com.orchestration.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Missing heartbeats (SPEC §5.2): silence counts from the last heartbeat or the entry into IN_PROGRESS. */
@OrchestrationTest
class HeartbeatServiceTest {

  static final Instant MORNING = Instant.parse("2026-11-24T08:00:00Z");

  @Autowired HeartbeatService heartbeats;
  @Autowired WorkItemService workItems;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void findsATaskSilentForMoreThanFourHoursAndNotAFreshOne() {
    ClockUtil.setCurrentTime(Date.from(MORNING));
    WorkItem silent = SlaFixtures.inProgressTask(workItems, 8);
    WorkItem reporting = SlaFixtures.inProgressTask(workItems, 8);
    ClockUtil.setCurrentTime(Date.from(MORNING.plus(3, ChronoUnit.HOURS)));
    heartbeats.record(reporting.instructionKey(), reporting.taskKey(), new HeartbeatRequest(40, 3.0, 5.0, null),
        "alice");
    Instant now = MORNING.plus(5, ChronoUnit.HOURS);

    var missing = heartbeats.missing(now);

    assertThat(missing).extracting(HeartbeatSilence::workItemId).contains(silent.id()).doesNotContain(reporting.id());
    HeartbeatSilence gap = missing.stream().filter(m -> m.workItemId() == silent.id()).findFirst().orElseThrow();
    assertThat(gap.silentSince()).isEqualTo(MORNING);
    assertThat(gap.silence()).isEqualTo(Duration.ofHours(5));
    assertThat(gap.assignee()).isEqualTo("alice");
    assertThat(heartbeats.missing(MORNING.plus(4, ChronoUnit.HOURS)))
        .extracting(HeartbeatSilence::workItemId).as("exactly 4 h is not yet missing").doesNotContain(silent.id());
    assertThat(heartbeats.missing(MORNING.plus(8, ChronoUnit.HOURS)))
        .extracting(HeartbeatSilence::workItemId).as("the last heartbeat was 5 h ago").contains(reporting.id());
  }

  @Test
  void aHeartbeatBeforeABlockerDoesNotCoverTheTimeAfterWorkResumes() {
    ClockUtil.setCurrentTime(Date.from(MORNING));
    WorkItem task = SlaFixtures.inProgressTask(workItems, 8);
    heartbeats.record(task.instructionKey(), task.taskKey(), new HeartbeatRequest(10, 1.0, 7.0, null), "alice");
    ClockUtil.setCurrentTime(Date.from(MORNING.plus(1, ChronoUnit.HOURS)));
    WorkItem blocked = workItems.transition(workItems.get(task.id()), TaskState.BLOCKED, "alice", "alice", "waiting");
    ClockUtil.setCurrentTime(Date.from(MORNING.plus(6, ChronoUnit.HOURS)));
    workItems.transition(blocked, TaskState.IN_PROGRESS, "alice", "alice", "unblocked");

    assertThat(heartbeats.missing(MORNING.plus(7, ChronoUnit.HOURS)))
        .extracting(HeartbeatSilence::workItemId).doesNotContain(task.id());
    assertThat(heartbeats.missing(MORNING.plus(11, ChronoUnit.HOURS)))
        .filteredOn(m -> m.workItemId() == task.id()).singleElement()
        .satisfies(m -> assertThat(m.silentSince()).isEqualTo(MORNING.plus(6, ChronoUnit.HOURS)));
  }
}
