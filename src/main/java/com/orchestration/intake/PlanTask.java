package com.orchestration.intake;

import com.orchestration.lifecycle.Complexity;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.organization.Domain;
import com.orchestration.organization.SkillLevel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One task of a strategic plan (SPEC §4.4, key {@code ST<n>}) or of a tactical breakdown (§4.6, key
 * {@code TT<st>.<n>}), as parsed from a form textarea ({@link PlanParser}) or read from a JSON body. Both go
 * through the same {@link PlanValidator}.
 *
 * @param kind strategic or tactical; when absent (JSON) it is taken from the key prefix ({@code ST} / {@code TT})
 * @param estimate days (1–5) for a strategic task, hours (&gt; 0, ≤ 8) for a tactical task
 * @param requiredSkills skill name → minimum level
 * @param risk only for strategic tasks; may be null
 */
public record PlanTask(
    TaskKind kind,
    String key,
    Domain domain,
    double estimate,
    String description,
    List<String> dependencies,
    Map<String, SkillLevel> requiredSkills,
    Set<String> niceToHaveSkills,
    Complexity complexity,
    PlanRisk risk,
    boolean securitySensitive,
    boolean architectural,
    String acceptanceCriteria) {

  public PlanTask {
    if (kind == null && key != null) {
      kind = key.startsWith("ST") ? TaskKind.STRATEGIC : key.startsWith("TT") ? TaskKind.TACTICAL : null;
    }
    dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    requiredSkills = requiredSkills == null ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(requiredSkills));
    niceToHaveSkills = niceToHaveSkills == null ? Set.of()
        : Collections.unmodifiableSet(new LinkedHashSet<>(niceToHaveSkills));
  }
}
