package com.orchestration.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orchestration.OrchestrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OrchestrationTest
class SlaServiceTest {

  @Autowired SlaService sla;
  @Autowired WorkItemService workItems;
  @Autowired RepositoryService repositoryService;

  @AfterEach
  void removeModifiedTable() {
    repositoryService.createDeploymentQuery().deploymentName("state-sla-changed").list()
        .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
  }

  @Test
  void turnsTheTablesHoursIntoDurationsForTheBpmnTimers() {
    SlaDurations assigned = sla.durations(TaskState.ASSIGNED, 2, 4);
    SlaDurations inProgress = sla.durations(TaskState.IN_PROGRESS, 2, 3);
    SlaDurations escalated = sla.durations(TaskState.ESCALATED, 2, 3);

    assertThat(assigned.warning()).isEqualTo(Duration.ofHours(8));
    assertThat(assigned.escalationIso()).isEqualTo("PT24H");
    assertThat(assigned.escalationTarget()).isEqualTo("DL");
    assertThat(inProgress.warningIso()).isEqualTo("PT4H30M");
    assertThat(inProgress.escalationIso()).isEqualTo("PT6H");
    assertThat(escalated.warningIso()).isEqualTo(SlaDurations.NO_TIMER);
    assertThat(escalated.escalationIso()).isEqualTo("PT8H");
  }

  @Test
  void aClosedTaskHasNoSla() {
    assertThatThrownBy(() -> sla.durations(TaskState.COMPLETED, 2, 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("COMPLETED");
  }

  @Test
  void changingAValueInTheDmnChangesTheDurationsAtTheNextCall() throws IOException {
    assertThat(sla.durations(TaskState.ASSIGNED, 2, 4).warningIso()).isEqualTo("PT8H");
    String table = classpathText("dmn/state-sla.dmn");
    String changed = table.replace(
        "<outputEntry id=\"LiteralExpression_AssignedWarning\"><text>8</text>",
        "<outputEntry id=\"LiteralExpression_AssignedWarning\"><text>6.5</text>");
    assertThat(changed).isNotEqualTo(table);

    repositoryService.createDeployment().name("state-sla-changed")
        .addString("state-sla.dmn", changed).deploy();

    assertThat(sla.durations(TaskState.ASSIGNED, 2, 4).warningIso()).isEqualTo("PT6H30M");

    removeModifiedTable();
    assertThat(sla.durations(TaskState.ASSIGNED, 2, 4).warningIso()).as("back to the file's table").isEqualTo("PT8H");
  }

  @Test
  void recordsEachThresholdOncePerEntryIntoAState() {
    WorkItem task = SlaFixtures.assignedTask(workItems, 4);
    Instant entered = Instant.parse("2026-11-24T09:00:00Z");
    Instant due = entered.plus(8, ChronoUnit.HOURS);

    boolean first = sla.record(task.id(), TaskState.ASSIGNED, SlaEventKind.WARNING, entered, due, "pi-1");
    boolean retry = sla.record(task.id(), TaskState.ASSIGNED, SlaEventKind.WARNING, entered, due, "pi-1");
    boolean nextEntry = sla.record(task.id(), TaskState.ASSIGNED, SlaEventKind.WARNING,
        entered.plus(1, ChronoUnit.DAYS), due.plus(1, ChronoUnit.DAYS), "pi-1");

    assertThat(first).isTrue();
    assertThat(retry).isFalse();
    assertThat(nextEntry).as("the same state entered again is a new entry").isTrue();
    assertThat(sla.eventsOf(task.id())).hasSize(2).allSatisfy(e -> {
      assertThat(e.kind()).isEqualTo(SlaEventKind.WARNING);
      assertThat(e.forStandup()).isTrue();
      assertThat(e.instructionKey()).isEqualTo(task.instructionKey());
      assertThat(e.taskKey()).isEqualTo("TT1.1");
    });
  }

  private static String classpathText(String path) throws IOException {
    try (InputStream in = SlaServiceTest.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
