package com.orchestration.insight;

import static com.orchestration.insight.CriticalPathFixtures.tactical;
import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import com.orchestration.insight.SlipRepository.Slip;
import com.orchestration.lifecycle.HeartbeatRequest;
import com.orchestration.lifecycle.HeartbeatService;
import com.orchestration.lifecycle.LifecycleDriver;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.organization.Domain;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Slip detection (SPEC §10.2) driven the way production drives it: heartbeats commit, the check runs after the
 * commit. A slip > 20 % opens exactly one scope review and one domain-leads announcement however often it is checked;
 * after the EM accepts a new baseline only a further slip beyond it opens another.
 *
 * <pre>
 * tier 3: TT1 backend, estimate 4, alice IN_PROGRESS → TT2 backend, estimate 4, unassigned   (factors exactly 1.0)
 * original 8; a heartbeat "2 spent, 5 left" projects 2 + 5 + 4 = 11: +37.5 %
 * </pre>
 */
@OrchestrationTest
class SlipDetectionTest {

  @Autowired CriticalPathFixtures fixtures;
  @Autowired SlipCheckTrigger trigger;
  @Autowired SlipDetection detection;
  @Autowired CriticalPathService criticalPaths;
  @Autowired HeartbeatService heartbeats;
  @Autowired LifecycleDriver driver;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;

  String key;
  boolean checksWere;

  @BeforeEach
  void seed() {
    checksWere = trigger.enabled(true);
    ClockUtil.setCurrentTime(java.util.Date.from(CriticalPathFixtures.TUESDAY_9));
    fixtures.calibrate("alice", Domain.BACKEND, 1.0);
    key = fixtures.instruction(3, "Order export");
    Map<String, WorkItem> items = fixtures.create(tactical(key, "TT1", null, Domain.BACKEND, 4),
        tactical(key, "TT2", null, Domain.BACKEND, 4, "TT1"));
    fixtures.start(items.get("TT1"), "alice", 0, null);
  }

  @AfterEach
  void cleanUp() {
    fixtures.cleanUp();
    trigger.enabled(checksWere);
  }

  private void heartbeat(double spent, double remaining) {
    heartbeats.record(key, "TT1", new HeartbeatRequest(30, spent, remaining, "slower than planned"), "alice");
  }

  private long announcements() {
    return jdbc.sql("select count(*) from announcement where channel = 'domain-leads' and type = 'priority_change' "
        + "and subject like ?").param("%" + key + "%").query(Long.class).single();
  }

  private long scopeReviews() {
    return runtime.createProcessInstanceQuery().processDefinitionKey(ScopeReviewVariables.PROCESS_KEY)
        .processInstanceBusinessKey(key).count();
  }

  private List<Task> reviewTasks() {
    return tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey("Task_ReviewScope").list();
  }

  @Test
  void checksRunningAtTheSameTimeOpenOneSlip() throws Exception {
    // Given the projection slipped while the checks were off (as if two nodes had committed progress at once)
    trigger.enabled(false);
    heartbeat(2, 5);
    assertThat(detection.slipsOf(key)).isEmpty();

    // When four checks run at the same moment
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(4);
    List<java.util.concurrent.Future<Boolean>> opened = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      opened.add(pool.submit(() -> {
        start.await();
        try {
          return detection.check(key).isPresent();
        } catch (org.springframework.dao.DataAccessException e) {
          // a loser may meet the winner's unique slip number or lock; it must open nothing (anything else fails)
          return false;
        }
      }));
    }
    int winners = 0;
    for (java.util.concurrent.Future<Boolean> f : opened) {
      winners += f.get(60, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
    }
    pool.shutdown();

    // Then exactly one slip, one scope review, one announcement
    assertThat(winners).isEqualTo(1);
    assertThat(detection.slipsOf(key)).hasSize(1);
    assertThat(scopeReviews()).isEqualTo(1);
    assertThat(announcements()).isEqualTo(1);
  }

  @Test
  void onTrackNothingIsOpened() {
    heartbeat(1, 3);

    assertThat(criticalPaths.of(key).slipRatio()).isEqualTo(0.0);
    assertThat(detection.slipsOf(key)).isEmpty();
    assertThat(scopeReviews()).isZero();
  }

  @Test
  void aSlipOpensOneScopeReviewAndOneAnnouncementHoweverOftenItIsChecked() {
    heartbeat(2, 5);

    List<Slip> slips = detection.slipsOf(key);
    assertThat(slips).hasSize(1);
    Slip slip = slips.get(0);
    assertThat(slip.state()).isEqualTo("OPEN");
    assertThat(List.of(slip.originalHours(), slip.baselineHours(), slip.projectedHours(), slip.slipRatio()))
        .containsExactly(8.0, 8.0, 11.0, 0.375);
    assertThat(slip.path()).containsExactly("TT1", "TT2");
    assertThat(slip.domains()).containsExactly("backend");
    assertThat(slip.ruleId()).isEqualTo("rule_slipBeyondThreshold");
    assertThat(scopeReviews()).isEqualTo(1);
    assertThat(slip.processInstanceId()).isEqualTo(runtime.createProcessInstanceQuery()
        .processDefinitionKey(ScopeReviewVariables.PROCESS_KEY).processInstanceBusinessKey(key).singleResult()
        .getId());
    List<Task> review = reviewTasks();
    assertThat(review).hasSize(1);
    assertThat(tasks.getIdentityLinksForTask(review.get(0).getId()))
        .anyMatch(link -> "engineering-managers".equals(link.getGroupId()));
    assertThat(announcements()).isEqualTo(1);
    String message = jdbc.sql("select message from announcement where channel = 'domain-leads' and subject like ?")
        .param("%" + key + "%").query(String.class).single();
    assertThat(message).contains("projected at 11.0 h against a baseline of 8.0 h", "+38 %", "TT1 → TT2");
    assertThat(criticalPaths.of(key).scopeReview().state()).isEqualTo("OPEN");

    // Checked again and again: after another heartbeat, and directly, twice.
    heartbeat(3, 6);
    assertThat(detection.check(key)).isEmpty();
    assertThat(detection.check(key)).isEmpty();

    assertThat(detection.slipsOf(key)).hasSize(1);
    assertThat(scopeReviews()).isEqualTo(1);
    assertThat(reviewTasks()).hasSize(1);
    assertThat(announcements()).isEqualTo(1);
  }

  @Test
  void afterTheEmAcceptsOnlyAFurtherSlipBeyondTheNewBaselineOpensAnotherReview() {
    heartbeat(2, 5);
    Task review = reviewTasks().get(0);
    driver.asUser("erin", () -> tasks.complete(review.getId(), Map.of(ScopeReviewVariables.SCOPE_DECISION, "accept",
        ScopeReviewVariables.SCOPE_DECISION_REASON, "the export format grew; the customer agreed")));

    assertThat(detection.slipsOf(key)).extracting(Slip::state).containsExactly("ACCEPTED");
    CriticalPath accepted = criticalPaths.of(key);
    assertThat(accepted.baselineHours()).isEqualTo(11.0);
    assertThat(accepted.originalHours()).isEqualTo(8.0);
    assertThat(accepted.slipRatio()).isEqualTo(0.0);

    // 3 + 6 + 4 = 13 against 11: +18 %, within the threshold.
    heartbeat(3, 6);
    assertThat(detection.slipsOf(key)).hasSize(1);

    // 3 + 7.5 + 4 = 14.5 against 11: +31.8 %.
    heartbeat(3, 7.5);
    List<Slip> slips = detection.slipsOf(key);
    assertThat(slips).extracting(Slip::state).containsExactly("ACCEPTED", "OPEN");
    assertThat(slips.get(1).slipNumber()).isEqualTo(2);
    assertThat(slips.get(1).baselineHours()).isEqualTo(11.0);
    assertThat(slips.get(1).projectedHours()).isEqualTo(14.5);
    assertThat(slips.get(1).slipRatio()).isEqualTo(0.318);
    assertThat(announcements()).isEqualTo(2);
    assertThat(scopeReviews()).isEqualTo(1);
  }

  @Test
  void withChecksSwitchedOffCommitsCheckNothingButADirectCheckStillFinds() {
    trigger.enabled(false);
    heartbeat(2, 5);
    assertThat(detection.slipsOf(key)).isEmpty();

    assertThat(detection.check(key)).map(Slip::projectedHours).contains(11.0);
    assertThat(scopeReviews()).isEqualTo(1);
  }

  @Test
  void endedAndSmallInstructionsAreNotChecked() {
    jdbc.sql("update instruction set state = 'COMPLETED' where instruction_key = ?").param(key).update();
    heartbeat(2, 5);
    assertThat(detection.slipsOf(key)).isEmpty();

    jdbc.sql("update instruction set state = 'EXECUTING', tier = 1 where instruction_key = ?").param(key).update();
    heartbeat(2, 6);
    assertThat(criticalPaths.of(key).slipRatio()).isEqualTo(0.5);
    assertThat(criticalPaths.of(key).slipping()).as("tier 1: rule_smallInstruction").isFalse();
    assertThat(detection.slipsOf(key)).isEmpty();
    assertThat(scopeReviews()).isZero();
  }
}
