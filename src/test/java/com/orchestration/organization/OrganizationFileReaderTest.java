package com.orchestration.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

class OrganizationFileReaderTest {

  static final SkillTaxonomy TAXONOMY = DemoOrganization.taxonomy();

  /** A minimal valid organisation: EM, TL, one lead per domain, and the entries a test appends. */
  static String org(String... extraEntries) {
    StringBuilder yaml = new StringBuilder("people:\n");
    yaml.append(entry("erin", "role: engineering-manager", "level: staff"));
    yaml.append(entry("tom", "role: tech-lead", "level: staff"));
    for (Domain d : Domain.values()) {
      yaml.append(entry("lead-" + d.value(), "role: domain-lead", "domain: " + d.value(), "level: senior"));
    }
    for (String extra : extraEntries) {
      yaml.append(extra);
    }
    return yaml.toString();
  }

  static String entry(String id, String... fields) {
    StringBuilder e = new StringBuilder("  - id: " + id + "\n    name: Person " + id + "\n    email: " + id
        + "@example.org\n");
    for (String f : fields) {
      e.append("    ").append(f).append('\n');
    }
    return e.toString();
  }

  static String ic(String id, String... fields) {
    String[] all = new String[fields.length + 3];
    all[0] = "role: ic";
    all[1] = "level: mid";
    all[2] = "domain: backend";
    System.arraycopy(fields, 0, all, 3, fields.length);
    return entry(id, all);
  }

  static Organization read(String yaml) {
    return OrganizationFileReader.readOrganization("organization.yaml", yaml, TAXONOMY);
  }

  @Test
  void demoOrganisationHasTheShapeTheSpecAsksFor() {
    Organization org = DemoOrganization.organization();

    Map<Role, Long> byRole = org.people().stream().collect(Collectors.groupingBy(Person::role, Collectors.counting()));
    assertThat(byRole).containsEntry(Role.ENGINEERING_MANAGER, 1L).containsEntry(Role.TECH_LEAD, 1L)
        .containsEntry(Role.DOMAIN_LEAD, 6L).containsEntry(Role.ARCHITECT, 1L);
    assertThat(byRole.get(Role.IC)).isGreaterThanOrEqualTo(18L);
    Map<Domain, Long> icsByDomain = org.people().stream().filter(p -> p.role() == Role.IC)
        .collect(Collectors.groupingBy(Person::domain, Collectors.counting()));
    assertThat(icsByDomain).containsOnlyKeys(Domain.values());
    assertThat(icsByDomain.values()).allSatisfy(n -> assertThat(n).isBetween(2L, 5L));
    assertThat(org.people().stream().filter(Person::isAgent).map(Person::role)).hasSizeGreaterThanOrEqualTo(2)
        .containsOnly(Role.IC);
    assertThat(org.people()).allSatisfy(p -> assertThat(p.skills()).isNotEmpty());
    assertThat(org.people()).anySatisfy(p -> assertThat(p.unavailableDates()).isNotEmpty());
    assertThat(org.people()).anySatisfy(p -> assertThat(p.learningGoals()).isNotEmpty());
    assertThat(org.people().stream().map(Person::level).distinct()).containsExactlyInAnyOrder(ExperienceLevel.values());
  }

  @Test
  void readsEveryFieldOfAnEntryAndAppliesDefaults() {
    Organization org = read(org(
        ic("dave", "skills: {java: expert, kafka: beginner}", "learningGoals: [kubernetes]",
            "unavailable: [2026-12-24, 2027-01-02]", "hoursPerDay: 6"),
        ic("bot-1", "kind: AGENT")));

    Person dave = org.person("dave").orElseThrow();
    assertThat(dave.domain()).isEqualTo(Domain.BACKEND);
    assertThat(dave.kind()).isEqualTo(Kind.HUMAN);
    assertThat(dave.hoursPerDay()).isEqualTo(6);
    assertThat(dave.skills()).containsEntry("java", SkillLevel.EXPERT).containsEntry("kafka", SkillLevel.BEGINNER);
    assertThat(dave.learningGoals()).containsExactly("kubernetes");
    assertThat(dave.unavailableDates()).containsExactly(LocalDate.of(2026, 12, 24), LocalDate.of(2027, 1, 2));
    assertThat(dave.isAvailableOn(LocalDate.of(2026, 12, 24))).isFalse();
    Person bot = org.person("bot-1").orElseThrow();
    assertThat(bot.isAgent()).isTrue();
    assertThat(bot.hoursPerDay()).isEqualTo(Person.DEFAULT_HOURS_PER_DAY);
  }

  @Test
  void unknownSkillNamesEntryAndField() {
    assertThatThrownBy(() -> read(org(ic("dave", "skills: {rust-lang: expert}"))))
        .isInstanceOf(OrganizationFileException.class)
        .hasMessage("organization.yaml: people[8] (id 'dave'): skills.rust-lang: unknown skill 'rust-lang'; "
            + "known skills are listed in skills.yaml");
  }

  @Test
  void unknownLearningGoalNamesEntryAndField() {
    assertThatThrownBy(() -> read(org(ic("dave", "learningGoals: [java, cobol]"))))
        .hasMessageContaining("people[8] (id 'dave'): learningGoals[1]: unknown skill 'cobol'");
  }

  @Test
  void unknownDomainNamesEntryFieldAndAllowedValues() {
    assertThatThrownBy(() -> read(org(entry("dave", "role: ic", "level: mid", "domain: mobile"))))
        .hasMessageContaining("people[8] (id 'dave'): domain: unknown domain 'mobile'; allowed: frontend, backend, qa, "
            + "devops, data, security");
  }

  @Test
  void duplicateIdNamesBothEntries() {
    assertThatThrownBy(() -> read(org(ic("dave"), ic("dave"))))
        .hasMessageContaining("people[9] (id 'dave'): id: duplicate id 'dave', already used by people[8]");
  }

  @Test
  void domainWithoutLeadIsNamed() {
    String yaml = org().replace(entry("lead-qa", "role: domain-lead", "domain: qa", "level: senior"), "");

    assertThatThrownBy(() -> read(yaml))
        .hasMessage("organization.yaml: domain 'qa' has no domain-lead; every domain needs exactly one "
            + "(an entry with role: domain-lead, domain: qa)");
  }

  @Test
  void anErrorInALeadsEntryDoesNotAlsoReportHerDomainAsLeaderless() {
    String yaml = org().replace(entry("lead-qa", "role: domain-lead", "domain: qa", "level: senior"),
        entry("lead-qa", "role: domain-lead", "domain: qa", "level: senior", "skills: {rust-lang: expert}"));

    assertThatThrownBy(() -> read(yaml))
        .hasMessage("organization.yaml: people[4] (id 'lead-qa'): skills.rust-lang: unknown skill 'rust-lang'; "
            + "known skills are listed in skills.yaml");
  }

  @Test
  void twoLeadsForOneDomainAreRefused() {
    assertThatThrownBy(() -> read(org(entry("dave", "role: domain-lead", "domain: qa", "level: senior"))))
        .hasMessageContaining("domain 'qa' has 2 domain-leads (lead-qa, dave); exactly one is allowed");
  }

  @Test
  void icWithoutDomainNamesEntryAndField() {
    assertThatThrownBy(() -> read(org(entry("dave", "role: ic", "level: mid"))))
        .hasMessage("organization.yaml: people[8] (id 'dave'): domain: missing; a ic needs a domain "
            + "(frontend, backend, qa, devops, data, security)");
  }

  @Test
  void malformedYamlNamesLineAndColumn() {
    String yaml = org(ic("dave")) + "  - id: [unclosed\n";

    assertThatThrownBy(() -> read(yaml))
        .isInstanceOf(OrganizationFileException.class)
        .hasMessageStartingWith("organization.yaml: malformed YAML at line ")
        .hasMessageMatching("(?s).*line \\d+, column \\d+: .*");
  }

  @Test
  void duplicateKeyInsideAnEntryIsMalformed() {
    assertThatThrownBy(() -> read(org(ic("dave", "level: senior"))))
        .hasMessageContaining("malformed YAML at line")
        .hasMessageContaining("duplicate key level");
  }

  @Test
  void badLevelKindRoleAndSkillLevelNameTheirFields() {
    assertThatThrownBy(() -> read(org(
        entry("dave", "role: ic", "domain: qa", "level: guru", "kind: ROBOT", "skills: {java: wizard}"),
        entry("eve", "role: intern", "level: mid"))))
        .isInstanceOfSatisfying(OrganizationFileException.class, e -> assertThat(e.problems()).containsExactly(
            "organization.yaml: people[8] (id 'dave'): kind: unknown kind 'ROBOT'; allowed: HUMAN, AGENT",
            "organization.yaml: people[8] (id 'dave'): level: unknown level 'guru'; allowed: junior, mid, senior, staff",
            "organization.yaml: people[8] (id 'dave'): skills.java: 'wizard' is not a skill level; allowed: beginner, "
                + "intermediate, advanced, expert",
            "organization.yaml: people[9] (id 'eve'): role: unknown role 'intern'; allowed: engineering-manager, "
                + "tech-lead, domain-lead, ic, architect"));
  }

  @Test
  void badDateNamesTheListPosition() {
    assertThatThrownBy(() -> read(org(ic("dave", "unavailable: [2026-12-24, 2026-13-01]"))))
        .hasMessage("organization.yaml: people[8] (id 'dave'): unavailable[1]: '2026-13-01' is not an ISO date "
            + "(yyyy-mm-dd)");
  }

  @Test
  void hoursOutsideOneToTwelveAreRefused() {
    assertThatThrownBy(() -> read(org(ic("dave", "hoursPerDay: 16"))))
        .hasMessageContaining("people[8] (id 'dave'): hoursPerDay: '16' is not a whole number of hours from 1 to 12");
  }

  @Test
  void agentsMustBeIcs() {
    assertThatThrownBy(() -> read(org(entry("dave", "role: architect", "level: staff", "kind: AGENT"))))
        .hasMessageContaining("people[8] (id 'dave'): kind: AGENT is only allowed for role ic, not architect");
  }

  @Test
  void unknownFieldIsNamedWithTheAllowedFields() {
    assertThatThrownBy(() -> read(org(ic("dave", "skils: {java: expert}"))))
        .hasMessageContaining("people[8] (id 'dave'): skils: unknown field; allowed fields: id, name, email");
  }

  @Test
  void invalidLoginAndReservedAdminAreRefused() {
    assertThatThrownBy(() -> read(org(ic("Dave Smith"), ic("admin"))))
        .hasMessageContaining("people[8]: id: 'Dave Smith' is not a valid login id")
        .hasMessageContaining("people[9] (id 'admin'): id: 'admin' is reserved for the Camunda administrator");
  }

  @Test
  void exactlyOneEngineeringManagerIsRequired() {
    assertThatThrownBy(() -> read(org(entry("emma", "role: engineering-manager", "level: staff"))))
        .hasMessageContaining("role engineering-manager: exactly one person must have it, found 2 (erin, emma)");
  }

  @Test
  void everyProblemIsReportedOnItsOwnLine() {
    assertThatThrownBy(() -> read(org(ic("dave", "skills: {rust-lang: expert}"), entry("eve", "role: ic", "level: mid"))))
        .isInstanceOfSatisfying(OrganizationFileException.class, e -> {
          assertThat(e.problems()).hasSize(2);
          assertThat(e.getMessage()).startsWith("2 problems:\n").contains("(id 'dave')").contains("(id 'eve')");
        });
  }

  @Test
  void emptyFileIsRefused() {
    assertThatThrownBy(() -> OrganizationFileReader.readOrganization(
        new ByteArrayResource(new byte[0]) {
          @Override
          public String getFilename() {
            return "org.yaml";
          }
        }, TAXONOMY))
        .hasMessage("org.yaml: the file is empty; expected a top-level 'people:' list");
  }

  @Test
  void skillsTaxonomyHasTheDomainsAndCategories() {
    assertThat(TAXONOMY.byCategory()).containsKeys("languages", "frameworks", "databases", "infrastructure",
        "security", "testing", "domains");
    assertThat(TAXONOMY.byCategory().get("domains")).containsExactly("frontend", "backend", "qa", "devops", "data",
        "security");
    assertThat(TAXONOMY.skills()).hasSizeGreaterThanOrEqualTo(55).contains("java", "react", "terraform", "oauth2");
    assertThat(TAXONOMY.categoryOf("playwright")).contains("testing");
  }

  @Test
  void duplicateSkillInTaxonomyIsRefused() {
    ByteArrayResource skills = new ByteArrayResource(
        "categories:\n  languages: [java]\n  frameworks: [java]\n  domains: [frontend, backend, qa, devops, data, security]\n"
            .getBytes()) {
      @Override
      public String getFilename() {
        return "skills.yaml";
      }
    };

    assertThatThrownBy(() -> OrganizationFileReader.readSkills(skills))
        .hasMessage("skills.yaml: categories.frameworks[0]: duplicate skill 'java', already in category 'languages'");
  }
}
