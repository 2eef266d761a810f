package com.orchestration.communication;

import com.orchestration.organization.Domain;
import com.orchestration.organization.Person;
import com.orchestration.organization.PersonDirectory;
import com.orchestration.organization.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The broadcast channels and who is in them (SPEC §9.2), derived from the organisation at each call so a change to
 * the organisation file changes membership on the next start without a second source of truth:
 * {@code all} (every active person), {@code domain-leads} (the DLs), {@code tech-leads} (the TL and the DLs) and
 * {@code <domain>-team} (the domain's DL and ICs). The EM reads every channel; agents are in their team channel.
 */
@Component
public class Channels {

  public static final String ALL = "all";
  public static final String DOMAIN_LEADS = "domain-leads";
  public static final String TECH_LEADS = "tech-leads";

  private final PersonDirectory people;

  Channels(PersonDirectory people) {
    this.people = people;
  }

  public static String team(Domain domain) {
    return domain.value() + "-team";
  }

  /** Every channel name, in a stable order. */
  public List<String> names() {
    List<String> names = new ArrayList<>(List.of(ALL, DOMAIN_LEADS, TECH_LEADS));
    for (Domain domain : Domain.values()) {
      names.add(team(domain));
    }
    return names;
  }

  /** What a channel is for and who is in it, in a sentence. */
  public String description(String channel) {
    return switch (channel) {
      case ALL -> "Everyone in the organisation; only domain leads, the tech lead and the engineering manager post";
      case DOMAIN_LEADS -> "The domain leads (and the engineering manager, who is in every channel)";
      case TECH_LEADS -> "The tech lead and the domain leads (and the engineering manager)";
      default -> "The " + channel.substring(0, channel.length() - "-team".length())
          + " team: its domain lead and ICs, agents included (and the engineering manager)";
    };
  }

  public boolean exists(String channel) {
    return names().contains(channel);
  }

  /** Active members of a channel, by id. */
  public Set<String> members(String channel) {
    Set<String> members = new LinkedHashSet<>();
    for (Person person : people.findActive()) {
      if (isMember(person, channel)) {
        members.add(person.id());
      }
    }
    return members;
  }

  /** Every channel with its active members, from one read of the organisation. */
  public Map<String, List<Person>> membership() {
    List<Person> active = people.findActive();
    Map<String, List<Person>> membership = new LinkedHashMap<>();
    for (String channel : names()) {
      membership.put(channel, active.stream().filter(p -> isMember(p, channel)).toList());
    }
    return membership;
  }

  /** Channels a person reads and may post to (posting to {@code all} further needs {@link #mayPostToAll}). */
  public List<String> channelsOf(String personId) {
    return people.findById(personId).filter(Person::active)
        .map(person -> names().stream().filter(c -> isMember(person, c)).toList())
        .orElse(List.of());
  }

  /** Only leads (DLs), the TL and the EM post to {@code all}. */
  public boolean mayPostToAll(String personId) {
    return people.findById(personId).filter(Person::active)
        .map(p -> p.role() == Role.DOMAIN_LEAD || p.role() == Role.TECH_LEAD
            || p.role() == Role.ENGINEERING_MANAGER)
        .orElse(false);
  }

  static boolean isMember(Person person, String channel) {
    if (!person.active()) {
      return false;
    }
    Role role = person.role();
    if (channel.equals(ALL) || role == Role.ENGINEERING_MANAGER) {
      return true;
    }
    if (channel.equals(DOMAIN_LEADS)) {
      return role == Role.DOMAIN_LEAD;
    }
    if (channel.equals(TECH_LEADS)) {
      return role == Role.DOMAIN_LEAD || role == Role.TECH_LEAD;
    }
    return person.domain() != null && channel.equals(team(person.domain()))
        && (role == Role.DOMAIN_LEAD || role == Role.IC);
  }
}
