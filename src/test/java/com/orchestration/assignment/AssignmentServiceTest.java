package com.orchestration.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orchestration.OrchestrationTest;
import com.orchestration.lifecycle.Complexity;
import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.StateTransition;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.organization.Domain;
import com.orchestration.organization.SkillLevel;
import com.orchestration.platform.ConflictException;
import com.orchestration.platform.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Assignment against the demo organisation's security domain (kofi senior, elena mid, raj junior) on H2. */
@OrchestrationTest
class AssignmentServiceTest {

  private static final AtomicInteger KEYS = new AtomicInteger(800);
  private static final Instant TUESDAY = Instant.parse("2026-11-24T09:00:00Z");

  @Autowired AssignmentService assignments;
  @Autowired WorkItemService workItems;
  @Autowired JdbcClient jdbc;

  private final List<Long> created = new ArrayList<>();

  @BeforeEach
  void fixTheClock() {
    ClockUtil.setCurrentTime(Date.from(TUESDAY));
  }

  @AfterEach
  void cleanUp() {
    for (long id : created) {
      WorkItem item = workItems.get(id);
      if (item.state() != TaskState.CANCELLED) {
        workItems.transition(id, TaskState.CANCELLED, "test", "clean up");
      }
      jdbc.sql("delete from capacity_reservation where work_item_id = ?").param(id).update();
    }
    jdbc.sql("update domain_loan set returned_at = current_timestamp where lent_by = 'assignment-test'").update();
    ClockUtil.reset();
  }

  @Test
  void assignsThePendingTaskToTheBestEligibleIcAndRecordsWhy() {
    WorkItem item = task(Map.of("threat-modeling", SkillLevel.ADVANCED, "penetration-testing", SkillLevel.EXPERT),
        Set.of("python"), Complexity.HIGH);

    AssignmentResult result = assignments.assign(item.id(), "bruno");

    assertThat(result.outcome()).isEqualTo(AssignmentResult.Outcome.ASSIGNED);
    assertThat(result.assignee()).isEqualTo("kofi");
    assertThat(result.rationale()).isEqualTo("skill 0.96, load 0.00, fit 1.0 — only eligible candidate");
    assertThat(workItems.get(item.id())).satisfies(i -> {
      assertThat(i.state()).isEqualTo(TaskState.ASSIGNED);
      assertThat(i.assignee()).isEqualTo("kofi");
    });
    assertThat(assignments.history(item.id())).singleElement().satisfies(row -> {
      assertThat(row.assignee()).isEqualTo("kofi");
      assertThat(row.skillMatch()).isEqualTo(0.96); // 0.8 · (0.9 + 1.0) / 2 + 0.2 · 1/1
      assertThat(row.complexityFit()).isEqualTo(1.0);
      assertThat(row.learningOpportunity()).isZero();
      assertThat(row.recentPerformance()).isEqualTo(0.5);
      assertThat(row.score()).isEqualTo(0.859); // 0.40·0.96 + 0.25·1.0 + 0.20·1.0 + 0 + 0.05·0.5
      assertThat(row.runnerUp()).isNull();
      assertThat(row.decidedBy()).isEqualTo("bruno");
      assertThat(row.supersededAt()).isNull();
    });
    assertThat(reservations(item.id())).containsExactly("kofi");
    List<StateTransition> log = workItems.transitions(item.id());
    assertThat(log.get(log.size() - 1).reason()).isEqualTo(result.rationale());
  }

  @Test
  void nobodyEligibleLeavesTheTaskPendingWithEveryCandidateAndWhy() {
    WorkItem item = task(Map.of("kafka", SkillLevel.EXPERT), Set.of(), Complexity.MODERATE);

    AssignmentResult result = assignments.assign(item.id(), "bruno");

    assertThat(result.noEligibleCandidate()).isTrue();
    assertThat(result.excluded()).extracting(Exclusion::personId).containsExactly("elena", "kofi", "raj");
    assertThat(result.exclusionSummary()).contains("kofi: missing skill kafka (needs expert)");
    assertThat(workItems.get(item.id()).state()).isEqualTo(TaskState.PENDING);
    assertThat(reservations(item.id())).isEmpty();
    assertThat(assignments.history(item.id())).isEmpty();
  }

  @Test
  void anIcLentToTheDomainIsACandidate() {
    jdbc.sql("insert into domain_loan (person_id, domain, lent_at, lent_by) values ('mei', 'security', ?, "
        + "'assignment-test')").param(java.sql.Timestamp.from(TUESDAY)).update();

    AssignmentPreview preview = assignments.preview(attributes(Map.of("spark", SkillLevel.ADVANCED), Set.of(),
        Complexity.MODERATE));

    assertThat(preview.wouldAssign()).isEqualTo("mei");
    assertThat(preview.ranked()).singleElement().satisfies(c -> {
      assertThat(c.lent()).isTrue();
      assertThat(c.domain()).isEqualTo("data");
    });
  }

  @Test
  void someoneUnavailableTodayIsExcludedWithTheReason() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-24T09:00:00Z")));

    AssignmentPreview preview = assignments.preview(attributes(Map.of("security", SkillLevel.INTERMEDIATE),
        Set.of(), Complexity.SIMPLE));

    assertThat(preview.ranked()).extracting(ScoredCandidate::personId).doesNotContain("elena");
    assertThat(preview.excluded()).filteredOn(e -> e.personId().equals("elena")).singleElement()
        .satisfies(e -> assertThat(e.reasons()).contains("unavailable today (2026-12-24)"));
  }

  @Test
  void reassignmentMovesTheTaskAndItsCapacityAndClosesTheOldDecision() {
    WorkItem item = task(Map.of("security", SkillLevel.INTERMEDIATE), Set.of(), Complexity.SIMPLE);
    String first = assignments.assign(item.id(), "sara").assignee();
    String other = first.equals("raj") ? "kofi" : "raj";

    AssignmentResult moved = assignments.reassign(item.id(), other, "sara", "balancing the team");

    assertThat(moved.assignee()).isEqualTo(other);
    assertThat(workItems.get(item.id()).assignee()).isEqualTo(other);
    assertThat(reservations(item.id())).containsExactly(other);
    List<AssignmentRecord> history = assignments.history(item.id());
    assertThat(history).hasSize(2);
    assertThat(history.get(0).supersededAt()).isNotNull();
    assertThat(history.get(1).supersededAt()).isNull();
    assertThat(history.get(1).rationale()).contains("reassigned from " + first + " by sara: balancing the team");
  }

  @Test
  void reassignmentRefusesAnUnknownPersonAndAnIneligibleIcByName() {
    WorkItem item = task(Map.of("owasp", SkillLevel.ADVANCED), Set.of(), Complexity.SIMPLE);
    assertThat(assignments.assign(item.id(), "sara").assignee()).isEqualTo("kofi");

    assertThatThrownBy(() -> assignments.reassign(item.id(), "nobody", "sara", "why not"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Unknown person 'nobody'");
    assertThatThrownBy(() -> assignments.reassign(item.id(), "raj", "sara", "why not"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("raj cannot take task")
        .hasMessageContaining("skill owasp is intermediate, needs advanced");
    assertThat(reservations(item.id())).as("nothing changed").containsExactly("kofi");
  }

  @Test
  void aTaskThatIsNotPendingIsNotAssignedAgain() {
    WorkItem item = task(Map.of("owasp", SkillLevel.ADVANCED), Set.of(), Complexity.SIMPLE);
    assignments.assign(item.id(), "sara");

    assertThatThrownBy(() -> assignments.assign(item.id(), "sara"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("only a PENDING task is assigned");
  }

  private WorkItem task(Map<String, SkillLevel> required, Set<String> nice, Complexity complexity) {
    String instruction = "INS-20261124-" + KEYS.getAndIncrement();
    WorkItem item = workItems.create(new WorkItem.Draft(instruction, "TT1.1", TaskKind.TACTICAL, null,
        Domain.SECURITY, "Security task", null, null, 4, complexity, Priority.NORMAL, null, true, false, required,
        nice, List.of()), "test", "created by AssignmentServiceTest");
    created.add(item.id());
    return item;
  }

  private static TaskAttributes attributes(Map<String, SkillLevel> required, Set<String> nice,
      Complexity complexity) {
    return new TaskAttributes(Domain.SECURITY, new java.util.TreeMap<>(required), new java.util.TreeSet<>(nice),
        complexity, Priority.NORMAL, 4, null);
  }

  private List<String> reservations(long workItemId) {
    return jdbc.sql("select person_id from capacity_reservation where work_item_id = ? order by person_id")
        .param(workItemId).query(String.class).list();
  }
}
