package com.orchestration.review;

import com.orchestration.capacity.CapacityClock;
import com.orchestration.lifecycle.FormInputException;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.organization.Person;
import com.orchestration.organization.PersonDirectory;
import com.orchestration.organization.Role;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who reviews a task's code (SPEC §7 gate 1, §15): an active human IC of the task's domain who is not the author and is
 * available today — the author's choice when they named an eligible peer, else the peer with the lowest review
 * load (ties by id). With no eligible peer (a single-IC domain, or every other IC away) the domain lead reviews.
 */
@Service
public class ReviewerSelection {

  /** Process variable: the author's choice of reviewer (optional). */
  public static final String PREFERRED_REVIEWER = "preferredReviewer";

  /** User tasks whose assignee is reviewing (counted in the review load while open). */
  static final List<String> REVIEW_TASK_KEYS = List.of("Task_ReviewCode", "Task_ApproveDomain",
      "Task_ValidateQuality", "Task_ValidateSecurity");

  private final PersonDirectory people;
  private final ReviewLoads loads;
  private final CapacityClock clock;

  @Autowired
  ReviewerSelection(PersonDirectory people, JdbcClient jdbc, CapacityClock clock) {
    this(people, new DatabaseReviewLoads(jdbc), clock);
  }

  ReviewerSelection(PersonDirectory people, ReviewLoads loads, CapacityClock clock) {
    this.people = people;
    this.loads = loads;
    this.clock = clock;
  }

  /**
   * The chosen reviewer.
   *
   * @param domainLead true when no peer was eligible and the domain lead reviews (SPEC §15)
   * @param reviewLoad the reviewer's open reviews before this one
   * @param rationale one line, e.g. {@code lowest review load (0) among lena, yuki}
   */
  public record Choice(String reviewer, boolean domainLead, int reviewLoad, String rationale) {}

  /** Open reviews per person: open REVIEW reservations and open review tasks assigned to them, per task. */
  interface ReviewLoads {
    Map<String, Integer> of(Collection<String> personIds);
  }

  public Choice select(WorkItem task) {
    return select(task, null, null);
  }

  /**
   * @param preferred the author's choice (null: none); an ineligible choice is refused with
   *     {@link FormInputException} on field {@code preferredReviewer}, naming the eligible peers
   * @param previous the reviewer of an earlier round (null: none): kept while still eligible, they know the findings
   */
  public Choice select(WorkItem task, String preferred, String previous) {
    LocalDate today = clock.today();
    String author = task.assignee();
    List<Person> peers = people.findActiveIcs(task.domain()).stream()
        .filter(p -> !p.id().equals(author))
        .filter(p -> !p.isAgent()) // "Review code" is a user task: an agent has no Tasklist to open it in
        .filter(p -> p.isAvailableOn(today))
        .sorted(Comparator.comparing(Person::id))
        .toList();
    Set<String> eligible = peers.stream().map(Person::id).collect(Collectors.toCollection(java.util.TreeSet::new));
    Map<String, Integer> load = eligible.isEmpty() ? Map.of() : loads.of(eligible);

    if (preferred != null && !preferred.isBlank()) {
      String wanted = preferred.strip();
      if (eligible.contains(wanted)) {
        return new Choice(wanted, false, load.getOrDefault(wanted, 0), "chosen by the author " + author);
      }
      Optional<Person> lead = people.findDomainLead(task.domain());
      if (eligible.isEmpty() && lead.isPresent() && lead.get().id().equals(wanted)) {
        return new Choice(wanted, true, 0, "chosen by the author " + author + "; no peer in " + task.domain().value()
            + " is eligible, so the domain lead reviews");
      }
      throw new FormInputException(PREFERRED_REVIEWER, "'" + wanted + "' cannot review " + task.qualifiedKey() + ": "
          + whyNot(wanted, author, task, today) + "; eligible peers: "
          + (eligible.isEmpty() ? "none (the domain lead reviews — leave the field empty)" : String.join(", ", eligible)));
    }
    if (eligible.isEmpty()) {
      Person lead = people.findDomainLead(task.domain()).orElseThrow(() -> new IllegalStateException(
          "No peer can review " + task.qualifiedKey() + " and domain " + task.domain().value()
              + " has no active domain lead; add one to the organisation file"));
      return new Choice(lead.id(), true, 0, "no other " + task.domain().value()
          + " IC is available, so the domain lead reviews");
    }
    if (previous != null && eligible.contains(previous)) {
      return new Choice(previous, false, load.getOrDefault(previous, 0), "reviewed the previous round");
    }
    String best = eligible.stream()
        .min(Comparator.<String>comparingInt(id -> load.getOrDefault(id, 0)).thenComparing(Comparator.naturalOrder()))
        .orElseThrow();
    return new Choice(best, false, load.getOrDefault(best, 0), "lowest review load (" + load.getOrDefault(best, 0)
        + ") among " + String.join(", ", eligible));
  }

  private String whyNot(String id, String author, WorkItem task, LocalDate today) {
    if (id.equals(author)) {
      return "they are the author";
    }
    Optional<Person> person = people.findById(id);
    if (person.isEmpty()) {
      return "nobody has this id";
    }
    Person p = person.get();
    if (!p.active()) {
      return "they left the organisation";
    }
    if (p.role() != Role.IC || p.domain() != task.domain()) {
      return "they are not an IC of " + task.domain().value();
    }
    if (!p.isAvailableOn(today)) {
      return "they are unavailable on " + today;
    }
    return "they are not eligible";
  }

  /** Counts from table {@code capacity_reservation} and Camunda's runtime task table, one query each. */
  static final class DatabaseReviewLoads implements ReviewLoads {

    private final JdbcClient jdbc;

    DatabaseReviewLoads(JdbcClient jdbc) {
      this.jdbc = jdbc;
    }

    @Override
    public Map<String, Integer> of(Collection<String> personIds) {
      Map<String, Set<String>> open = new HashMap<>();
      jdbc.sql("""
              select r.person_id, r.work_item_id from capacity_reservation r
              join work_item w on w.id = r.work_item_id
              where r.kind = 'REVIEW' and w.state not in ('COMPLETED', 'CANCELLED') and r.person_id in (:ids)""")
          .param("ids", personIds)
          .query((rs, row) -> open.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add("item:" + rs.getLong(2)))
          .list();
      // Read directly (not through TaskService): a delegate runs as the completing user, whose authorizations
      // would hide other people's tasks from a task query.
      jdbc.sql("""
              select t.assignee_, w.id, t.proc_inst_id_ from act_ru_task t
              left join work_item w on w.process_instance_id = t.proc_inst_id_
              where t.task_def_key_ in (:keys) and t.assignee_ in (:ids)""")
          .param("keys", REVIEW_TASK_KEYS)
          .param("ids", personIds)
          .query((rs, row) -> {
            long item = rs.getLong(2);
            return open.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                .add(rs.wasNull() ? "instance:" + rs.getString(3) : "item:" + item);
          })
          .list();
      Map<String, Integer> counts = new HashMap<>();
      for (String id : personIds) {
        counts.put(id, open.getOrDefault(id, Set.of()).size());
      }
      return counts;
    }
  }
}
