package com.orchestration.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Our organisation tables (V1__organization.sql): the read API for everyone, and the writes the sync needs. */
@Repository
class PersonRepository implements PersonDirectory {

  private final JdbcClient jdbc;

  PersonRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ------------------------------------------------------------------------------------------------------ reads

  @Override
  public Optional<Person> findById(String id) {
    return load("id = :v", Map.of("v", id)).stream().findFirst();
  }

  @Override
  public List<Person> findActive() {
    return load("active = true", Map.of());
  }

  @Override
  public List<Person> findActiveIcs(Domain domain) {
    return load("active = true and role = :role and domain = :domain",
        Map.of("role", Role.IC.value(), "domain", domain.value()));
  }

  @Override
  public List<Person> findActiveByRole(Role role) {
    return load("active = true and role = :role", Map.of("role", role.value()));
  }

  /** Everyone ever synchronised, active or removed. */
  List<Person> findAll() {
    return load("1 = 1", Map.of());
  }

  /** {@code where} is a fixed condition of this class with named parameters; never user text. */
  private List<Person> load(String where, Map<String, ?> params) {
    String ids = "select id from person where " + where;
    Map<String, TreeMap<String, SkillLevel>> skills = new HashMap<>();
    jdbc.sql("select person_id, skill, level from person_skill where person_id in (" + ids + ")")
        .params(params)
        .query(rs -> {
          skills.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), SkillLevel.ofRank(rs.getInt(3)));
        });
    Map<String, List<String>> goals = new HashMap<>();
    jdbc.sql("select person_id, skill from person_learning_goal where person_id in (" + ids + ") order by person_id, sort_order")
        .params(params)
        .query(rs -> {
          goals.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
    Map<String, TreeSet<LocalDate>> dates = new HashMap<>();
    jdbc.sql("select person_id, unavailable_on from person_unavailable_date where person_id in (" + ids + ")")
        .params(params)
        .query(rs -> {
          dates.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getObject(2, LocalDate.class));
        });
    return jdbc.sql("select * from person where " + where + " order by id")
        .params(params)
        .query((rs, n) -> person(rs, skills, goals, dates))
        .list();
  }

  private static Person person(ResultSet rs, Map<String, TreeMap<String, SkillLevel>> skills,
      Map<String, List<String>> goals, Map<String, TreeSet<LocalDate>> dates) throws SQLException {
    String id = rs.getString("id");
    String domain = rs.getString("domain");
    return new Person(id, rs.getString("name"), rs.getString("email"),
        Role.parse(rs.getString("role")).orElseThrow(),
        domain == null ? null : Domain.parse(domain).orElseThrow(),
        Kind.valueOf(rs.getString("kind")),
        ExperienceLevel.parse(rs.getString("level")).orElseThrow(),
        rs.getInt("hours_per_day"),
        dates.getOrDefault(id, new TreeSet<>()),
        skills.getOrDefault(id, new TreeMap<>()),
        goals.getOrDefault(id, List.of()),
        rs.getBoolean("active"));
  }

  // ----------------------------------------------------------------------------------------------------- writes

  /** Inserts or updates the person (and replaces skills, goals, dates) unless the stored row is already equal. */
  boolean upsert(Person person, Person stored, Instant now) {
    if (person.equals(stored)) {
      return false;
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", person.id());
    row.put("name", person.name());
    row.put("email", person.email());
    row.put("role", person.role().value());
    row.put("domain", person.domain() == null ? null : person.domain().value());
    row.put("kind", person.kind().name());
    row.put("level", person.level().value());
    row.put("hours", person.hoursPerDay());
    row.put("now", Timestamp.from(now));
    if (stored == null) {
      jdbc.sql("""
          insert into person (id, name, email, role, domain, kind, level, hours_per_day, active, removed_at, updated_at)
          values (:id, :name, :email, :role, :domain, :kind, :level, :hours, true, null, :now)""")
          .params(row).update();
    } else {
      jdbc.sql("""
          update person set name = :name, email = :email, role = :role, domain = :domain, kind = :kind,
            level = :level, hours_per_day = :hours, active = true, removed_at = null, updated_at = :now
          where id = :id""")
          .params(row).update();
      jdbc.sql("delete from person_skill where person_id = ?").param(person.id()).update();
      jdbc.sql("delete from person_learning_goal where person_id = ?").param(person.id()).update();
      jdbc.sql("delete from person_unavailable_date where person_id = ?").param(person.id()).update();
    }
    person.skills().forEach((skill, level) ->
        jdbc.sql("insert into person_skill (person_id, skill, level) values (?, ?, ?)")
            .params(person.id(), skill, level.rank()).update());
    for (int i = 0; i < person.learningGoals().size(); i++) {
      jdbc.sql("insert into person_learning_goal (person_id, skill, sort_order) values (?, ?, ?)")
          .params(person.id(), person.learningGoals().get(i), i).update();
    }
    person.unavailableDates().forEach(date ->
        jdbc.sql("insert into person_unavailable_date (person_id, unavailable_on) values (?, ?)")
            .params(person.id(), date).update());
    return true;
  }

  /** Marks a person as removed; their rows stay as history. */
  void deactivate(String id, Instant now) {
    jdbc.sql("update person set active = false, removed_at = ?, updated_at = ? where id = ? and active = true")
        .params(Timestamp.from(now), Timestamp.from(now), id).update();
  }

  /** Makes the skill table equal to the taxonomy; returns whether anything changed. */
  boolean replaceSkills(SkillTaxonomy taxonomy) {
    Map<String, String> stored = new HashMap<>();
    jdbc.sql("select name, category from skill").query(rs -> {
      stored.put(rs.getString(1), rs.getString(2));
    });
    Map<String, String> wanted = new HashMap<>();
    taxonomy.byCategory().forEach((category, skills) -> skills.forEach(s -> wanted.put(s, category)));
    if (stored.equals(wanted)) {
      return false;
    }
    jdbc.sql("delete from skill").update();
    wanted.forEach((name, category) ->
        jdbc.sql("insert into skill (name, category) values (?, ?)").params(name, category).update());
    return true;
  }
}
