package com.orchestration.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import com.orchestration.organization.AuthorizationPolicy.Target;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.junit.jupiter.api.Test;

class AuthorizationPolicyTest {

  static Person person(Role role, Kind kind) {
    return Person.of("p", "P Q", role, role.needsDomain() ? Domain.BACKEND : null, kind, ExperienceLevel.MID,
        Map.of("java", SkillLevel.ADVANCED));
  }

  static final Target TASKLIST = new Target(APPLICATION, "tasklist", null);
  static final Target COCKPIT = new Target(APPLICATION, "cockpit", null);

  @Test
  void agentsGetNothingAtAll() {
    assertThat(AuthorizationPolicy.grantsFor(person(Role.IC, Kind.AGENT))).isEmpty();
  }

  @Test
  void removedPeopleGetNothing() {
    assertThat(AuthorizationPolicy.grantsFor(person(Role.ENGINEERING_MANAGER, Kind.HUMAN).withActive(false))).isEmpty();
  }

  @Test
  void everyHumanGetsTasklistAndMayStartAnInstruction() {
    for (Role role : Role.values()) {
      Map<Target, Set<Permission>> grants = AuthorizationPolicy.grantsFor(person(role, Kind.HUMAN));
      assertThat(grants).as(role.value()).containsEntry(TASKLIST, Set.of(Permissions.ACCESS));
      assertThat(grants.get(new Target(PROCESS_DEFINITION, "instruction", null))).as(role.value())
          .containsExactlyInAnyOrder(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
      assertThat(grants.get(new Target(PROCESS_INSTANCE, "*", null))).as(role.value())
          .contains(ProcessInstancePermissions.CREATE);
    }
  }

  @Test
  void onlyTheEngineeringManagerMayStartAnIncident() {
    Target incident = new Target(PROCESS_DEFINITION, "incident", null);
    for (Role role : Role.values()) {
      Map<Target, Set<Permission>> grants = AuthorizationPolicy.grantsFor(person(role, Kind.HUMAN));
      if (role == Role.ENGINEERING_MANAGER) {
        assertThat(grants.get(incident)).containsExactlyInAnyOrder(ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.CREATE_INSTANCE);
      } else {
        assertThat(grants).as(role.value()).doesNotContainKey(incident);
        assertThat(grants.getOrDefault(new Target(PROCESS_DEFINITION, "*", null), Set.of())).as(role.value())
            .doesNotContain(ProcessDefinitionPermissions.CREATE_INSTANCE);
      }
    }
  }

  @Test
  void onlyManagementGetsCockpitAndDefinitionWideReads() {
    Map<Target, Set<Permission>> em = AuthorizationPolicy.grantsFor(person(Role.ENGINEERING_MANAGER, Kind.HUMAN));
    Map<Target, Set<Permission>> tl = AuthorizationPolicy.grantsFor(person(Role.TECH_LEAD, Kind.HUMAN));
    Map<Target, Set<Permission>> dl = AuthorizationPolicy.grantsFor(person(Role.DOMAIN_LEAD, Kind.HUMAN));
    Map<Target, Set<Permission>> ic = AuthorizationPolicy.grantsFor(person(Role.IC, Kind.HUMAN));

    assertThat(em).containsKey(COCKPIT);
    assertThat(tl).containsKey(COCKPIT);
    assertThat(dl).doesNotContainKey(COCKPIT);
    assertThat(ic).doesNotContainKey(COCKPIT);
    Target anyDefinition = new Target(PROCESS_DEFINITION, "*", null);
    assertThat(em.get(anyDefinition)).containsExactlyInAnyOrder(ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    assertThat(dl.get(anyDefinition)).containsExactly(ProcessDefinitionPermissions.READ);
    assertThat(ic).doesNotContainKey(anyDefinition);
    assertThat(em.get(new Target(PROCESS_INSTANCE, "*", null)))
        .containsExactlyInAnyOrder(ProcessInstancePermissions.READ, ProcessInstancePermissions.CREATE);
  }

  @Test
  void filtersFollowTheRoleTable() {
    assertThat(AuthorizationPolicy.filtersFor(person(Role.IC, Kind.HUMAN)))
        .containsExactlyInAnyOrder(TasklistFilter.MY_TASKS, TasklistFilter.TO_REVIEW);
    assertThat(AuthorizationPolicy.filtersFor(person(Role.ARCHITECT, Kind.HUMAN)))
        .containsExactlyInAnyOrder(TasklistFilter.MY_TASKS, TasklistFilter.TO_REVIEW);
    assertThat(AuthorizationPolicy.filtersFor(person(Role.DOMAIN_LEAD, Kind.HUMAN)))
        .containsExactlyInAnyOrder(TasklistFilter.values());
    assertThat(AuthorizationPolicy.filtersFor(person(Role.ENGINEERING_MANAGER, Kind.HUMAN)))
        .containsExactlyInAnyOrder(TasklistFilter.MY_TASKS, TasklistFilter.MY_TEAMS_OPEN_TASKS,
            TasklistFilter.ESCALATED_TO_ME, TasklistFilter.OVERDUE);
    assertThat(AuthorizationPolicy.filtersFor(person(Role.TECH_LEAD, Kind.HUMAN)))
        .isEqualTo(AuthorizationPolicy.filtersFor(person(Role.ENGINEERING_MANAGER, Kind.HUMAN)));
  }

  @Test
  void nothingIsGrantedGloballyAndNothingBeyondReadOnTasks() {
    assertThat(AuthorizationPolicy.RULES).allSatisfy(rule -> {
      assertThat(rule.roles()).isNotEmpty();
      assertThat(rule.permissions()).doesNotContain(Permissions.ALL, ProcessDefinitionPermissions.ALL,
          ProcessInstancePermissions.ALL, ProcessInstancePermissions.DELETE, ProcessDefinitionPermissions.DELETE);
    });
  }
}
