package com.orchestration.organization;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads and validates {@code skills.yaml} and the organisation file. Collects every problem (one line each, naming
 * file, entry and field) and throws one {@link OrganizationFileException}; nothing is returned half-valid.
 */
final class OrganizationFileReader {

  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
  static final Pattern SKILL = Pattern.compile("[a-z0-9][a-z0-9.+#-]{0,63}");
  static final Set<String> RESERVED_IDS = Set.of("admin");
  static final List<String> FIELDS = List.of("id", "name", "email", "role", "domain", "kind", "level", "hoursPerDay",
      "unavailable", "skills", "learningGoals");
  static final int MIN_HOURS = 1;
  static final int MAX_HOURS = 12;

  private OrganizationFileReader() {}

  // ------------------------------------------------------------------------------------------------ skills.yaml

  static SkillTaxonomy readSkills(Resource resource) {
    String file = fileName(resource);
    Object root = parse(resource, file);
    List<String> errors = new ArrayList<>();
    Map<String, List<String>> categories = new LinkedHashMap<>();
    if (!(root instanceof Map<?, ?> top) || !(top.get("categories") instanceof Map<?, ?> cats)) {
      throw new OrganizationFileException(List.of(file + ": expected a top-level 'categories:' map of category -> list of skills"));
    }
    Map<String, String> seen = new HashMap<>();
    cats.forEach((category, skills) -> {
      String where = file + ": categories." + category;
      if (!(skills instanceof List<?> list)) {
        errors.add(where + ": expected a list of skill names");
        return;
      }
      List<String> names = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        String skill = String.valueOf(list.get(i));
        if (!SKILL.matcher(skill).matches()) {
          errors.add(where + "[" + i + "]: '" + skill + "' is not a skill name (lowercase kebab-case)");
        } else if (seen.containsKey(skill)) {
          errors.add(where + "[" + i + "]: duplicate skill '" + skill + "', already in category '" + seen.get(skill) + "'");
        } else {
          seen.put(skill, String.valueOf(category));
          names.add(skill);
        }
      }
      categories.put(String.valueOf(category), names);
    });
    for (Domain d : Domain.values()) {
      if (!seen.containsKey(d.value())) {
        errors.add(file + ": categories: the domain '" + d.value() + "' must be a skill (put it under 'domains')");
      }
    }
    if (!errors.isEmpty()) {
      throw new OrganizationFileException(errors);
    }
    return new SkillTaxonomy(categories);
  }

  // ------------------------------------------------------------------------------------------ organisation file

  static Organization readOrganization(Resource resource, SkillTaxonomy taxonomy) {
    String file = fileName(resource);
    return validate(file, parse(resource, file), taxonomy);
  }

  static Organization readOrganization(String file, String yamlText, SkillTaxonomy taxonomy) {
    return validate(file, parse(yamlText, file), taxonomy);
  }

  private static Organization validate(String file, Object root, SkillTaxonomy taxonomy) {
    List<String> errors = new ArrayList<>();
    if (root == null) {
      throw new OrganizationFileException(List.of(file + ": the file is empty; expected a top-level 'people:' list"));
    }
    if (!(root instanceof Map<?, ?> top)) {
      throw new OrganizationFileException(List.of(file + ": expected a top-level 'people:' list"));
    }
    top.keySet().stream().filter(k -> !"people".equals(k)).forEach(k ->
        errors.add(file + ": unknown top-level field '" + k + "'; allowed: people"));
    if (!(top.get("people") instanceof List<?> entries)) {
      errors.add(file + ": people: expected a list of people");
      throw new OrganizationFileException(errors);
    }

    List<Person> people = new ArrayList<>();
    // Roles as written, also for entries with errors elsewhere, so one bad skill does not also report
    // "domain without lead" for the lead whose entry it was.
    List<RoleClaim> roleClaims = new ArrayList<>();
    Map<String, Integer> indexOfId = new HashMap<>();
    Map<String, Integer> indexOfEmail = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      Object entry = entries.get(i);
      if (!(entry instanceof Map<?, ?> map)) {
        errors.add(file + ": people[" + i + "]: expected a person (a map with id, name, email, role, ...)");
        continue;
      }
      Person person = person(file, i, map, taxonomy, errors);
      if (person == null) {
        roleClaims.add(RoleClaim.of(map));
        continue;
      }
      String where = label(file, i, person.id());
      Integer earlier = indexOfId.putIfAbsent(person.id(), i);
      if (earlier != null) {
        errors.add(where + ": id: duplicate id '" + person.id() + "', already used by people[" + earlier + "]");
        continue;
      }
      Integer sameEmail = indexOfEmail.putIfAbsent(person.email().toLowerCase(), i);
      if (sameEmail != null) {
        errors.add(where + ": email: duplicate email '" + person.email() + "', already used by people[" + sameEmail + "]");
      }
      people.add(person);
      roleClaims.add(new RoleClaim(person.id(), person.role(), person.domain()));
    }
    organisationRules(file, roleClaims, errors);
    if (!errors.isEmpty()) {
      throw new OrganizationFileException(errors);
    }
    return new Organization(people);
  }

  /** Rules over the whole organisation; see docs/organization.md for why each exists. */
  private static void organisationRules(String file, List<RoleClaim> people, List<String> errors) {
    List<String> managers = idsWithRole(people, Role.ENGINEERING_MANAGER, null);
    if (managers.size() != 1) {
      errors.add(file + ": role engineering-manager: exactly one person must have it, found "
          + (managers.isEmpty() ? "none" : managers.size() + " (" + String.join(", ", managers) + ")"));
    }
    if (idsWithRole(people, Role.TECH_LEAD, null).isEmpty()) {
      errors.add(file + ": role tech-lead: at least one person must have it, found none");
    }
    for (Domain d : Domain.values()) {
      List<String> leads = idsWithRole(people, Role.DOMAIN_LEAD, d);
      if (leads.isEmpty()) {
        errors.add(file + ": domain '" + d.value() + "' has no domain-lead; every domain needs exactly one "
            + "(an entry with role: domain-lead, domain: " + d.value() + ")");
      } else if (leads.size() > 1) {
        errors.add(file + ": domain '" + d.value() + "' has " + leads.size() + " domain-leads ("
            + String.join(", ", leads) + "); exactly one is allowed");
      }
    }
  }

  private static List<String> idsWithRole(List<RoleClaim> people, Role role, Domain domain) {
    return people.stream().filter(p -> p.role() == role && (domain == null || p.domain() == domain))
        .map(RoleClaim::id).toList();
  }

  /** Who claims which role in which domain, read leniently (unknown values are null). */
  private record RoleClaim(String id, Role role, Domain domain) {
    static RoleClaim of(Map<?, ?> map) {
      return new RoleClaim(String.valueOf(map.get("id")),
          map.get("role") == null ? null : Role.parse(String.valueOf(map.get("role"))).orElse(null),
          map.get("domain") == null ? null : Domain.parse(String.valueOf(map.get("domain"))).orElse(null));
    }
  }

  private static Person person(String file, int i, Map<?, ?> map, SkillTaxonomy taxonomy, List<String> errors) {
    int before = errors.size();
    Object rawId = map.get("id");
    String id = rawId == null ? null : String.valueOf(rawId);
    String where = label(file, i, id != null && ID.matcher(id).matches() ? id : null);

    for (Object key : map.keySet()) {
      if (!FIELDS.contains(String.valueOf(key))) {
        errors.add(where + ": " + key + ": unknown field; allowed fields: " + String.join(", ", FIELDS));
      }
    }
    if (id == null) {
      errors.add(where + ": id: missing; every person needs a login id (lowercase letters, digits, '.', '-')");
    } else if (!ID.matcher(id).matches()) {
      errors.add(where + ": id: '" + id + "' is not a valid login id; use lowercase letters, digits, '.' and '-'"
          + " (at most 64 characters, starting with a letter or digit)");
    } else if (RESERVED_IDS.contains(id)) {
      errors.add(where + ": id: '" + id + "' is reserved for the Camunda administrator");
    }
    String name = text(map, "name", where, errors, true);
    String email = text(map, "email", where, errors, true);
    if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      errors.add(where + ": email: '" + email + "' is not an email address");
    }

    Role role = enumValue(map, "role", where, errors, true, Role::parse, Role.allowed(), null);
    Domain domain = enumValue(map, "domain", where, errors, false, Domain::parse, Domain.allowed(), null);
    if (role != null) {
      if (role.needsDomain() && domain == null && map.get("domain") == null) {
        errors.add(where + ": domain: missing; a " + role.value() + " needs a domain (" + Domain.allowed() + ")");
      }
      if ((role == Role.ENGINEERING_MANAGER || role == Role.TECH_LEAD) && map.get("domain") != null) {
        errors.add(where + ": domain: not allowed for role " + role.value() + " (the role spans all domains)");
      }
    }
    Kind kind = enumValue(map, "kind", where, errors, false, Kind::parse, Kind.allowed(), Kind.HUMAN);
    if (kind == Kind.AGENT && role != null && role != Role.IC) {
      errors.add(where + ": kind: AGENT is only allowed for role ic, not " + role.value());
    }
    ExperienceLevel level = enumValue(map, "level", where, errors, true, ExperienceLevel::parse,
        ExperienceLevel.allowed(), null);

    int hours = Person.DEFAULT_HOURS_PER_DAY;
    Object rawHours = map.get("hoursPerDay");
    if (rawHours != null) {
      if (rawHours instanceof Integer h && h >= MIN_HOURS && h <= MAX_HOURS) {
        hours = h;
      } else {
        errors.add(where + ": hoursPerDay: '" + rawHours + "' is not a whole number of hours from "
            + MIN_HOURS + " to " + MAX_HOURS);
      }
    }

    TreeSet<LocalDate> unavailable = new TreeSet<>();
    for (Map.Entry<Integer, Object> e : list(map, "unavailable", where, errors).entrySet()) {
      String value = String.valueOf(e.getValue());
      try {
        unavailable.add(LocalDate.parse(value));
      } catch (DateTimeParseException ex) {
        errors.add(where + ": unavailable[" + e.getKey() + "]: '" + value + "' is not an ISO date (yyyy-mm-dd)");
      }
    }

    TreeMap<String, SkillLevel> skills = new TreeMap<>();
    Object rawSkills = map.get("skills");
    if (rawSkills != null && !(rawSkills instanceof Map)) {
      errors.add(where + ": skills: expected a map of skill -> level (" + SkillLevel.allowed() + ")");
    } else if (rawSkills instanceof Map<?, ?> skillMap) {
      skillMap.forEach((k, v) -> {
        String skill = String.valueOf(k);
        if (!taxonomy.isKnown(skill)) {
          errors.add(where + ": skills." + skill + ": unknown skill '" + skill
              + "'; known skills are listed in skills.yaml");
          return;
        }
        SkillLevel skillLevel = v == null ? null : SkillLevel.parse(String.valueOf(v)).orElse(null);
        if (skillLevel == null) {
          errors.add(where + ": skills." + skill + ": '" + v + "' is not a skill level; allowed: " + SkillLevel.allowed());
          return;
        }
        skills.put(skill, skillLevel);
      });
    }

    List<String> goals = new ArrayList<>();
    for (Map.Entry<Integer, Object> e : list(map, "learningGoals", where, errors).entrySet()) {
      String skill = String.valueOf(e.getValue());
      if (!taxonomy.isKnown(skill)) {
        errors.add(where + ": learningGoals[" + e.getKey() + "]: unknown skill '" + skill
            + "'; known skills are listed in skills.yaml");
      } else if (!goals.contains(skill)) {
        goals.add(skill);
      }
    }

    if (errors.size() > before) {
      return null;
    }
    return new Person(id, name, email, role, domain, kind, level, hours, unavailable, skills, goals, true);
  }

  private static String label(String file, int i, String id) {
    return file + ": people[" + i + "]" + (id == null ? "" : " (id '" + id + "')");
  }

  private static String text(Map<?, ?> map, String field, String where, List<String> errors, boolean required) {
    Object value = map.get(field);
    if (value == null || String.valueOf(value).isBlank()) {
      if (required) {
        errors.add(where + ": " + field + ": missing");
      }
      return null;
    }
    return String.valueOf(value).trim();
  }

  private static <E> E enumValue(Map<?, ?> map, String field, String where, List<String> errors, boolean required,
      java.util.function.Function<String, java.util.Optional<E>> parser, String allowed, E fallback) {
    Object value = map.get(field);
    if (value == null) {
      if (required) {
        errors.add(where + ": " + field + ": missing; allowed: " + allowed);
      }
      return fallback;
    }
    return parser.apply(String.valueOf(value)).orElseGet(() -> {
      errors.add(where + ": " + field + ": unknown " + field + " '" + value + "'; allowed: " + allowed);
      return null;
    });
  }

  /** Index → element of an optional list field; an error if the field is there but not a list. */
  private static Map<Integer, Object> list(Map<?, ?> map, String field, String where, List<String> errors) {
    Object value = map.get(field);
    Map<Integer, Object> out = new LinkedHashMap<>();
    if (value == null) {
      return out;
    }
    if (!(value instanceof List<?> list)) {
      errors.add(where + ": " + field + ": expected a list");
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      out.put(i, list.get(i));
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------- parsing

  private static Object parse(Resource resource, String file) {
    if (!resource.exists()) {
      throw new OrganizationFileException(List.of(file + ": file not found (" + resource.getDescription() + ")"));
    }
    try (InputStream in = resource.getInputStream()) {
      return yaml().load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (MarkedYAMLException e) {
      throw malformed(file, e);
    } catch (YAMLException e) {
      throw new OrganizationFileException(List.of(file + ": malformed YAML: " + e.getMessage()));
    } catch (IOException e) {
      throw new OrganizationFileException(List.of(file + ": cannot be read: " + e.getMessage()));
    }
  }

  private static Object parse(String text, String file) {
    try {
      return yaml().load(text);
    } catch (MarkedYAMLException e) {
      throw malformed(file, e);
    } catch (YAMLException e) {
      throw new OrganizationFileException(List.of(file + ": malformed YAML: " + e.getMessage()));
    }
  }

  private static OrganizationFileException malformed(String file, MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    String at = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    String problem = java.util.stream.Stream.of(e.getContext(), e.getProblem())
        .filter(java.util.Objects::nonNull).collect(Collectors.joining(", "));
    return new OrganizationFileException(List.of(file + ": malformed YAML" + at + ": " + problem));
  }

  /** Safe YAML, duplicate keys refused, and dates left as text so we parse (and report) them ourselves. */
  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    DumperOptions dumper = new DumperOptions();
    return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new NoTimestampResolver());
  }

  private static String fileName(Resource resource) {
    return resource.getFilename() == null ? resource.getDescription() : resource.getFilename();
  }

  private static final class NoTimestampResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
      addImplicitResolver(Tag.INT, INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, FLOAT, "-+.0123456789");
      addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
      addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
      addImplicitResolver(Tag.NULL, EMPTY, null, 10);
      addImplicitResolver(Tag.YAML, YAML, "!&*", 10);
    }
  }
}
