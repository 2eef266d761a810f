package com.orchestration.organization;

import static com.orchestration.organization.DemoOrganization.ARCHITECT;
import static com.orchestration.organization.DemoOrganization.BACKEND_AGENT;
import static com.orchestration.organization.DemoOrganization.BACKEND_IC;
import static com.orchestration.organization.DemoOrganization.BACKEND_LEAD;
import static com.orchestration.organization.DemoOrganization.ENGINEERING_MANAGER;
import static com.orchestration.organization.DemoOrganization.PASSWORD;
import static com.orchestration.organization.DemoOrganization.TECH_LEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orchestration.OrchestrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

@OrchestrationTest
class OrganizationSyncTest {

  @Autowired OrganizationSync sync;
  @Autowired PersonDirectory directory;
  @Autowired SkillTaxonomy taxonomy;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;

  final List<String> createdTasks = new ArrayList<>();
  boolean organisationEdited;

  @AfterEach
  void restoreDemoOrganisation() {
    identity.clearAuthentication();
    createdTasks.forEach(id -> tasks.deleteTask(id, true));
    if (organisationEdited) {
      sync.sync(DemoOrganization.organization(), taxonomy, PASSWORD);
    }
  }

  // ------------------------------------------------------------------------------------------ start-up state

  @Test
  void startUpSynchronisedEveryPersonAsACamundaUserWithTheInitialPassword() {
    Organization demo = DemoOrganization.organization();

    assertThat(identity.createUserQuery().userIdIn(demo.people().stream().map(Person::id).toArray(String[]::new))
        .count()).isEqualTo(demo.people().size());
    assertThat(identity.checkPassword(BACKEND_IC, PASSWORD)).isTrue();
    var alice = identity.createUserQuery().userId(BACKEND_IC).singleResult();
    assertThat(alice.getFirstName()).isEqualTo("Alice");
    assertThat(alice.getLastName()).isEqualTo("Nguyen");
    assertThat(alice.getEmail()).isEqualTo("alice.nguyen@orchestration.example");
    assertThat(directory.findActive()).hasSize(demo.people().size());
    assertThat(identity.createUserQuery().userId("admin").count()).isEqualTo(1);
  }

  @Test
  void startUpCreatedTheGroupsOfTheRoleTableAsWorkflowGroups() {
    for (Map.Entry<String, String> group : OrganizationGroups.all().entrySet()) {
      Group stored = identity.createGroupQuery().groupId(group.getKey()).singleResult();
      assertThat(stored).as(group.getKey()).isNotNull();
      assertThat(stored.getName()).isEqualTo(group.getValue());
      assertThat(stored.getType()).isEqualTo(Groups.GROUP_TYPE_WORKFLOW);
    }
    assertThat(OrganizationGroups.all()).containsKeys("engineering-managers", "tech-leads", "planners", "domain-leads",
        "leads-qa", "team-security", "architects", "all-engineering");
  }

  @Test
  void membershipsFollowTheRoles() {
    assertThat(groupsOf(ENGINEERING_MANAGER)).containsExactlyInAnyOrder("engineering-managers", "all-engineering");
    assertThat(groupsOf(TECH_LEAD)).containsExactlyInAnyOrder("tech-leads", "planners", "all-engineering");
    assertThat(groupsOf(BACKEND_LEAD)).containsExactlyInAnyOrder("leads-backend", "domain-leads", "all-engineering");
    assertThat(groupsOf(BACKEND_IC)).containsExactlyInAnyOrder("team-backend", "all-engineering");
    assertThat(groupsOf(BACKEND_AGENT)).containsExactlyInAnyOrder("team-backend", "all-engineering");
    assertThat(groupsOf(ARCHITECT)).containsExactlyInAnyOrder("architects", "all-engineering");
    assertThat(identity.createUserQuery().memberOfGroup("team-data").count()).isEqualTo(2);
  }

  @Test
  void aSecondSyncChangesNothing() {
    long authorizationCount = authorizations.createAuthorizationQuery().count();
    long filterCount = filters.createFilterQuery().count();
    long membershipCount = memberships();
    String updatedAt = jdbc.sql("select max(updated_at) from person").query(String.class).single();

    OrganizationSync.Report report = sync.sync(DemoOrganization.organization(), taxonomy, PASSWORD);

    assertThat(report.nothingChanged()).as(report.toString()).isTrue();
    assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(authorizationCount);
    assertThat(filters.createFilterQuery().count()).isEqualTo(filterCount);
    assertThat(memberships()).isEqualTo(membershipCount);
    assertThat(jdbc.sql("select max(updated_at) from person").query(String.class).single()).isEqualTo(updatedAt);
  }

  @Test
  void theDirectoryAnswersWhatAssignmentAsks() {
    assertThat(directory.findActiveIcs(Domain.BACKEND)).extracting(Person::id)
        .containsExactly("alice", "bob", "bot-backend-1", "carlos", "priya");
    assertThat(directory.findDomainLead(Domain.QA)).map(Person::id).contains("quinn");
    assertThat(directory.findActiveByRole(Role.ARCHITECT)).extracting(Person::id).containsExactly(ARCHITECT);
    Person alice = directory.findById(BACKEND_IC).orElseThrow();
    assertThat(alice.skillLevel("java")).contains(SkillLevel.EXPERT);
    assertThat(alice.wantsToLearn("kubernetes")).isTrue();
    assertThat(alice).isEqualTo(DemoOrganization.organization().person(BACKEND_IC).orElseThrow());
    assertThat(directory.findById("nobody")).isEmpty();
  }

  // --------------------------------------------------------------------------------------- editing the file

  @Test
  void editingTheOrganisationAddsChangesAndRemovesPeople() {
    // Given the demo organisation plus two new ICs
    Person zoe = Person.of("zoe", "Zoe Martin", Role.IC, Domain.FRONTEND, Kind.HUMAN, ExperienceLevel.MID,
        Map.of("react", SkillLevel.ADVANCED));
    Person yan = Person.of("yan", "Yan Li", Role.IC, Domain.DATA, Kind.HUMAN, ExperienceLevel.JUNIOR,
        Map.of("python", SkillLevel.INTERMEDIATE, "sql", SkillLevel.BEGINNER));
    OrganizationSync.Report added = sync.sync(demoPlus(zoe, yan), taxonomy, PASSWORD);
    assertThat(added.peopleAdded()).isEqualTo(2);
    assertThat(groupsOf("zoe")).containsExactlyInAnyOrder("team-frontend", "all-engineering");
    assertThat(directory.findActiveIcs(Domain.DATA)).extracting(Person::id).contains("yan");
    identity.saveUser(withPassword("zoe", "zoes-own-password"));

    // When zoe moves to backend with other skills and yan leaves
    Person movedZoe = Person.of("zoe", "Zoe Martin", Role.IC, Domain.BACKEND, Kind.HUMAN, ExperienceLevel.SENIOR,
        Map.of("java", SkillLevel.EXPERT, "kafka", SkillLevel.INTERMEDIATE));
    OrganizationSync.Report edited = sync.sync(demoPlus(movedZoe), taxonomy, PASSWORD);

    // Then zoe's memberships moved, her password stayed, and yan can no longer log in but keeps his history
    assertThat(edited.peopleChanged()).isEqualTo(1);
    assertThat(edited.peopleRemoved()).isEqualTo(1);
    assertThat(groupsOf("zoe")).containsExactlyInAnyOrder("team-backend", "all-engineering");
    assertThat(identity.checkPassword("zoe", "zoes-own-password")).isTrue();
    Person storedZoe = directory.findById("zoe").orElseThrow();
    assertThat(storedZoe.domain()).isEqualTo(Domain.BACKEND);
    assertThat(storedZoe.level()).isEqualTo(ExperienceLevel.SENIOR);
    assertThat(storedZoe.skills()).containsOnlyKeys("java", "kafka");
    assertThat(identity.createUserQuery().userId("yan").count()).isZero();
    assertThat(identity.createGroupQuery().groupMember("yan").count()).isZero();
    assertThat(authorizations.createAuthorizationQuery().userIdIn("yan").count()).isZero();
    Person formerYan = directory.findById("yan").orElseThrow();
    assertThat(formerYan.active()).isFalse();
    assertThat(formerYan.skills()).containsEntry("python", SkillLevel.INTERMEDIATE);
    assertThat(jdbc.sql("select count(*) from person where id = 'yan' and removed_at is not null").query(Long.class)
        .single()).isEqualTo(1);
    assertThat(directory.findActiveIcs(Domain.DATA)).extracting(Person::id).doesNotContain("yan");
    assertThat(directory.findActive()).extracting(Person::id).doesNotContain("yan");
  }

  @Test
  void aRemovedPersonWhoComesBackIsActiveAgain() {
    Person yan = Person.of("yan", "Yan Li", Role.IC, Domain.DATA, Kind.HUMAN, ExperienceLevel.JUNIOR,
        Map.of("python", SkillLevel.INTERMEDIATE));
    sync.sync(demoPlus(yan), taxonomy, PASSWORD);
    sync.sync(DemoOrganization.organization(), taxonomy, PASSWORD);

    sync.sync(demoPlus(yan), taxonomy, PASSWORD);

    assertThat(directory.findById("yan").orElseThrow().active()).isTrue();
    assertThat(jdbc.sql("select count(*) from person where id = 'yan' and removed_at is null").query(Long.class)
        .single()).isEqualTo(1);
    assertThat(identity.checkPassword("yan", PASSWORD)).isTrue();
  }

  @Test
  void aBadOrganisationFileStopsStartUpBeforeAnythingIsWritten() {
    long people = jdbc.sql("select count(*) from person").query(Long.class).single();
    ByteArrayResource bad = new ByteArrayResource(
        "people:\n  - id: dave\n    name: Dave\n    email: d@x.org\n    role: ic\n    level: mid\n".getBytes()) {
      @Override
      public String getFilename() {
        return "organization.yaml";
      }
    };
    OrganizationStartup startup = new OrganizationStartup(
        new OrganizationProperties(bad, PASSWORD, new ClassPathResource("skills.yaml")), taxonomy, sync);

    assertThatThrownBy(startup::afterSingletonsInstantiated)
        .isInstanceOf(OrganizationFileException.class)
        .hasMessageContaining("people[0] (id 'dave'): domain: missing");
    assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(people);
    assertThat(identity.createUserQuery().userId("dave").count()).isZero();
  }

  // ------------------------------------------------------------------------------- authorizations per persona

  @Test
  void anIcSeesOnlyMyTasksAndToReview() {
    authenticate(BACKEND_IC);

    assertThat(visibleFilters()).containsExactlyInAnyOrder("My tasks", "To review");
  }

  @Test
  void aDomainLeadSeesAlsoTheTeamEscalatedAndOverdueFilters() {
    authenticate(BACKEND_LEAD);

    assertThat(visibleFilters()).containsExactlyInAnyOrder("My tasks", "My team's open tasks", "To review",
        "Escalated to me", "Overdue");
  }

  @Test
  void theEngineeringManagerSeesTheLeadershipFiltersAndHasCockpit() {
    authenticate(ENGINEERING_MANAGER);

    assertThat(visibleFilters()).containsExactlyInAnyOrder("My tasks", "My team's open tasks", "Escalated to me",
        "Overdue");
    assertThat(isAuthorized(ENGINEERING_MANAGER, "cockpit")).isTrue();
    assertThat(isAuthorized(ENGINEERING_MANAGER, "tasklist")).isTrue();
  }

  @Test
  void anIcHasTasklistButNoCockpit() {
    assertThat(isAuthorized(BACKEND_IC, "tasklist")).isTrue();
    assertThat(isAuthorized(BACKEND_IC, "cockpit")).isFalse();
    assertThat(authorizations.isUserAuthorized(BACKEND_IC, groupsOf(BACKEND_IC), Permissions.READ,
        Resources.PROCESS_DEFINITION, "task-lifecycle")).isFalse();
  }

  @Test
  void anAgentHasNoWebappAccessAndNoFilters() {
    assertThat(isAuthorized(BACKEND_AGENT, "tasklist")).isFalse();
    assertThat(isAuthorized(BACKEND_AGENT, "cockpit")).isFalse();
    authenticate(BACKEND_AGENT);
    assertThat(visibleFilters()).isEmpty();
  }

  @Test
  void everyHumanMayStartAnInstruction() {
    assertThat(authorizations.isUserAuthorized(BACKEND_IC, groupsOf(BACKEND_IC), Permissions.CREATE_INSTANCE,
        Resources.PROCESS_DEFINITION, "instruction")).isTrue();
    assertThat(authorizations.isUserAuthorized(BACKEND_IC, groupsOf(BACKEND_IC), Permissions.CREATE,
        Resources.PROCESS_INSTANCE, "*")).isTrue();
    assertThat(authorizations.isUserAuthorized(BACKEND_AGENT, groupsOf(BACKEND_AGENT), Permissions.CREATE_INSTANCE,
        Resources.PROCESS_DEFINITION, "instruction")).isFalse();
  }

  // ------------------------------------------------------------------------------------- filters really work

  @Test
  void filtersShowTheTasksTheirNamesPromise() {
    // Given an overdue task for the backend lead's group and an open review for the backend team
    String overdue = task("Approve domain change", "leads-backend", Date.from(Instant.now().minus(1, ChronoUnit.DAYS)));
    String review = task("Review code", "team-backend", null);
    String unrelated = task("Review schema", "team-data", null);

    // When the lead and an IC open their filters, Then each filter shows what its name says
    authenticate(BACKEND_LEAD);
    assertThat(taskIds("My team's open tasks")).contains(overdue).doesNotContain(review, unrelated);
    assertThat(taskIds("Overdue")).contains(overdue).doesNotContain(review);
    assertThat(taskIds("My tasks")).doesNotContain(overdue);

    authenticate(BACKEND_IC);
    assertThat(taskIds("To review")).contains(review).doesNotContain(overdue, unrelated);
    tasks.claim(review, BACKEND_IC);
    assertThat(taskIds("My tasks")).contains(review);
    assertThat(taskIds("To review")).contains(review);
  }

  // --------------------------------------------------------------------------------------------------- helpers

  private Organization demoPlus(Person... extra) {
    organisationEdited = true;
    List<Person> people = new ArrayList<>(DemoOrganization.organization().people());
    people.addAll(List.of(extra));
    return new Organization(people);
  }

  private org.camunda.bpm.engine.identity.User withPassword(String userId, String password) {
    var user = identity.createUserQuery().userId(userId).singleResult();
    user.setPassword(password);
    return user;
  }

  private List<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  private long memberships() {
    return jdbc.sql("select count(*) from ACT_ID_MEMBERSHIP").query(Long.class).single();
  }

  private void authenticate(String userId) {
    identity.clearAuthentication();
    List<String> groups = groupsOf(userId);
    identity.setAuthentication(userId, groups);
  }

  private List<String> visibleFilters() {
    return filters.createFilterQuery().list().stream().map(Filter::getName).toList();
  }

  private boolean isAuthorized(String userId, String application) {
    return authorizations.isUserAuthorized(userId, groupsOf(userId), Permissions.ACCESS, Resources.APPLICATION,
        application);
  }

  private String task(String name, String candidateGroup, Date due) {
    Task task = tasks.newTask();
    task.setName(name);
    task.setDueDate(due);
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), candidateGroup);
    createdTasks.add(task.getId());
    return task.getId();
  }

  private List<String> taskIds(String filterName) {
    var auth = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    Filter filter = filters.createFilterQuery().filterName(filterName).singleResult();
    identity.setAuthentication(auth);
    return filters.<Task>list(filter.getId()).stream().map(Task::getId).toList();
  }
}
