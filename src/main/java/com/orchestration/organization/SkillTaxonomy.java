package com.orchestration.organization;

import com.orchestration.platform.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The skills taxonomy from {@code skills.yaml}: every skill name that any input may use, by category (SPEC §3).
 * An unknown skill name anywhere is a validation error; {@link #requireKnown} gives the standard 400.
 */
public final class SkillTaxonomy {

  private final Map<String, List<String>> byCategory;
  private final Map<String, String> categoryOfSkill;

  SkillTaxonomy(Map<String, List<String>> byCategory) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    Map<String, String> index = new LinkedHashMap<>();
    byCategory.forEach((category, skills) -> {
      copy.put(category, List.copyOf(skills));
      skills.forEach(s -> index.put(s, category));
    });
    this.byCategory = Collections.unmodifiableMap(copy);
    this.categoryOfSkill = Collections.unmodifiableMap(index);
  }

  public boolean isKnown(String skill) {
    return categoryOfSkill.containsKey(skill);
  }

  public Optional<String> categoryOf(String skill) {
    return Optional.ofNullable(categoryOfSkill.get(skill));
  }

  /** Category → skill names, in file order. */
  public Map<String, List<String>> byCategory() {
    return byCategory;
  }

  public Set<String> skills() {
    return new TreeSet<>(categoryOfSkill.keySet());
  }

  /** Throws the API's 400 naming {@code field} when {@code skill} is not in the taxonomy. */
  public void requireKnown(String field, String skill) {
    if (!isKnown(skill)) {
      throw new InvalidInputException(field,
          "Field '" + field + "' names the unknown skill '" + skill + "'; see GET /api/skills for known skills");
    }
  }

  /** Reads and validates a taxonomy file (the format of {@code skills.yaml}), e.g. for tools and tests. */
  public static SkillTaxonomy read(org.springframework.core.io.Resource resource) {
    return OrganizationFileReader.readSkills(resource);
  }
}
