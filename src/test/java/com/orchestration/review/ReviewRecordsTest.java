package com.orchestration.review;

import static com.orchestration.lifecycle.LifecycleDriver.frontendTask;
import static com.orchestration.lifecycle.WorkItemDrafts.newInstructionKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orchestration.OrchestrationTest;
import com.orchestration.lifecycle.LifecycleDriver;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Review records written by the gates of the real task-lifecycle (peer review, domain approval), the first-time
 * approval rate, and GET /api/reviews.
 */
@OrchestrationTest
class ReviewRecordsTest {

  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};

  @Autowired LifecycleDriver driver;
  @Autowired ReviewService reviews;
  @Autowired WorkItemService workItems;
  @Autowired TestRestTemplate rest;

  final List<WorkItem> created = new ArrayList<>();

  @BeforeEach
  void fixTheClock() {
    driver.startClock();
  }

  @AfterEach
  void cancelLeftovers() {
    driver.cleanUp(created);
  }

  String assignee(WorkItem item) {
    return (String) driver.variable(item, "assignee");
  }


  void submit(WorkItem item) {
    Map<String, Object> v = new HashMap<>();
    v.put("workOutcome", "submit");
    v.put("summary", "Order history page with cursor pagination");
    v.put("testsRun", "12 component tests: all green");
    v.put("hoursSpent", 2.5);
    driver.complete(item, "Task_DoWork", assignee(item), v);
  }

  @Test
  void everyPeerAndDomainDecisionIsRecordedWithRoundFindingsAndDuration() {
    // Given a tier-2 frontend task submitted for review
    WorkItem item = driver.plan(2, frontendTask(newInstructionKey(), "TT1")).get(0);
    created.add(item);
    String author = assignee(item);
    driver.complete(item, "Task_StartWork", author, Map.of("workAccepted", true));
    submit(item);
    String peer = driver.task(item, "Task_ReviewCode").getAssignee();

    // When the author tries to review (refused), then the peer requests changes after 3 hours
    assertThat(peer).isNotEqualTo(author);
    assertThatThrownBy(() -> driver.complete(item, "Task_ReviewCode", author, Map.of("peerReviewOutcome", "approve")))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    assertThat(reviews.forWorkItem(item.id())).as("a refused completion records nothing").isEmpty();
    driver.advance(Duration.ofHours(3));
    driver.complete(item, "Task_ReviewCode", peer, Map.of("peerReviewOutcome", "changes",
        "reviewFindings", "LOW: rename the hook\nHIGH: no empty state"));
    // and after rework approves, and the DL approves
    submit(item);
    driver.complete(item, "Task_ReviewCode", peer, Map.of("peerReviewOutcome", "approve", "reviewFindings", ""));
    driver.complete(item, "Task_ApproveDomain", "fiona",
        Map.of("domainApprovalOutcome", "approve", "domainChecklistConfirmed", true));

    // Then three records, oldest first
    List<ReviewRecord> records = reviews.forWorkItem(item.id());
    assertThat(records).extracting(ReviewRecord::gate).containsExactly(ReviewGate.PEER_REVIEW,
        ReviewGate.PEER_REVIEW, ReviewGate.DOMAIN_APPROVAL);
    ReviewRecord changes = records.get(0);
    assertThat(changes.round()).isEqualTo(1);
    assertThat(changes.reviewer()).isEqualTo(peer);
    assertThat(changes.author()).isEqualTo(author);
    assertThat(changes.outcome()).isEqualTo("changes");
    assertThat(changes.findings()).isEqualTo("LOW: rename the hook\nHIGH: no empty state");
    assertThat(changes.findingCount()).isEqualTo(2);
    assertThat(changes.highestSeverity()).isEqualTo("HIGH");
    assertThat(changes.openedAt()).isEqualTo(LifecycleDriver.MONDAY_MORNING_PLUS_ONE);
    assertThat(changes.durationSeconds()).isEqualTo(3 * 3600);
    assertThat(changes.instructionKey()).isEqualTo(item.instructionKey());
    assertThat(changes.taskKey()).isEqualTo("TT1");
    assertThat(records.get(1).round()).isEqualTo(2);
    assertThat(records.get(1).outcome()).isEqualTo("approve");
    assertThat(records.get(1).findingCount()).isZero();
    assertThat(records.get(1).highestSeverity()).isNull();
    assertThat(records.get(2).reviewer()).isEqualTo("fiona");
    assertThat(records.get(2).round()).isEqualTo(1);

    // And the API lists them by instruction, reviewer and gate
    ResponseEntity<List<Map<String, Object>>> byInstruction = rest.withBasicAuth("tom", "demo")
        .exchange("/api/reviews?instructionKey=" + item.instructionKey(), HttpMethod.GET, null, LIST);
    assertThat(byInstruction.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(byInstruction.getBody()).extracting(m -> m.get("gate"))
        .containsExactly("domain-approval", "peer-review", "peer-review");
    ResponseEntity<List<Map<String, Object>>> byGate = rest.withBasicAuth("tom", "demo").exchange(
        "/api/reviews?instructionKey=" + item.instructionKey() + "&reviewer=fiona&gate=domain-approval",
        HttpMethod.GET, null, LIST);
    assertThat(byGate.getBody()).singleElement().satisfies(m -> assertThat(m.get("outcome")).isEqualTo("approve"));
    // And the task view has a reviews section
    ResponseEntity<Map<String, Object>> view = rest.withBasicAuth("tom", "demo").exchange(
        "/api/tasks/" + item.instructionKey() + "/TT1", HttpMethod.GET, null, OBJECT);
    assertThat(view.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((List<?>) ((Map<?, ?>) view.getBody().get("sections")).get("reviews")).hasSize(3);
  }

  @Test
  void theDomainLeadsEscalationIsRecordedAsEscalate() {
    WorkItem item = driver.plan(2, frontendTask(newInstructionKey(), "TT1")).get(0);
    created.add(item);
    driver.complete(item, "Task_StartWork", assignee(item), Map.of("workAccepted", true));
    submit(item);
    driver.complete(item, "Task_ReviewCode", driver.task(item, "Task_ReviewCode").getAssignee(),
        Map.of("peerReviewOutcome", "approve"));
    driver.complete(item, "Task_ApproveDomain", "fiona",
        Map.of("domainApprovalOutcome", "escalate", "domainReviewNotes", "Touches the checkout contract"));

    assertThat(reviews.forWorkItem(item.id())).last().satisfies(r -> {
      assertThat(r.gate()).isEqualTo(ReviewGate.DOMAIN_APPROVAL);
      assertThat(r.outcome()).isEqualTo("escalate");
    });
  }

  @Test
  void firstTimeApprovalRateCountsTheFirstPeerReviewOfTheAuthorsLastTenTasks() {
    // Given an author with 11 reviewed tasks: the oldest approved first time, then 4 of the newest 10
    String author = "ftar-" + System.nanoTime();
    assertThat(reviews.firstTimeApprovalRate(author).rate()).isNull();
    String ins = newInstructionKey();
    Instant opened = LifecycleDriver.MONDAY_MORNING_PLUS_ONE;
    for (int i = 1; i <= 11; i++) {
      WorkItem task = workItems.create(frontendTask(ins, "TT" + i), "tom", "rate test");
      boolean firstApproves = i == 1 || i % 3 == 0; // 1, 3, 6, 9: 3 of tasks 2..11 approve first time
      peerReview(task, author, firstApproves ? "approve" : "changes", opened);
      if (!firstApproves) {
        peerReview(task, author, "approve", opened); // a later approval does not make it first-time
      }
    }
    // When / Then: tasks 2..11 count; 3, 6, 9 approved first time
    FirstTimeApproval rate = reviews.firstTimeApprovalRate(author);
    assertThat(rate.reviewedTasks()).isEqualTo(10);
    assertThat(rate.approvedFirstTime()).isEqualTo(3);
    assertThat(rate.rate()).isEqualTo(0.3);
    ResponseEntity<Map<String, Object>> api = rest.withBasicAuth("tom", "demo")
        .exchange("/api/reviews/first-time-approval/" + author, HttpMethod.GET, null, OBJECT);
    assertThat(api.getBody()).containsEntry("rate", 0.3).containsEntry("reviewedTasks", 10);
  }

  void peerReview(WorkItem task, String author, String outcome, Instant opened) {
    reviews.record(new ReviewService.Decision(task.id(), task.instructionKey(), task.taskKey(),
        ReviewGate.PEER_REVIEW, "peer", author, outcome,
        "changes".equals(outcome) ? List.of(new Findings.Finding(Findings.Severity.MEDIUM, "fix it")) : List.of(),
        opened));
  }

  @Test
  void anUnknownGateIsA400NamingTheAllowedValues() {
    ResponseEntity<Map<String, Object>> response = rest.withBasicAuth("tom", "demo")
        .exchange("/api/reviews?gate=qa", HttpMethod.GET, null, OBJECT);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("field", "gate");
    assertThat((String) response.getBody().get("detail")).contains("'qa'")
        .contains("peer-review, domain-approval, cross-functional-qa, cross-functional-security, architecture-review");
  }

  @Test
  void readingReviewsNeedsAuthentication() {
    assertThat(rest.exchange("/api/reviews", HttpMethod.GET, null, OBJECT).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
