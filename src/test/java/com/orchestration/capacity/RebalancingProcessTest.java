package com.orchestration.capacity;

import static com.orchestration.lifecycle.WorkItemDrafts.newInstructionKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.orchestration.OrchestrationTest;
import com.orchestration.assignment.AssignmentPreview;
import com.orchestration.assignment.AssignmentService;
import com.orchestration.assignment.ScoredCandidate;
import com.orchestration.assignment.TaskAttributes;
import com.orchestration.capacity.RebalancingRecords.Proposal;
import com.orchestration.communication.Announcement;
import com.orchestration.communication.AnnouncementService;
import com.orchestration.communication.AnnouncementType;
import com.orchestration.lifecycle.Complexity;
import com.orchestration.lifecycle.LifecycleDriver;
import com.orchestration.lifecycle.LifecycleService;
import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.organization.Domain;
import com.orchestration.organization.SkillLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * BPMN capacity-rebalancing end to end (SPEC §8.5) with real tasks, lifecycles and assignment: an IC pushed over
 * the cap starts one rebalancing after the commit, the DL approves / edits / rejects, moves go through the lifecycle's
 * reassign message, auto mode, and the TL's lend and defer options for an overloaded domain. Job executor off: the
 * test runs the async "Propose moves" job itself.
 */
@OrchestrationTest
@SuppressWarnings("unchecked")
class RebalancingProcessTest {

  static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};
  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  @Autowired LifecycleDriver driver;
  @Autowired LifecycleService lifecycle;
  @Autowired WorkItemService workItems;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired CapacityService capacity;
  @Autowired AssignmentService assignment;
  @Autowired AnnouncementService announcements;
  @Autowired RebalancingService rebalancing;
  @Autowired RebalancingStarter starter;
  @Autowired RebalancingProperties properties;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;

  final List<WorkItem> created = new ArrayList<>();

  @BeforeEach
  void setUp() {
    driver.startClock();
    properties.auto(false);
    // Other test classes of this context may have pushed a domain over a threshold and left an instance waiting at
    // its first (async) step: this test starts from none.
    deleteRebalancings();
  }

  @AfterEach
  void cleanUp() {
    properties.auto(false);
    deleteRebalancings();
    jdbc.sql("update domain_loan set returned_at = lent_at, returned_by = 'test' where returned_at is null").update();
    // A rejection holds off event-started rebalancings of its domain for an hour of engine time (the clock is fixed
    // here): age this test's rejections so the cooldown does not reach the next test.
    jdbc.sql("update rebalancing_proposal set decided_at = timestamp '2000-01-01 00:00:00' where state = 'rejected'")
        .update();
    driver.cleanUp(created);
    deleteRebalancings();
  }

  private void deleteRebalancings() {
    runtime.createProcessInstanceQuery().processDefinitionKey(RebalancingVariables.PROCESS_KEY).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test cleanup"));
  }

  // ---------------------------------------------------------------------------------------------- fixtures

  private static WorkItem.Draft frontend(String ins, String key, Priority priority, double hours, SkillLevel level) {
    return new WorkItem.Draft(ins, key, TaskKind.TACTICAL, null, Domain.FRONTEND, "Checkout step " + key,
        "Build the step", "Keyboard accessible", hours, Complexity.MODERATE, priority, null, false, false,
        Map.of("typescript", level, "react", level), Set.of(), List.of());
  }

  /**
   * Lena at 1.20: three high-priority tasks only she can do (TypeScript and React advanced: 8 + 8 + 5.6 h = 0.90 of
   * her 24 h), then a low-priority one Marco could do too (7.2 h), moved to her by her lead. Returns the four.
   */
  private List<WorkItem> overloadLena() {
    String ins = newInstructionKey();
    List<WorkItem> items = driver.plan(2, frontend(ins, "TT1", Priority.HIGH, 8, SkillLevel.ADVANCED),
        frontend(ins, "TT2", Priority.HIGH, 8, SkillLevel.ADVANCED),
        frontend(ins, "TT3", Priority.HIGH, 5.6, SkillLevel.ADVANCED),
        frontend(ins, "TT4", Priority.LOW, 7.2, SkillLevel.INTERMEDIATE));
    created.addAll(items);
    assertThat(items.subList(0, 3)).extracting(WorkItem::assignee).containsOnly("lena");
    WorkItem low = items.get(3);
    if (!"lena".equals(low.assignee())) {
      lifecycle.requestReassign(ins, "TT4", "lena", "fiona", List.of("leads-frontend"), "Lena knows this flow");
    }
    assertThat(workItems.get(low.id()).assignee()).isEqualTo("lena");
    assertThat(capacity.workload("lena").workload()).as("lena's workload (is other work left on her?)")
        .isCloseTo(1.2, within(1e-9));
    return items.stream().map(i -> workItems.get(i.id())).toList();
  }

  private List<ProcessInstance> rebalancings(Domain domain) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(RebalancingVariables.PROCESS_KEY)
        .processInstanceBusinessKey(RebalancingVariables.businessKey(domain)).list();
  }

  /** Runs the instance's due jobs (the async "Propose moves"). */
  private void runJobs(ProcessInstance instance) {
    for (int i = 0; i < 10; i++) {
      List<Job> due = management.createJobQuery().processInstanceId(instance.getId()).executable().list();
      if (due.isEmpty()) {
        return;
      }
      management.executeJob(due.get(0).getId());
    }
  }

  private Task userTask(ProcessInstance instance, String key) {
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
    assertThat(task).as("user task %s", key).isNotNull();
    return task;
  }

  private void complete(Task task, String user, Map<String, Object> variables) {
    driver.asUser(user, () -> tasks.complete(task.getId(), variables));
  }

  private double reserved(WorkItem item, String person) {
    return jdbc.sql("select coalesce(sum(hours), 0) from capacity_reservation where work_item_id = ? and person_id = ?")
        .params(item.id(), person).query(Double.class).single();
  }

  private List<Announcement> announcementsOn(String channel, String reader, String instructionKey) {
    return announcements.channel(channel, reader, 0, null, 500).stream()
        .filter(a -> a.affectedInstructions().contains(instructionKey)).toList();
  }

  private long latestAnnouncementId() {
    return jdbc.sql("select coalesce(max(id), 0) from announcement").query(Long.class).single();
  }

  private Map<String, Object> overview(String user, String domain) {
    ResponseEntity<Map<String, Object>> response = rest.withBasicAuth(user, "demo")
        .exchange("/api/rebalancing?domain=" + domain, HttpMethod.GET, null, OBJECT);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  // ---------------------------------------------------------------------------------------------- team (DL)

  @Test
  void anIcPushedOverTheCapStartsOneRebalancingAndTheApprovedMoveReallyMovesTheTask() {
    // Given lena pushed to 1.20 by her lead's reassignment (an assignment event)
    List<WorkItem> items = overloadLena();
    WorkItem low = items.get(3);

    // Then one rebalancing of frontend was started after the commit
    List<ProcessInstance> started = rebalancings(Domain.FRONTEND);
    assertThat(started).hasSize(1);
    ProcessInstance instance = started.get(0);
    assertThat(runtime.getVariable(instance.getId(), "rebalancingTrigger")).isEqualTo("assignment");

    // When more triggers arrive while it is open: another event check, and fiona asking for a run now
    assertThat(starter.startAfterEvent(Domain.FRONTEND, "completion").started()).isFalse();
    ResponseEntity<List<Map<String, Object>>> run = rest.withBasicAuth("fiona", "demo")
        .exchange("/api/rebalancing/run?domain=frontend", HttpMethod.POST, null, LIST);

    // Then no second instance: the run names the open one
    assertThat(run.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(run.getBody()).singleElement().satisfies(r -> {
      assertThat(r).containsEntry("started", false).containsEntry("processInstanceId", instance.getId());
    });
    assertThat(rebalancings(Domain.FRONTEND)).hasSize(1);

    // When the proposal is computed (the async first step)
    runJobs(instance);

    // Then fiona's team gets "Rebalance team" with the low task moving to marco, the only other IC with the skills
    Task rebalanceTeam = userTask(instance, "Task_RebalanceTeam");
    assertThat(tasks.getIdentityLinksForTask(rebalanceTeam.getId())).extracting(IdentityLink::getGroupId)
        .contains("leads-frontend");
    assertThat((String) runtime.getVariable(instance.getId(), "proposedMoves")).isEqualTo(
        "TT4 (" + low.instructionKey() + ") lena → marco: lena 1.20 → 0.90 (cap 1.10), low priority; marco 0.00 → 0.40");
    assertThat((String) runtime.getVariable(instance.getId(), "proposalText"))
        .contains("**lena** at 1.20").contains("- lena: 1.20 → 0.90").contains("- marco: 0.00 → 0.40");
    Map<String, Object> open = overview("alice", "frontend");
    assertThat((List<Map<String, Object>>) open.get("open")).singleElement()
        .satisfies(p -> assertThat(p).containsEntry("state", "proposed").containsEntry("kind", "team"));

    // When fiona approves
    complete(rebalanceTeam, "fiona", Map.of("teamDecision", "approve"));

    // Then the task is marco's, with its capacity; lena is back at the cap's edge; marco's lifecycle waits for him
    WorkItem moved = workItems.get(low.id());
    assertThat(moved.assignee()).isEqualTo("marco");
    assertThat(moved.state()).isEqualTo(TaskState.ASSIGNED);
    assertThat(reserved(low, "lena")).isZero();
    assertThat(reserved(low, "marco")).isEqualTo(7.2);
    assertThat(capacity.workload("lena").workload()).isCloseTo(0.90, within(1e-9));
    assertThat(capacity.workload("marco").workload()).isCloseTo(0.40, within(1e-9));
    assertThat(tasks.createTaskQuery().processInstanceId(low.processInstanceId()).taskDefinitionKey("Task_StartWork")
        .singleResult().getAssignee()).isEqualTo("marco");
    assertThat(workItems.transitions(low.id()).get(workItems.transitions(low.id()).size() - 1).reason())
        .contains("rebalancing #");
    // and the move was announced on the team channel, where lena, marco and fiona read it
    List<Announcement> posted = announcementsOn("frontend-team", "marco", low.instructionKey());
    assertThat(posted).filteredOn(a -> a.type() == AnnouncementType.RESOURCE_SHIFT).singleElement().satisfies(a -> {
      assertThat(a.subject()).isEqualTo("Rebalancing: TT4 (" + low.instructionKey() + ") lena → marco");
      assertThat(a.message()).contains("decided by fiona").contains("Lena Hoffmann (lena)")
          .contains("Marco Rossi (marco)");
      assertThat(a.author()).isEqualTo("system");
    });
    // and the proposal is history, applied, the process done (frontend as a whole is not overloaded)
    assertThat(rebalancings(Domain.FRONTEND)).isEmpty();
    Map<String, Object> after = overview("alice", "frontend");
    assertThat((List<?>) after.get("open")).isEmpty();
    assertThat((List<Map<String, Object>>) after.get("history")).first().satisfies(p -> assertThat(p)
        .containsEntry("state", "applied").containsEntry("decision", "approve").containsEntry("decidedBy", "fiona"));
  }

  @Test
  void anEditMovingATaskToAnIneligibleIcIsRefusedNamingTheLineAndAValidEditRuns() {
    // Given lena over the cap and fiona's "Rebalance team" task
    List<WorkItem> items = overloadLena();
    WorkItem low = items.get(3);
    WorkItem high = items.get(2);
    ProcessInstance instance = rebalancings(Domain.FRONTEND).get(0);
    runJobs(instance);
    Task rebalanceTeam = userTask(instance, "Task_RebalanceTeam");

    // When fiona moves the low task to yuki, whose TypeScript is beginner level
    String toYuki = "TT4 (" + low.instructionKey() + ") lena → yuki: yuki wants to learn";
    Map<String, Object> edit = new HashMap<>();
    edit.put("teamDecision", "edit");
    edit.put("editedMoves", "# my plan\n" + toYuki);

    // Then the completion is refused with the line and yuki's reason, and nothing moved
    assertThatThrownBy(() -> complete(rebalanceTeam, "fiona", edit))
        .hasMessageContaining("Line 2 (" + toYuki + "): yuki cannot take " + low.qualifiedKey())
        .hasMessageContaining("skill typescript is beginner, needs intermediate")
        .hasMessageContaining("[editedMoves]");
    assertThat(workItems.get(low.id()).assignee()).isEqualTo("lena");
    assertThat(userTask(instance, "Task_RebalanceTeam").getId()).isEqualTo(rebalanceTeam.getId());

    // When she moves a task that marco cannot do (advanced React) — the error names that line too
    edit.put("editedMoves", "TT3 (" + high.instructionKey() + ") lena → marco");
    assertThatThrownBy(() -> complete(rebalanceTeam, "fiona", edit))
        .hasMessageContaining("Line 1 (TT3 (" + high.instructionKey() + ") lena → marco): marco cannot take")
        .hasMessageContaining("skill react is intermediate, needs advanced");

    // When a valid edit follows
    edit.put("editedMoves", "TT4 (" + low.instructionKey() + ") lena -> marco: marco has room this week");
    edit.put("teamNote", "pairing with lena on Thursday");
    complete(rebalanceTeam, "fiona", edit);

    // Then it runs, recorded as edited with fiona's reason
    assertThat(workItems.get(low.id()).assignee()).isEqualTo("marco");
    Proposal proposal = rebalancing.overview(Domain.FRONTEND, 5).history().get(0);
    assertThat(proposal.state()).isEqualTo("applied");
    assertThat(proposal.decision()).isEqualTo("edit");
    assertThat(proposal.reason()).isEqualTo("pairing with lena on Thursday");
    assertThat(proposal.moves()).singleElement().satisfies(m -> {
      assertThat(m.to()).isEqualTo("marco");
      assertThat(m.reason()).isEqualTo("marco has room this week");
      assertThat(m.hours()).isEqualTo(7.2);
    });
    assertThat(proposal.proposedMoves()).singleElement().satisfies(m -> assertThat(m.to()).isEqualTo("marco"));
  }

  @Test
  void aRejectionNeedsAReasonMovesNothingAndOnlyTheDomainsLeadsMayDecide() {
    // Given lena over the cap and the proposal waiting
    List<WorkItem> items = overloadLena();
    ProcessInstance instance = rebalancings(Domain.FRONTEND).get(0);
    runJobs(instance);
    Task rebalanceTeam = userTask(instance, "Task_RebalanceTeam");

    // When the backend lead tries to decide (Camunda refuses: not a candidate), an admin (passes Camunda's task
    // authorization, but is no lead), or fiona rejects without a reason: refused
    assertThatThrownBy(() -> complete(rebalanceTeam, "bruno", Map.of("teamDecision", "approve")))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    assertThatThrownBy(() -> complete(rebalanceTeam, "admin", Map.of("teamDecision", "approve")))
        .hasMessageContaining("Only the frontend domain lead (or the tech lead, the engineering manager) decides");
    assertThatThrownBy(() -> complete(rebalanceTeam, "fiona", Map.of("teamDecision", "reject")))
        .hasMessageContaining("Say why you reject the proposal");

    // When fiona rejects with a reason
    complete(rebalanceTeam, "fiona", Map.of("teamDecision", "reject", "teamNote", "lena ships TT4 tomorrow"));

    // Then nothing moved and the proposal is rejected; another assignment event does not re-open it (cooldown)
    assertThat(workItems.get(items.get(3).id()).assignee()).isEqualTo("lena");
    assertThat(rebalancing.overview(Domain.FRONTEND, 5).history().get(0).state()).isEqualTo("rejected");
    assertThat(rebalancings(Domain.FRONTEND)).isEmpty();
    assertThat(starter.startAfterEvent(Domain.FRONTEND, "assignment").started()).isFalse();
    assertThat(rebalancings(Domain.FRONTEND)).isEmpty();
  }

  @Test
  void aTaskClosedInADomainThatIsStillOverloadedStartsARebalancingAfterTheCommit() {
    // Given a frontend task nobody holds yet (no lifecycle, so no assignment event), and lena pushed to 1.20
    String other = newInstructionKey();
    WorkItem waiting = workItems.create(frontend(other, "TT1", Priority.NORMAL, 2, SkillLevel.INTERMEDIATE), "tom",
        "test plan");
    created.add(waiting);
    overloadLena();
    // and the rebalancing her assignment started was cancelled by an operator (withdrawn, no cooldown)
    rebalancings(Domain.FRONTEND).forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "cancelled in Cockpit"));
    assertThat(rebalancings(Domain.FRONTEND)).isEmpty();

    // When the tech lead cancels the waiting task (a task of frontend closes; TaskClosedEvent in that transaction)
    lifecycle.requestCancel(other, "TT1", "tom", List.of("tech-leads"), "Dropped from the release");

    // Then, after the commit, the check of frontend finds lena still over the cap and starts one rebalancing
    assertThat(workItems.get(waiting.id()).state()).isEqualTo(TaskState.CANCELLED);
    List<ProcessInstance> started = rebalancings(Domain.FRONTEND);
    assertThat(started).hasSize(1);
    assertThat(runtime.getVariable(started.get(0).getId(), "rebalancingTrigger")).isEqualTo("completion");
  }

  @Test
  void aTaskClosedInADomainWithinItsCapStartsNothing() {
    // Given lena at 1.20 and the rebalancing her assignment started withdrawn
    List<WorkItem> items = overloadLena();
    rebalancings(Domain.FRONTEND).forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "cancelled in Cockpit"));

    // When her low-priority task is cancelled, which brings her back to 0.90
    lifecycle.requestCancel(items.get(3).instructionKey(), "TT4", "tom", List.of("tech-leads"), "Out of scope");

    // Then the check after the commit finds nobody over the cap: no rebalancing
    assertThat(capacity.workload("lena").workload()).isCloseTo(0.90, within(1e-9));
    assertThat(rebalancings(Domain.FRONTEND)).isEmpty();
  }

  @Test
  void aRebalancingCancelledInCockpitLeavesNoOpenProposal() {
    // Given fiona's open proposal
    overloadLena();
    ProcessInstance instance = rebalancings(Domain.FRONTEND).get(0);
    runJobs(instance);
    assertThat(rebalancing.overview(Domain.FRONTEND, 5).open()).hasSize(1);

    // When an operator cancels the instance
    runtime.deleteProcessInstance(instance.getId(), "cancelled in Cockpit");

    // Then the proposal is closed as withdrawn — not open, and not a rejection that would hold off the next run
    assertThat(rebalancing.overview(Domain.FRONTEND, 5).open()).isEmpty();
    Proposal withdrawn = rebalancing.overview(Domain.FRONTEND, 5).history().get(0);
    assertThat(withdrawn.state()).isEqualTo("rejected");
    assertThat(withdrawn.decision()).isEqualTo("withdrawn");
    assertThat(rebalancing.recentlyRejected(Domain.FRONTEND, java.time.Duration.ofHours(1))).isFalse();
  }

  @Test
  void inAutoModeTheProposalIsAppliedWithoutATask() {
    // Given orchestration.rebalancing.auto=true
    properties.auto(true);

    // When lena is pushed over the cap and the rebalancing runs
    List<WorkItem> items = overloadLena();
    WorkItem low = items.get(3);
    ProcessInstance instance = rebalancings(Domain.FRONTEND).get(0);
    runJobs(instance);

    // Then no DL task: the move ran, approved by system, announced
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(rebalancings(Domain.FRONTEND)).isEmpty();
    assertThat(workItems.get(low.id()).assignee()).isEqualTo("marco");
    assertThat(reserved(low, "marco")).isEqualTo(7.2);
    Proposal proposal = rebalancing.overview(Domain.FRONTEND, 5).history().get(0);
    assertThat(proposal.decision()).isEqualTo("auto");
    assertThat(proposal.decidedBy()).isEqualTo("system");
    assertThat(proposal.state()).isEqualTo("applied");
    assertThat(announcementsOn("frontend-team", "fiona", low.instructionKey()))
        .filteredOn(a -> a.type() == AnnouncementType.RESOURCE_SHIFT).singleElement()
        .satisfies(a -> assertThat(a.message()).contains("approved automatically"));
  }

  // ---------------------------------------------------------------------------------------------- domain (TL)

  /**
   * Data (mei, luis: 48 h over the horizon) at 1.00: strategic task ST1 with six 8 h tactical tasks needing Python
   * and SQL, three each. Returns ST1 first.
   */
  private List<WorkItem> overloadData() {
    String ins = newInstructionKey();
    List<WorkItem.Draft> drafts = new ArrayList<>();
    drafts.add(new WorkItem.Draft(ins, "ST1", TaskKind.STRATEGIC, null, Domain.DATA, "Order analytics pipeline",
        "Daily order facts", "Backfilled", 48, Complexity.MODERATE, Priority.NORMAL, null, false, false, Map.of(),
        Set.of(), List.of()));
    for (int i = 1; i <= 6; i++) {
      drafts.add(new WorkItem.Draft(ins, "TT1." + i, TaskKind.TACTICAL, "ST1", Domain.DATA, "Order facts part " + i,
          "Model and load", "dbt tests green", 8, Complexity.MODERATE, Priority.NORMAL, null, false, false,
          Map.of("python", SkillLevel.INTERMEDIATE, "sql", SkillLevel.INTERMEDIATE), Set.of(), List.of()));
    }
    List<WorkItem> items = new ArrayList<>(workItems.createAll(drafts, "tom", "test plan"));
    created.addAll(items);
    for (WorkItem item : items.subList(1, items.size())) {
      lifecycle.start(item.id(), 2, "Finance needs daily order facts");
    }
    List<WorkItem> reloaded = items.stream().map(i -> workItems.get(i.id())).toList();
    assertThat(reloaded.subList(1, 7)).extracting(WorkItem::assignee)
        .as("other load on the data team: %s", jdbc.sql("select r.person_id || ' ' || r.kind || ' ' || r.hours || ' '"
            + " || w.instruction_key || '/' || w.task_key || ' ' || w.state from capacity_reservation r"
            + " join work_item w on w.id = r.work_item_id where r.person_id in ('mei', 'luis')"
            + " and w.instruction_key <> ?").param(ins).query(String.class).list())
        .containsOnly("mei", "luis");
    assertThat(capacity.overview().domains()).filteredOn(d -> d.domain() == Domain.DATA).singleElement()
        .satisfies(d -> assertThat(d.utilisation()).as("data utilisation").isCloseTo(1.0, within(1e-9)));
    return reloaded;
  }

  private Task domainReview(ProcessInstance instance) {
    runJobs(instance);
    return userTask(instance, "Task_RebalanceDomains");
  }

  @Test
  void anOverloadedDomainBorrowsACrossSkilledIcWhoIsThenACandidateThereUntilReturned() {
    // Given data at 1.00 (no IC above the cap, the domain above 0.90)
    List<WorkItem> items = overloadData();
    TaskAttributes dataTask = TaskAttributes.of(items.get(1));
    assertThat(assignment.candidateIds(Domain.DATA)).doesNotContain("priya");

    // Then a rebalancing started, and the tech leads get "Rebalance domains" (no team proposal)
    List<ProcessInstance> started = rebalancings(Domain.DATA);
    assertThat(started).hasSize(1);
    Task review = domainReview(started.get(0));
    assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
        .contains("tech-leads");
    assertThat(runtime.getVariable(started.get(0).getId(), "icOverCap")).isEqualTo(false);
    assertThat(runtime.getVariable(started.get(0).getId(), "loanDays")).as("DMN loan-length's suggestion").isEqualTo(5);
    // offering priya: backend is idle and her Python and SQL pass the skill match for all six queued tasks
    String text = (String) runtime.getVariable(started.get(0).getId(), "domainReviewText");
    // (other test classes may have left not-started data tasks: priya fits every queued task, however many)
    assertThat(text).contains("**data** is at 1.00").containsPattern("priya — Priya Raman \\(backend, load 0.00\\): "
        + "skills fit (\\d+) of \\1 queued tasks").contains(items.get(0).qualifiedKey() + " (normal) Order analytics "
        + "pipeline — 6 tactical tasks not started");

    // When tom lends her for 5 days
    long announcedBefore = latestAnnouncementId();
    complete(review, "tom", Map.of("domainAction", "lend", "lendIc", "priya", "loanDays", 5));

    // Then priya is a candidate of data — ranked, marked lent — and the leads were told
    assertThat(assignment.candidateIds(Domain.DATA)).contains("priya");
    AssignmentPreview preview = assignment.preview(dataTask);
    assertThat(preview.ranked()).filteredOn(c -> c.personId().equals("priya")).singleElement()
        .satisfies(c -> assertThat(c.lent()).isTrue());
    List<Announcement> toLeads = announcements.channel("tech-leads", "tom", 0, null, 500).stream()
        .filter(a -> a.id() > announcedBefore && a.subject().startsWith("Lent: priya (backend) to data")).toList();
    assertThat(toLeads).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo(AnnouncementType.RESOURCE_SHIFT);
      assertThat(a.message()).contains("until 2026-11-29").contains("by tom");
    });
    Map<String, Object> overview = overview("tom", "data");
    List<Map<String, Object>> loans = (List<Map<String, Object>>) overview.get("loans");
    Map<String, Object> loan = loans.stream().filter(l -> "priya".equals(l.get("personId"))
        && l.get("returnedAt") == null).findFirst().orElseThrow();
    assertThat(loan).containsEntry("domain", "data").containsEntry("homeDomain", "backend")
        .containsEntry("lentBy", "tom").containsEntry("endsAt", "2026-11-29T09:00:00Z");

    // When an IC asks to return her, refused; when tom returns her, she is no longer a candidate
    assertThat(rest.withBasicAuth("alice", "demo").exchange("/api/rebalancing/loans/" + loan.get("id") + "/return",
        HttpMethod.POST, null, OBJECT).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("tom", "demo").exchange("/api/rebalancing/loans/" + loan.get("id") + "/return",
        HttpMethod.POST, null, OBJECT).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(assignment.candidateIds(Domain.DATA)).doesNotContain("priya");
    assertThat(assignment.preview(dataTask).ranked()).extracting(ScoredCandidate::personId).doesNotContain("priya");
  }

  @Test
  void aLoanEndsByItselfAndTheHourlyRunMarksItReturned() {
    // Given priya lent to data for 1 day
    List<WorkItem> items = overloadData();
    Task review = domainReview(rebalancings(Domain.DATA).get(0));
    complete(review, "tom", Map.of("domainAction", "lend", "lendIc", "priya", "loanDays", 1));
    assertThat(assignment.candidateIds(Domain.DATA)).contains("priya");

    // When a day passes she is no longer a candidate, and the hourly run returns the loan
    driver.advance(java.time.Duration.ofDays(1));
    assertThat(assignment.candidateIds(Domain.DATA)).doesNotContain("priya");
    Job hourly = management.createJobQuery().processDefinitionKey(RebalancingVariables.PROCESS_KEY).timers()
        .activityId("StartEvent_EveryHour").singleResult();
    assertThat(hourly).as("the hourly timer start").isNotNull();
    management.executeJob(hourly.getId());
    assertThat(rebalancing.overview(Domain.DATA, 10).loans()).filteredOn(l -> l.personId().equals("priya"))
        .first().satisfies(l -> {
          assertThat(l.returnedBy()).isEqualTo("system");
          assertThat(l.returnedAt()).isEqualTo(l.endsAt());
        });
    // and, data still being overloaded with nothing open, it started data's next rebalancing
    assertThat(rebalancings(Domain.DATA)).singleElement()
        .satisfies(pi -> assertThat(runtime.getVariable(pi.getId(), "rebalancingTrigger")).isEqualTo("timer"));
    assertThat(items).isNotEmpty();
  }

  @Test
  void deferringAStrategicTaskLowersItAndItsNotStartedTasksWithoutStoppingAnything() {
    // Given data overloaded and the TL's review
    List<WorkItem> items = overloadData();
    WorkItem st = items.get(0);
    Task review = domainReview(rebalancings(Domain.DATA).get(0));

    // When tom chooses defer without a task: refused; with ST1 (as the form's checklist sends it)
    assertThatThrownBy(() -> complete(review, "tom", Map.of("domainAction", "defer")))
        .hasMessageContaining("Choose at least one strategic task to defer");
    complete(review, "tom", Map.of("domainAction", "defer", "deferTasks",
        org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"" + st.qualifiedKey() + "\"]").create(),
        "domainNote", "analytics can wait a week"));

    // Then ST1 and its six ASSIGNED tasks are low priority, still ASSIGNED with their lifecycles running
    assertThat(workItems.get(st.id()).priority()).isEqualTo(Priority.LOW);
    for (WorkItem tt : items.subList(1, 7)) {
      WorkItem now = workItems.get(tt.id());
      assertThat(now.priority()).isEqualTo(Priority.LOW);
      assertThat(now.state()).isEqualTo(TaskState.ASSIGNED);
      assertThat(runtime.getVariable(now.processInstanceId(), "priority")).isEqualTo("low");
    }
    var deferral = rebalancing.overview(Domain.DATA, 5).deferrals().get(0);
    assertThat(deferral.workItemId()).isEqualTo(st.id());
    assertThat(deferral.previousPriorities()).hasSize(7).containsValue("NORMAL");
    assertThat(announcements.channel("data-team", "mei", 0, null, 500))
        .filteredOn(a -> a.type() == AnnouncementType.PRIORITY_CHANGE && a.affectedInstructions()
            .contains(st.instructionKey())).singleElement()
        .satisfies(a -> assertThat(a.message()).contains("analytics can wait a week"));

    // When tom undoes it, the priorities come back
    assertThat(rest.withBasicAuth("tom", "demo").exchange("/api/rebalancing/deferrals/" + deferral.id() + "/undo",
        HttpMethod.POST, null, OBJECT).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(workItems.get(st.id()).priority()).isEqualTo(Priority.NORMAL);
    assertThat(workItems.get(items.get(1).id()).priority()).isEqualTo(Priority.NORMAL);
  }

  @Test
  void anEscalationGoesToTheEngineeringManagerWhoseDecisionIsAnnounced() {
    // Given data overloaded and the TL's review
    overloadData();
    ProcessInstance instance = rebalancings(Domain.DATA).get(0);
    Task review = domainReview(instance);

    // When tom escalates without a note: refused; with one, erin gets "Review domain capacity"
    assertThatThrownBy(() -> complete(review, "tom", Map.of("domainAction", "escalate")))
        .hasMessageContaining("Tell the engineering manager");
    complete(review, "tom", Map.of("domainAction", "escalate", "domainNote", "data needs a third engineer"));
    Task managerTask = userTask(instance, "Task_ReviewDomainCapacity");
    assertThat(tasks.getIdentityLinksForTask(managerTask.getId())).extracting(IdentityLink::getGroupId)
        .contains("engineering-managers");
    assertThat(rebalancing.overview(Domain.DATA, 5).open()).singleElement()
        .satisfies(p -> assertThat(p.state()).isEqualTo("escalated"));

    // When erin decides
    complete(managerTask, "erin", Map.of("emDecision", "Contractor from Monday; analytics slips a week"));

    // Then it is recorded and the leads hear it
    Proposal decided = rebalancing.overview(Domain.DATA, 5).history().get(0);
    assertThat(decided.state()).isEqualTo("applied");
    assertThat((Map<String, Object>) decided.details().get("action")).containsEntry("emDecision",
        "Contractor from Monday; analytics slips a week");
    assertThat(announcements.channel("tech-leads", "tom", 0, null, 500))
        .filteredOn(a -> a.subject().equals("Capacity of data: the engineering manager decided")).isNotEmpty();
    assertThat(rebalancings(Domain.DATA)).isEmpty();
  }
}
