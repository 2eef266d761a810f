package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.WorkItemDrafts.newInstructionKey;
import static com.orchestration.lifecycle.WorkItemDrafts.tactical;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orchestration.OrchestrationTest;
import com.orchestration.organization.Domain;
import com.orchestration.organization.SkillLevel;
import com.orchestration.platform.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@OrchestrationTest
class WorkItemServiceTest {

  @Autowired WorkItemService service;
  @Autowired TransactionTemplate transactions;

  @Test
  void createsAPlanInPendingWithDependenciesAndACreationEntryPerTask() {
    String ins = newInstructionKey();

    List<WorkItem> created = service.createAll(List.of(
        tactical(ins, "TT1.1", Domain.BACKEND, 4),
        tactical(ins, "TT1.2", Domain.FRONTEND, 3, "TT1.1")), "tom", "tactical plan approved");

    assertThat(created).extracting(WorkItem::state).containsOnly(TaskState.PENDING);
    WorkItem second = service.get(ins, "TT1.2");
    assertThat(second.dependencies()).containsExactly("TT1.1");
    assertThat(second.requiredSkills()).containsEntry("java", SkillLevel.INTERMEDIATE);
    assertThat(second.niceToHaveSkills()).containsExactly("postgresql");
    assertThat(service.transitions(second.id())).singleElement().satisfies(t -> {
      assertThat(t.from()).isNull();
      assertThat(t.to()).isEqualTo(TaskState.PENDING);
      assertThat(t.actor()).isEqualTo("tom");
      assertThat(t.reason()).isEqualTo("tactical plan approved");
    });
  }

  @Test
  void refusesATacticalTaskLargerThanOneDayAndCreatesNothingOfThePlan() {
    String ins = newInstructionKey();

    assertThatThrownBy(() -> service.createAll(List.of(
        tactical(ins, "TT1.1", Domain.BACKEND, 4),
        tactical(ins, "TT1.2", Domain.BACKEND, 12)), "tom", "plan"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("12.0 h is more than one day")
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("tasks[1].estimate"));
    assertThat(service.ofInstruction(ins)).isEmpty();
  }

  @Test
  void refusesANonPositiveEstimateAnUnknownSkillAndAnUnknownDependencyNamingTheField() {
    String ins = newInstructionKey();
    WorkItem.Draft zero = tactical(ins, "TT1.1", Domain.BACKEND, 0);
    WorkItem.Draft rust = new WorkItem.Draft(ins, "TT1.1", TaskKind.TACTICAL, null, Domain.BACKEND, "Port it",
        null, null, 2, Complexity.SIMPLE, Priority.LOW, null, false, false, Map.of("rust-lang", SkillLevel.EXPERT),
        Set.of(), List.of());
    WorkItem.Draft dangling = tactical(ins, "TT1.1", Domain.BACKEND, 2, "TT9.9");

    assertThatThrownBy(() -> service.create(zero, "tom", "plan"))
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("tasks[0].estimate"));
    assertThatThrownBy(() -> service.create(rust, "tom", "plan"))
        .hasMessageContaining("rust-lang")
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("tasks[0].requiredSkills.rust-lang"));
    assertThatThrownBy(() -> service.create(dangling, "tom", "plan"))
        .hasMessageContaining("depends on 'TT9.9'")
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("tasks[0].dependencies"));
    assertThat(service.ofInstruction(ins)).isEmpty();
  }

  @Test
  void refusesADuplicateKeyInTheSameInstruction() {
    String ins = newInstructionKey();
    service.create(tactical(ins, "TT1.1", Domain.BACKEND, 2), "tom", "plan");

    assertThatThrownBy(() -> service.create(tactical(ins, "TT1.1", Domain.QA, 2), "tom", "plan"))
        .hasMessageContaining("'TT1.1' is used twice");
    assertThat(service.ofInstruction(ins)).hasSize(1);
  }

  @Test
  void writesTheNewStateAndALogRowNamingWhoAndWhy() {
    WorkItem item = service.create(tactical(newInstructionKey(), "TT1.1", Domain.BACKEND, 2), "tom", "plan");

    WorkItem assigned = service.transition(item, TaskState.ASSIGNED, "alice", "system", "skill 0.95, load 0.40");
    WorkItem started = service.transition(assigned.id(), TaskState.IN_PROGRESS, "alice", "claimed in Tasklist");

    assertThat(started.state()).isEqualTo(TaskState.IN_PROGRESS);
    assertThat(started.assignee()).isEqualTo("alice");
    assertThat(started.version()).isEqualTo(item.version() + 2);
    assertThat(service.transitions(item.id())).extracting(StateTransition::from, StateTransition::to,
            StateTransition::actor, StateTransition::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(null, TaskState.PENDING, "tom", "plan"),
            org.assertj.core.groups.Tuple.tuple(TaskState.PENDING, TaskState.ASSIGNED, "system", "skill 0.95, load 0.40"),
            org.assertj.core.groups.Tuple.tuple(TaskState.ASSIGNED, TaskState.IN_PROGRESS, "alice", "claimed in Tasklist"));
  }

  @Test
  void refusesATransitionTheSpecDoesNotAllowAndWritesNothing() {
    WorkItem item = service.create(tactical(newInstructionKey(), "TT1.1", Domain.BACKEND, 2), "tom", "plan");

    assertThatThrownBy(() -> service.transition(item.id(), TaskState.COMPLETED, "alice", "done"))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("cannot go from PENDING to COMPLETED")
        .hasMessageContaining("ASSIGNED");
    assertThat(service.get(item.id()).state()).isEqualTo(TaskState.PENDING);
    assertThat(service.transitions(item.id())).hasSize(1);
  }

  @Test
  void detectsThatSomeoneElseChangedTheTaskFirst() {
    WorkItem stale = service.create(tactical(newInstructionKey(), "TT1.1", Domain.BACKEND, 2), "tom", "plan");
    service.transition(stale, TaskState.ASSIGNED, "alice", "system", "first");

    assertThatThrownBy(() -> service.transition(stale, TaskState.ASSIGNED, "ben", "system", "second"))
        .isInstanceOf(ConcurrentChangeException.class)
        .hasMessageContaining("changed by someone else");
    assertThat(service.get(stale.id()).assignee()).isEqualTo("alice");
    assertThat(service.transitions(stale.id())).hasSize(2);
  }

  @Test
  void rollsBackStateAndLogTogetherWhenTheSurroundingTransactionFails() {
    WorkItem item = service.create(tactical(newInstructionKey(), "TT1.1", Domain.BACKEND, 2), "tom", "plan");

    assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
      service.transition(item, TaskState.ASSIGNED, "alice", "system", "assigned");
      throw new IllegalStateException("the engine transaction failed after the state change");
    })).hasMessageContaining("engine transaction failed");

    assertThat(service.get(item.id()).state()).isEqualTo(TaskState.PENDING);
    assertThat(service.transitions(item.id())).hasSize(1);
  }

  @Test
  void recordsProgressWithoutChangingTheState() {
    WorkItem item = service.create(tactical(newInstructionKey(), "TT1.1", Domain.BACKEND, 6), "tom", "plan");

    WorkItem progressed = service.recordProgress(item.id(), 2.5, 4.0);

    assertThat(progressed.hoursSpent()).isEqualTo(2.5);
    assertThat(progressed.remaining()).isEqualTo(4.0);
    assertThat(progressed.state()).isEqualTo(TaskState.PENDING);
    assertThatThrownBy(() -> service.recordProgress(item.id(), -1, null))
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("hoursSpent"));
  }
}
