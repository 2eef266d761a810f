package com.orchestration.review;

import static com.orchestration.lifecycle.WorkItemDrafts.newInstructionKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orchestration.OrchestrationTest;
import com.orchestration.lifecycle.LifecycleDriver;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.organization.Domain;
import com.orchestration.organization.SkillLevel;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * selectPeerReviewerDelegate and releaseReviewCapacityDelegate in a small process shaped like the lifecycle's review
 * step (select → "Review code" assigned to ${peerReviewer} → release), against the demo organisation's database.
 */
@OrchestrationTest
class PeerReviewerDelegatesTest {

  static final String PROCESS = "review-step-probe";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired WorkItemService workItems;
  @Autowired LifecycleDriver driver;
  @Autowired JdbcClient jdbc;

  @Autowired com.orchestration.capacity.CapacityService capacity;

  String deploymentId;
  final java.util.List<WorkItem> created = new java.util.ArrayList<>();

  @BeforeEach
  void deployProbe() {
    driver.startClock();
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("Task_SelectPeerReviewer").camundaDelegateExpression("${selectPeerReviewerDelegate}")
        .userTask("Task_ReviewCode").camundaAssignee("${peerReviewer}")
        .serviceTask("Task_ReleaseReviewCapacity").camundaDelegateExpression("${releaseReviewCapacityDelegate}")
        .endEvent().done();
    deploymentId = repository.createDeployment().addModelInstance(PROCESS + ".bpmn", model).deploy().getId();
  }

  @AfterEach
  void undeploy() {
    repository.deleteDeployment(deploymentId, true);
    // Leave no open review behind: other tests count review loads in the same database.
    for (WorkItem item : created) {
      workItems.transition(item.id(), TaskState.CANCELLED, "tom", "test cleanup");
      capacity.release(item.id());
    }
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
  }

  /** A data task (the data domain has 2 ICs: luis and mei), written by {@code author}, under review. */
  WorkItem dataTaskBy(String author, double estimate) {
    WorkItem draftItem = workItems.create(new WorkItem.Draft(newInstructionKey(), "TT1",
        com.orchestration.lifecycle.TaskKind.TACTICAL, null, Domain.DATA, "Add an index on orders.created_at", "",
        "p95 < 50 ms", estimate, com.orchestration.lifecycle.Complexity.SIMPLE,
        com.orchestration.lifecycle.Priority.NORMAL, null, false, false, Map.of("sql", SkillLevel.INTERMEDIATE),
        null, null), "tom", "delegate test");
    WorkItem assigned = workItems.transition(draftItem, TaskState.ASSIGNED, author, "tom", "test");
    workItems.transition(assigned.id(), TaskState.IN_PROGRESS, author, "test");
    WorkItem underReview = workItems.transition(assigned.id(), TaskState.UNDER_REVIEW, author, "test");
    created.add(underReview);
    return underReview;
  }

  ProcessInstance start(WorkItem item, String preferred) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("workItemId", item.id());
    if (preferred != null) {
      vars.put("preferredReviewer", preferred);
    }
    return runtime.startProcessInstanceByKey(PROCESS, item.instructionKey(), vars);
  }

  Double reviewHours(WorkItem item, String person) {
    return jdbc.sql("select hours from capacity_reservation where work_item_id = ? and person_id = ? and kind = 'REVIEW'")
        .params(item.id(), person).query(Double.class).optional().orElse(null);
  }

  @Test
  void theOtherDataIcReviewsWithAReservationThatIsReleasedAfterTheReview() {
    WorkItem item = dataTaskBy("mei", 8);
    ProcessInstance pi = start(item, null);

    assertThat(runtime.getVariable(pi.getId(), "peerReviewer")).isEqualTo("luis");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getAssignee()).isEqualTo("luis");
    assertThat(reviewHours(item, "luis")).isEqualTo(0.8);

    tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId());
    assertThat(reviewHours(item, "luis")).isNull();
  }

  @Test
  void aShortTaskStillReservesHalfAnHourOfReview() {
    WorkItem item = dataTaskBy("mei", 2);
    start(item, null);
    assertThat(reviewHours(item, "luis")).isEqualTo(0.5);
  }

  @Test
  void anOpenReviewCountsInTheLoadSoTheNextReviewGoesToTheLessBusyPeer() {
    // Given luis already reviews a task of mei's, and a third author's task could go to luis or mei
    WorkItem first = dataTaskBy("mei", 4);
    start(first, null);
    assertThat(reviewHours(first, "luis")).isNotNull();
    // When a task by someone outside the pair needs a reviewer, mei (0 open reviews) beats luis (1) despite the id
    WorkItem second = dataTaskBy("dana", 4);
    ProcessInstance pi = start(second, null);
    assertThat(runtime.getVariable(pi.getId(), "peerReviewer")).isEqualTo("mei");
  }

  @Test
  void anIneligibleChoiceOfTheAuthorIsRefusedAndNothingIsReserved() {
    WorkItem item = dataTaskBy("mei", 4);
    assertThatThrownBy(() -> start(item, "alice"))
        .hasMessageContaining("'alice' cannot review").hasMessageContaining("not an IC of data")
        .hasMessageContaining("eligible peers: luis");
    assertThat(reviewHours(item, "alice")).isNull();
  }
}
