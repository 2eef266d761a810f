package com.orchestration.demo;

import com.orchestration.capacity.Bands;
import com.orchestration.capacity.CapacityService;
import com.orchestration.capacity.Workload;
import com.orchestration.communication.AnnouncementType;
import com.orchestration.intake.InstructionVariables;
import com.orchestration.intake.IntakeRequest;
import com.orchestration.intake.RiskScores;
import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's story: the last two days of the demo organisation (organization.yaml), told as beats — at a moment
 * before "now", a person does one thing in Tasklist (or the API). The beats of all chapters run in time order, and
 * between them the timers that fell due fire (DemoPlayer). What the processes decide on the way — who is assigned,
 * which peer reviews, which SLA fires, who gets an escalation — is theirs; where a chapter needs a particular person
 * it asks who got the task. docs/demo.md tells the story and who to log in as to see each part.
 */
@Component
@Profile("demo")
class DemoStory {

  private static final Logger log = LoggerFactory.getLogger(DemoStory.class);
  /** The first beat is this long before now. */
  static final Duration LOOK_BACK = Duration.ofHours(47);

  private final DemoPlayer play;
  private final CapacityService capacity;
  private final List<Beat> beats = new ArrayList<>();

  /** The instructions of the story, by role in it; filled as they are submitted. */
  private final Map<String, String> keys = new HashMap<>();

  DemoStory(DemoPlayer play, CapacityService capacity) {
    this.play = play;
    this.capacity = capacity;
  }

  private record Beat(double hoursAgo, int order, String what, Runnable action) {}

  private void beat(double hoursAgo, String what, Runnable action) {
    beats.add(new Beat(hoursAgo, beats.size(), what, action));
  }

  /** Plays every chapter; returns the instruction keys by their role in the story. */
  Map<String, String> play(Instant now) {
    beats.clear();
    keys.clear();
    orderHistory();
    roundingFix();
    smallWork();
    questions();
    checkoutSummary();
    ciRunners();
    play.startStory(now, LOOK_BACK);
    beats.sort(Comparator.comparingDouble(Beat::hoursAgo).reversed().thenComparingInt(Beat::order));
    for (Beat beat : beats) {
      play.at(beat.hoursAgo());
      log.info("Demo, {} h ago: {}", beat.hoursAgo(), beat.what());
      beat.action().run();
    }
    play.atPresent();
    play.requestStandup("tom", "daily");
    play.requestStandup("tom", "weekly");
    return Map.copyOf(keys);
  }

  private String key(String role) {
    return keys.get(role);
  }

  private String day(int daysFromNow) {
    return play.present().plus(Duration.ofDays(daysFromNow)).atZone(ZoneOffset.UTC).toLocalDate().toString();
  }

  private static IntakeRequest request(String title, String description, String workType, List<String> domains,
      List<String> flags, String priority, String deadline, boolean customerCommitment, Double estimateHours) {
    return new IntakeRequest(title, description, workType, domains, flags, priority, deadline, customerCommitment,
        estimateHours);
  }

  // ------------------------------------------------------------------------------------------------------------
  // Chapter 1 — "Add order history page": a tier-3 feature in execution. The data work is done, the backend is
  // under way, the frontend and QA strategic tasks wait for it: the critical path runs through TT1.2.

  private void orderHistory() {
    beat(46, "fiona submits the order history page (tier 3)", () -> keys.put("orderHistory", play.submit("fiona",
        request("Add order history page", "Signed-in customers see their past orders, newest first, 20 per page, "
            + "with date, status and total; a click opens the order. The order API exists but has no paged history.",
            "feature", List.of("frontend"), List.of(), "normal", day(8), false, null))));
    beat(45, "tom writes the strategic plan: five strategic tasks, risk sum 18", () -> {
      Map<String, Object> plan = new HashMap<>();
      plan.put(InstructionVariables.OBJECTIVE, "Customers find any past order in two clicks: a paged, accessible "
          + "order history backed by an indexed query.");
      plan.put(InstructionVariables.STRATEGIC_TASKS, """
          # Order history page: backend first, frontend on top, QA last
          ST1 | backend  | 2 | Paged order history endpoint | skills: java:advanced, spring-boot:intermediate | complexity: moderate | risk: medium | security | criteria: GET /api/customers/{id}/orders returns 20 per page, newest first; another customer's orders give 403
          ST2 | data     | 1 | Index for the order history query | skills: postgresql:advanced, sql:intermediate | complexity: simple | risk: low | criteria: history query under 50 ms with 10,000 orders per customer
          ST3 | frontend | 3 | Order history page | deps: ST1, ST2 | skills: react:intermediate, typescript:intermediate | complexity: moderate | risk: medium | criteria: list, paging, empty state, loading and error states; WCAG AA
          ST4 | frontend | 1 | Navigation to and from the history | deps: ST3 | skills: react:beginner | complexity: simple | risk: low | criteria: link in the account menu; back from an order returns to the same page
          ST5 | qa       | 2 | End-to-end tests of the order history | deps: ST3, ST4 | skills: playwright:intermediate | nice: accessibility-testing | complexity: moderate | risk: low | criteria: paging, 403 case and accessibility checks run in CI""");
      List<Integer> scores = List.of(4, 3, 2, 4, 3, 2);
      for (int i = 0; i < scores.size(); i++) {
        plan.put(RiskScores.CATEGORIES.get(i), scores.get(i));
      }
      plan.put(InstructionVariables.CORE_ARCHITECTURE, false);
      play.complete("tom", key("orderHistory"), "Task_WriteStrategicPlan", null, plan);
    });
    beat(43, "dana breaks down ST2 (data)", () -> play.complete("dana", key("orderHistory"),
        "Task_BreakDownStrategicTask", "ST2", Map.of(InstructionVariables.TACTICAL_TASKS, """
            TT2.1 | data | 2 | Index orders (customer_id, created_at desc) as a reversible migration | skills: postgresql:intermediate, sql:intermediate | complexity: simple | criteria: migration and rollback both run on a copy of production
            TT2.2 | data | 2 | Measure the history query with 10,000 orders per customer | deps: TT2.1 | skills: sql:intermediate | complexity: simple | criteria: p95 under 50 ms, plan uses the index
            TT2.3 | data | 1 | Record the index in the data catalogue | deps: TT2.1 | complexity: simple | criteria: owner, purpose and query named""")));
    beat(42.5, "tom approves the ST2 breakdown", () -> approveBreakdown("ST2"));
    beat(42, "TT2.1 starts", () -> play.startWork(key("orderHistory"), "TT2.1"));
    beat(40, "TT2.1 submitted", () -> play.submitWork(key("orderHistory"), "TT2.1", 2,
        "Migration V42 adds orders_customer_created_idx; the rollback drops it", "Flyway migrate and undo on a copy"));
    beat(39, "TT2.1 peer-reviewed", () -> play.approveCode(key("orderHistory"), "TT2.1"));
    beat(38, "dana approves TT2.1", () -> play.approveForDomain(key("orderHistory"), "TT2.1"));
    beat(37.5, "TT2.2 starts", () -> play.startWork(key("orderHistory"), "TT2.2"));
    beat(37, "TT2.3 starts", () -> play.startWork(key("orderHistory"), "TT2.3"));
    beat(36, "TT2.3 submitted", () -> play.submitWork(key("orderHistory"), "TT2.3", 1,
        "Catalogue entry with owner, purpose and the history query", "Catalogue lint"));
    beat(35.5, "TT2.2 submitted", () -> play.submitWork(key("orderHistory"), "TT2.2", 2.5,
        "p95 31 ms with 10,000 orders per customer; the plan uses the new index", "Load test on the copy"));
    beat(34.5, "TT2.2 and TT2.3 peer-reviewed", () -> {
      play.approveCode(key("orderHistory"), "TT2.2");
      play.approveCode(key("orderHistory"), "TT2.3");
    });
    beat(34, "dana approves TT2.2 and TT2.3", () -> {
      play.approveForDomain(key("orderHistory"), "TT2.2");
      play.approveForDomain(key("orderHistory"), "TT2.3");
    });
    beat(33, "hannah validates ST2: the data work is complete", () ->
        play.validate(key("orderHistory"), "ST2", "hannah", 94, "kofi"));
    beat(16, "bruno breaks down ST1 (backend) after a day on other work", () -> play.complete("bruno",
        key("orderHistory"), "Task_BreakDownStrategicTask", "ST1", Map.of(InstructionVariables.TACTICAL_TASKS, """
            TT1.1 | backend | 4 | Repository query: a customer's orders, newest first, paged | skills: java:intermediate, postgresql:intermediate | complexity: simple | criteria: page size 20; sorted by created_at desc; tested with an empty and a full page
            TT1.2 | backend | 6 | GET /api/customers/{id}/orders with page metadata | deps: TT1.1 | skills: java:intermediate, spring-boot:intermediate | complexity: moderate | criteria: 200 with items, page, totalPages; 400 names the bad parameter
            TT1.3 | backend | 3 | Only the customer may read their history | deps: TT1.2 | skills: spring-security:intermediate | complexity: moderate | security | criteria: another customer's id gives 403; tests for both cases
            TT1.4 | backend | 2 | OpenAPI description and example responses | deps: TT1.2 | skills: spring-boot:beginner | complexity: simple | criteria: example for a full page, an empty page and 403""")));
    beat(15.5, "tom approves the ST1 breakdown", () -> approveBreakdown("ST1"));
    beat(11, "TT1.1 starts", () -> play.startWork(key("orderHistory"), "TT1.1"));
    beat(8, "TT1.1 submitted", () -> play.submitWork(key("orderHistory"), "TT1.1", 3.5,
        "OrderHistoryRepository with keyset paging", "12 repository tests against PostgreSQL"));
    beat(7, "TT1.1 peer-reviewed", () -> play.approveCode(key("orderHistory"), "TT1.1"));
    beat(6.5, "bruno approves TT1.1; TT1.2 is released", () ->
        play.approveForDomain(key("orderHistory"), "TT1.1"));
    beat(4, "TT1.2 starts", () -> play.startWork(key("orderHistory"), "TT1.2"));
    beat(1, "TT1.2 heartbeat: paging done, tests next", () -> play.heartbeat(key("orderHistory"), "TT1.2", 50, 3,
        3.5, "Paging and page metadata done; validation errors and tests next"));
  }

  private void approveBreakdown(String strategicTask) {
    play.complete("tom", key("orderHistory"), "Task_ReviewBreakdown", strategicTask,
        Map.of(InstructionVariables.BREAKDOWN_DECISION, "approve"));
  }

  // ------------------------------------------------------------------------------------------------------------
  // Chapter 2 — "Fix the rounding of order totals": a tier-2 customer commitment. Its first task is blocked on the
  // payment provider; nobody resolves it, so the BLOCKED SLA escalates it to the backend lead and, 8 h later, to the
  // tech lead.

  private void roundingFix() {
    beat(20, "erin submits the rounding fix for a customer (tier 2, high)", () -> keys.put("roundingFix",
        play.submit("erin", request("Fix the rounding of order totals", "Totals are off by a cent for orders in "
            + "CHF and SEK: the order-events consumer rounds half-up, the payment provider half-even. ACME noticed it "
            + "in their invoices.", "fix", List.of("backend"), List.of(), "high", day(2), true, null))));
    beat(19, "tom writes the tactical plan", () -> play.complete("tom", key("roundingFix"), "Task_WriteTacticalPlan",
        null, Map.of(InstructionVariables.TACTICAL_TASKS, """
            TT1 | backend | 3 | Reproduce the rounding error for CHF and SEK in the order-events consumer | skills: java:intermediate, kafka:intermediate | complexity: moderate | criteria: a failing test per currency
            TT2 | backend | 4 | Round half-even in the order total, as the payment provider does | deps: TT1 | skills: java:intermediate | complexity: moderate | criteria: the failing tests pass; totals of old orders unchanged
            TT3 | qa      | 2 | Regression tests for totals in every supported currency | deps: TT2 | skills: junit:intermediate | complexity: simple | criteria: one test per currency in CI""")));
    beat(18, "TT1 starts", () -> play.startWork(key("roundingFix"), "TT1"));
    beat(15, "TT1 is blocked on the payment provider", () -> play.reportBlocker(key("roundingFix"), "TT1",
        "external_dependency", "The payment provider has not confirmed which currencies it rounds half-even; "
            + "without that the fix may be wrong the other way.",
        "Read their API documentation; opened ticket PAY-4471 in their support portal yesterday.", 2));
  }

  // ------------------------------------------------------------------------------------------------------------
  // Chapter 3 — small work (tier 1): one done, one in progress, one waiting for its peer review, and one nobody
  // started — its ASSIGNED SLA warned after 8 h and escalated to the devops lead after 24 h.

  private void smallWork() {
    beat(29, "dmitri asks for a review of the Helm chart limits (tier 1)", () -> keys.put("helmReview",
        play.submit("dmitri", request("Review the Helm chart resource limits", "The order service was OOM-killed "
            + "twice last week; check the memory limits of its chart against the last 30 days.", "review",
            List.of("devops"), List.of(), "normal", null, false, 2.0))));
    beat(9, "erin reports a typo on the checkout button (tier 1)", () -> keys.put("typo", play.submit("erin",
        request("Fix the typo on the checkout button", "It says 'Chekout'.", "fix", List.of("frontend"),
            List.of("typoOrDocsOnly"), "normal", null, false, 0.5))));
    beat(8.8, "the typo fix starts", () -> play.startWork(key("typo"), "TT1"));
    beat(8.5, "the typo fix is submitted", () -> play.submitWork(key("typo"), "TT1", 0.3,
        "Fixed the label and its translation key", "Snapshot test of the button"));
    beat(8.2, "the typo fix is peer-reviewed: done", () -> play.approveCode(key("typo"), "TT1"));
    beat(8, "sara asks for an audit of the partner API's OAuth scopes (tier 1)", () -> keys.put("scopeAudit",
        play.submit("sara", request("Review the OAuth scopes of the partner API", "Partners get orders:write "
            + "although they only read; list what each partner client really uses.", "review", List.of("security"),
            List.of(), "normal", null, false, 3.0))));
    beat(7, "the scope audit starts", () -> play.startWork(key("scopeAudit"), "TT1"));
    beat(3.5, "the scope audit is submitted; its peer review is open", () -> play.submitWork(key("scopeAudit"),
        "TT1", 3, "Two of five partner clients use orders:write; proposal to drop it for the other three",
        "Replayed 30 days of token introspection logs"));
    beat(3, "dana asks for the documentation of the retention job (tier 1)", () -> keys.put("retentionDocs",
        play.submit("dana", request("Document the data retention job", "Who it deletes, when, and how to "
            + "restore from the archive.", "docs", List.of("data"), List.of(), "low", null, false, 3.0))));
    beat(2.5, "the retention documentation starts", () -> play.startWork(key("retentionDocs"), "TT1"));
    beat(1, "retention documentation heartbeat", () -> play.heartbeat(key("retentionDocs"), "TT1", 50, 1.5, 1.5,
        "Deletion rules written; restore steps next"));
  }

  // ------------------------------------------------------------------------------------------------------------
  // Chapter 4 — questions (tier 0): one answered by the tech lead, one waiting for him.

  private void questions() {
    beat(30, "priya asks why integration tests need Docker (tier 0)", () -> keys.put("dockerQuestion",
        play.submit("priya", request("Why do the integration tests need Docker?", "They fail on my laptop without "
            + "it.", "question", List.of("backend"), List.of(), "low", null, false, null))));
    beat(29, "tom answers", () -> play.complete("tom", key("dockerQuestion"), "Task_AnswerQuestion", null,
        Map.of(InstructionVariables.ANSWER, "They start PostgreSQL in a container (Testcontainers) so the tests run "
            + "against the same database as production. Install Docker, or run mvn -DskipITs for unit tests only.")));
    beat(2, "grace asks how to rotate the staging database credentials (tier 0)", () -> keys.put(
        "credentialsQuestion", play.submit("grace", request("How do we rotate the staging database credentials?",
            "The password is 400 days old. Who owns it and is there a runbook?", "question", List.of("devops"),
            List.of(), "normal", null, false, null))));
  }

  // ------------------------------------------------------------------------------------------------------------
  // Chapter 5 — "Rebuild the checkout summary": a tier-2 refactor that only Lena can do most of. Her first task turns
  // out bigger than estimated, Fiona gives her one more, she passes 110 % and the rebalancing process proposes to
  // move a task back. Fiona and Erin post on the channels.

  private void checkoutSummary() {
    beat(7, "fiona submits the checkout summary rebuild (tier 2, high)", () -> keys.put("checkoutSummary",
        play.submit("fiona", request("Rebuild the checkout summary", "The summary is one 900-line component; "
            + "split it, share the price formatting and fix the keyboard navigation.", "refactor",
            List.of("frontend"), List.of(), "high", null, false, null))));
    beat(6.5, "tom writes the tactical plan", () -> play.complete("tom", key("checkoutSummary"),
        "Task_WriteTacticalPlan", null, Map.of(InstructionVariables.TACTICAL_TASKS, """
            TT1 | frontend | 8 | Split the summary into typed components | skills: typescript:advanced, react:advanced | complexity: high | criteria: no component over 200 lines; same rendering
            TT2 | frontend | 8 | Move price formatting to the shared money module | skills: typescript:advanced, react:advanced | complexity: high | criteria: one formatter for summary, cart and invoice
            TT3 | frontend | 6 | Keyboard navigation and focus order of the summary | skills: typescript:intermediate, react:intermediate | complexity: moderate | criteria: usable by keyboard only; focus returns after editing a line
            TT4 | qa       | 3 | Visual regression tests of the summary | deps: TT1, TT2, TT3 | skills: playwright:intermediate | complexity: simple | criteria: screenshots for 1, 5 and 50 lines""")));
    beat(5.5, "TT1 starts", () -> play.startWork(key("checkoutSummary"), "TT1"));
    beat(2.5, "TT1 turns out bigger than estimated (heartbeat)", () -> {
      String ins = key("checkoutSummary");
      String owner = play.assignee(ins, "TT1");
      double remaining = remainingThatOverloads(owner, ins);
      play.heartbeat(ins, "TT1", 20, 3, remaining,
          "The summary has no tests at all: writing them first, then splitting. About " + remaining + " h left.");
    });
    beat(2, "fiona gives TT3 to the author of TT1 as well", () -> {
      String ins = key("checkoutSummary");
      String owner = play.assignee(ins, "TT1");
      if (play.item(ins, "TT3").state() == TaskState.ASSIGNED && !owner.equals(play.assignee(ins, "TT3"))) {
        play.reassign("fiona", ins, "TT3", owner, owner + " wrote the original summary and knows its focus traps");
      }
    });
    beat(1.5, "fiona tells her team", () -> play.post("fiona", "frontend-team", AnnouncementType.RESOURCE_SHIFT,
        Priority.NORMAL, "Checkout summary: workload", "TT1 of the checkout summary is bigger than planned. I gave "
            + "TT3 to the same person before I saw it; the rebalancing proposal is in my Tasklist and I decide today.",
        List.of(key("checkoutSummary")), List.of("frontend"), List.of("Decide the rebalancing proposal")));
    beat(1, "erin sets priorities for everyone", () -> play.post("erin", "all", AnnouncementType.PRIORITY_CHANGE,
        Priority.HIGH, "The rounding fix goes first", "ACME found the rounding error in their invoices; "
            + key("roundingFix") + " is a customer commitment due in two days. Tom owns the blocker with the "
            + "payment provider.", List.of(key("roundingFix")), List.of("backend", "qa"),
        List.of("Tom: unblock TT1 with the payment provider")));
  }

  // ------------------------------------------------------------------------------------------------------------
  // Chapter 6 — "Move the CI runners to the new cluster": a tier-2 deployment running normally in devops, with a QA
  // task waiting for it, and a small QA automation task that an agent IC may well have picked up.

  private void ciRunners() {
    beat(10, "dmitri submits the CI runner move (tier 2)", () -> keys.put("ciRunners", play.submit("dmitri",
        request("Move the CI runners to the new Kubernetes cluster", "The old cluster is switched off at the end of "
            + "next week; builds must not notice.", "deployment", List.of("devops"), List.of(), "normal", day(3),
            false, null))));
    beat(9.5, "tom writes the tactical plan", () -> play.complete("tom", key("ciRunners"), "Task_WriteTacticalPlan",
        null, Map.of(InstructionVariables.TACTICAL_TASKS, """
            TT1 | devops | 6 | Provision the runner node pool with autoscaling | skills: kubernetes:advanced, terraform:intermediate | complexity: high | criteria: scales 2 to 20 nodes; cost tags set
            TT2 | devops | 5 | Switch the pipelines to the new runners | skills: github-actions:intermediate | complexity: moderate | criteria: every pipeline green twice on the new runners
            TT3 | qa     | 3 | Smoke-test every pipeline on the new runners | deps: TT1, TT2 | skills: test-automation:intermediate | complexity: simple | criteria: a report per pipeline: duration before and after""")));
    beat(5, "TT1 starts", () -> play.startWork(key("ciRunners"), "TT1"));
    beat(4, "quinn asks for an automated partner-login smoke test (tier 1)", () -> keys.put("loginSmokeTest",
        play.submit("quinn", request("Automate the smoke test of the partner login", "One scripted login per "
            + "partner realm after each deployment.", "tests", List.of("qa"), List.of("singleFileNoDependencies"),
            "normal", day(1), false, 4.0))));
    beat(3.5, "the smoke test starts (an agent IC is in progress at once)", () ->
        play.startWork(key("loginSmokeTest"), "TT1"));
    beat(3, "TT2 starts", () -> play.startWork(key("ciRunners"), "TT2"));
    beat(0.5, "TT1 heartbeat", () -> play.heartbeat(key("ciRunners"), "TT1", 60, 4, 3,
        "Node pool up and scaling; cost tags and the runner image next"));
  }

  /**
   * The remaining hours of TT1 that leave its owner inside the "no new work" boundary before TT3 moves to them and
   * over the "oversubscribed" one after (DMN capacity-bands: 0.90 and 1.10 as shipped) — so the reassignment is
   * allowed and the rebalancing has a reason. When their capacity makes that impossible (days off in the horizon),
   * 5 points over "oversubscribed" without TT3.
   */
  private double remainingThatOverloads(String person, String instructionKey) {
    Bands bands = capacity.bands();
    Workload now = capacity.workload(person);
    double others = now.committedHours() - play.item(instructionKey, "TT1").remaining();
    double tt3 = play.item(instructionKey, "TT3").estimateHours();
    double low = bands.oversubscribedFrom() * now.capacityHours() - tt3 - others;
    double high = bands.noNewWorkFrom() * now.capacityHours() - others;
    double remaining = low < high ? (low + high) / 2
        : (bands.oversubscribedFrom() + 0.05) * now.capacityHours() - others;
    return Math.max(1, Math.round(remaining * 2) / 2.0);
  }
}
