package com.orchestration.organization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Camunda groups of the organisation (SPEC §3 table) and who is in which. Processes use these ids as
 * candidate groups, e.g. {@code team-backend} for backend ICs (humans and agents), {@code leads-backend} for
 * its domain lead.
 */
public final class OrganizationGroups {

  public static final String ENGINEERING_MANAGERS = "engineering-managers";
  public static final String TECH_LEADS = "tech-leads";
  public static final String PLANNERS = "planners";
  public static final String DOMAIN_LEADS = "domain-leads";
  public static final String ARCHITECTS = "architects";
  public static final String ALL_ENGINEERING = "all-engineering";

  private OrganizationGroups() {}

  /** {@code team-<domain>}: the ICs (humans and agents) of the domain. */
  public static String team(Domain domain) {
    return "team-" + domain.value();
  }

  /** {@code leads-<domain>}: the domain lead of the domain. */
  public static String leads(Domain domain) {
    return "leads-" + domain.value();
  }

  /** Every group the organisation manages, id → human-readable name, in a stable order. */
  public static Map<String, String> all() {
    Map<String, String> groups = new LinkedHashMap<>();
    groups.put(ENGINEERING_MANAGERS, "Engineering managers");
    groups.put(TECH_LEADS, "Tech leads");
    groups.put(PLANNERS, "Planners");
    groups.put(DOMAIN_LEADS, "Domain leads");
    for (Domain d : Domain.values()) {
      groups.put(leads(d), "Leads " + title(d));
    }
    for (Domain d : Domain.values()) {
      groups.put(team(d), "Team " + title(d));
    }
    groups.put(ARCHITECTS, "Architects");
    groups.put(ALL_ENGINEERING, "All engineering");
    return groups;
  }

  /** The groups a person belongs to (none once removed). */
  public static List<String> of(Person person) {
    List<String> groups = new ArrayList<>();
    if (!person.active()) {
      return groups;
    }
    switch (person.role()) {
      case ENGINEERING_MANAGER -> groups.add(ENGINEERING_MANAGERS);
      case TECH_LEAD -> {
        groups.add(TECH_LEADS);
        groups.add(PLANNERS);
      }
      case DOMAIN_LEAD -> {
        groups.add(leads(person.domain()));
        groups.add(DOMAIN_LEADS);
      }
      case IC -> groups.add(team(person.domain()));
      case ARCHITECT -> groups.add(ARCHITECTS);
    }
    groups.add(ALL_ENGINEERING);
    return groups;
  }

  private static String title(Domain d) {
    return switch (d) {
      case QA -> "QA";
      case DEVOPS -> "DevOps";
      default -> Character.toUpperCase(d.value().charAt(0)) + d.value().substring(1);
    };
  }
}
