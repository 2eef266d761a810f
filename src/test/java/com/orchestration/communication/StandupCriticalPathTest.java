package com.orchestration.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.orchestration.communication.StandupFacts.Edge;
import com.orchestration.communication.StandupFacts.Item;
import com.orchestration.communication.StandupLines.CriticalPath;
import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.organization.Domain;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The weekly standup's simple critical path and working-time slack, without a database. */
class StandupCriticalPathTest {

  private static Item task(long id, String key, double estimate, double spent) {
    return new Item(id, "INS-20310311-001", key, TaskKind.TACTICAL, null, Domain.BACKEND, key, estimate, spent, null,
        Priority.NORMAL, null, "alice", TaskState.ASSIGNED, null, null);
  }

  @Test
  void longestChainByRemainingHoursWins() {
    // TT1 (4) → TT3 (1), TT2 (2, 1 spent) → TT3; TT4 (4) alone: TT1 → TT3 = 5 beats TT4 = 4 and TT2 → TT3 = 2.
    List<Item> tasks = List.of(task(1, "TT1", 4, 0), task(2, "TT2", 2, 1), task(3, "TT3", 1, 0), task(4, "TT4", 4, 0));
    CriticalPath path = StandupCriticalPath.of(tasks, List.of(new Edge(3, 1), new Edge(3, 2)));

    assertThat(path.tasks()).containsExactly("TT1", "TT3");
    assertThat(path.remainingHours()).isEqualTo(5.0);
  }

  @Test
  void dependenciesOnClosedTasksAddNothingAndACycleIsCut() {
    List<Item> tasks = List.of(task(1, "TT1", 3, 0), task(2, "TT2", 2, 0));
    // 99 is completed (not among the open tasks); 1 ⇄ 2 is a cycle, which plans reject, cut where it closes.
    CriticalPath path = StandupCriticalPath.of(tasks, List.of(new Edge(1, 99), new Edge(1, 2), new Edge(2, 1)));

    assertThat(path.remainingHours()).isEqualTo(5.0);
    assertThat(path.tasks()).hasSize(2);
    assertThat(StandupCriticalPath.of(List.of(), List.of()).tasks()).isEmpty();
  }

  @Test
  void workingHoursCountWeekdaysInProportionAndSkipWeekends() {
    ZoneId utc = ZoneOffset.UTC;
    Instant tuesday9 = Instant.parse("2031-03-11T09:00:00Z");
    assertThat(StandupCriticalPath.workingHours(tuesday9, Instant.parse("2031-03-13T09:00:00Z"), utc, 8))
        .isCloseTo(16.0, within(1e-9));
    // Friday 12:00 → Monday 12:00: half of Friday + half of Monday = one working day.
    assertThat(StandupCriticalPath.workingHours(Instant.parse("2031-03-14T12:00:00Z"),
        Instant.parse("2031-03-17T12:00:00Z"), utc, 8)).isCloseTo(8.0, within(1e-9));
    assertThat(StandupCriticalPath.workingHours(Instant.parse("2031-03-13T09:00:00Z"), tuesday9, utc, 8))
        .isCloseTo(-16.0, within(1e-9));
  }

  @Test
  void statusFromSlack() {
    assertThat(StandupCriticalPath.status(null, 8)).isEqualTo("no_deadline");
    assertThat(StandupCriticalPath.status(-0.5, 8)).isEqualTo("late");
    assertThat(StandupCriticalPath.status(7.9, 8)).isEqualTo("at_risk");
    assertThat(StandupCriticalPath.status(8.0, 8)).isEqualTo("on_track");
  }
}
