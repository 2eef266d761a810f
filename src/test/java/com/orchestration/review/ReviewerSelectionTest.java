package com.orchestration.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.orchestration.capacity.CapacityClock;
import com.orchestration.lifecycle.Complexity;
import com.orchestration.lifecycle.FormInputException;
import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.organization.Domain;
import com.orchestration.organization.ExperienceLevel;
import com.orchestration.organization.Kind;
import com.orchestration.organization.Person;
import com.orchestration.organization.PersonDirectory;
import com.orchestration.organization.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Peer reviewer selection (SPEC §7 gate 1, §15) against a fake directory and fake review loads; no Spring. */
class ReviewerSelectionTest {

  static final LocalDate TODAY = LocalDate.parse("2026-11-24");

  final List<Person> people = new ArrayList<>();
  final Map<String, Integer> loads = new HashMap<>();
  ReviewerSelection selection;

  @BeforeEach
  void frontendTeam() {
    people.add(person("fiona", Role.DOMAIN_LEAD, Domain.FRONTEND));
    people.add(person("lena", Role.IC, Domain.FRONTEND));
    people.add(person("marco", Role.IC, Domain.FRONTEND));
    people.add(person("yuki", Role.IC, Domain.FRONTEND));
    people.add(person("alice", Role.IC, Domain.BACKEND));
    people.add(person("dana", Role.DOMAIN_LEAD, Domain.DATA));
    people.add(person("mei", Role.IC, Domain.DATA));
    CapacityClock clock = mock(CapacityClock.class);
    when(clock.today()).thenReturn(TODAY);
    selection = new ReviewerSelection(new FakeDirectory(), (ReviewerSelection.ReviewLoads) ids -> {
      Map<String, Integer> m = new HashMap<>();
      ids.forEach(id -> m.put(id, loads.getOrDefault(id, 0)));
      return m;
    }, clock);
  }

  @Test
  void neverChoosesAnAgentBecauseCodeReviewIsAUserTask() {
    people.add(new Person("bot-frontend-1", "bot", "bot@orchestration.example", Role.IC, Domain.FRONTEND,
        Kind.AGENT, ExperienceLevel.MID, 8, new TreeSet<>(), new TreeMap<>(), List.of(), true));
    loads.put("marco", 3);
    loads.put("yuki", 3);
    assertThat(selection.select(task("lena", Domain.FRONTEND)).reviewer()).isIn("marco", "yuki");
    assertThatThrownBy(() -> selection.select(task("lena", Domain.FRONTEND), "bot-frontend-1", null))
        .hasMessageContaining("bot-frontend-1");
  }

  @Test
  void choosesThePeerWithTheLowestReviewLoad() {
    loads.put("marco", 2);
    loads.put("yuki", 1);
    ReviewerSelection.Choice choice = selection.select(task("lena", Domain.FRONTEND));
    assertThat(choice.reviewer()).isEqualTo("yuki");
    assertThat(choice.domainLead()).isFalse();
    assertThat(choice.reviewLoad()).isEqualTo(1);
    assertThat(choice.rationale()).contains("lowest review load (1)").contains("marco, yuki");
  }

  @Test
  void breaksTiesByIdAndNeverChoosesTheAuthor() {
    // lena has no load at all, but she wrote the task
    loads.put("marco", 1);
    loads.put("yuki", 1);
    assertThat(selection.select(task("lena", Domain.FRONTEND)).reviewer()).isEqualTo("marco");
  }

  @Test
  void skipsAPeerWhoIsUnavailableToday() {
    replace("marco", TODAY);
    loads.put("yuki", 3);
    assertThat(selection.select(task("lena", Domain.FRONTEND)).reviewer()).isEqualTo("yuki");
  }

  @Test
  void honoursTheAuthorsChoiceOfAnEligiblePeerEvenWithAHigherLoad() {
    loads.put("yuki", 5);
    ReviewerSelection.Choice choice = selection.select(task("lena", Domain.FRONTEND), "yuki", null);
    assertThat(choice.reviewer()).isEqualTo("yuki");
    assertThat(choice.rationale()).isEqualTo("chosen by the author lena");
  }

  @Test
  void refusesAnIneligibleChoiceSayingWhyAndWhoIsEligible() {
    replace("marco", TODAY);
    WorkItem task = task("lena", Domain.FRONTEND);
    assertThatThrownBy(() -> selection.select(task, "lena", null)).isInstanceOf(FormInputException.class)
        .hasMessageContaining("'lena' cannot review").hasMessageContaining("they are the author")
        .hasMessageContaining("eligible peers: yuki").hasMessageContaining("[preferredReviewer]");
    assertThatThrownBy(() -> selection.select(task, "marco", null))
        .hasMessageContaining("they are unavailable on 2026-11-24");
    assertThatThrownBy(() -> selection.select(task, "alice", null))
        .hasMessageContaining("they are not an IC of frontend");
    assertThatThrownBy(() -> selection.select(task, "nobody", null))
        .hasMessageContaining("nobody has this id");
  }

  @Test
  void aSingleIcDomainIsReviewedByTheDomainLead() {
    ReviewerSelection.Choice choice = selection.select(task("mei", Domain.DATA));
    assertThat(choice.reviewer()).isEqualTo("dana");
    assertThat(choice.domainLead()).isTrue();
    assertThat(choice.rationale()).contains("domain lead reviews");
  }

  @Test
  void whenEveryOtherIcIsAwayTheDomainLeadReviews() {
    replace("marco", TODAY);
    replace("yuki", TODAY);
    assertThat(selection.select(task("lena", Domain.FRONTEND)).reviewer()).isEqualTo("fiona");
  }

  @Test
  void keepsThePreviousRoundsReviewerWhileTheyAreEligible() {
    loads.put("yuki", 4);
    assertThat(selection.select(task("lena", Domain.FRONTEND), null, "yuki").reviewer()).isEqualTo("yuki");
    replace("yuki", TODAY);
    assertThat(selection.select(task("lena", Domain.FRONTEND), null, "yuki").reviewer()).isEqualTo("marco");
  }

  @Test
  void aDomainWithoutPeerOrLeadFailsWithAMessageNamingTheDomain() {
    people.removeIf(p -> p.id().equals("dana"));
    assertThatThrownBy(() -> selection.select(task("mei", Domain.DATA)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("data has no active domain lead");
  }

  void replace(String id, LocalDate unavailable) {
    Person p = people.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    people.remove(p);
    TreeSet<LocalDate> dates = new TreeSet<>(p.unavailableDates());
    dates.add(unavailable);
    people.add(new Person(p.id(), p.name(), p.email(), p.role(), p.domain(), p.kind(), p.level(), p.hoursPerDay(),
        dates, p.skills(), p.learningGoals(), true));
  }

  static Person person(String id, Role role, Domain domain) {
    return new Person(id, id, id + "@orchestration.example", role, domain, Kind.HUMAN, ExperienceLevel.MID, 8,
        new TreeSet<>(), new TreeMap<>(), List.of(), true);
  }

  static WorkItem task(String author, Domain domain) {
    Instant now = Instant.parse("2026-11-24T09:00:00Z");
    return new WorkItem(1, "INS-20261124-900", "TT1", TaskKind.TACTICAL, null, domain, "Title", "", "", 4, 0, null,
        Complexity.MODERATE, Priority.NORMAL, null, false, false, new TreeMap<>(), new TreeSet<>(), List.of(), author,
        TaskState.UNDER_REVIEW, null, now, now, 0);
  }

  class FakeDirectory implements PersonDirectory {
    @Override
    public Optional<Person> findById(String id) {
      return people.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    @Override
    public List<Person> findActive() {
      return people.stream().sorted(java.util.Comparator.comparing(Person::id)).toList();
    }

    @Override
    public List<Person> findActiveIcs(Domain domain) {
      return findActive().stream().filter(p -> p.role() == Role.IC && p.domain() == domain).toList();
    }

    @Override
    public List<Person> findActiveByRole(Role role) {
      return findActive().stream().filter(p -> p.role() == role).toList();
    }
  }
}
