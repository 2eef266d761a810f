package com.orchestration.intake;

import com.orchestration.lifecycle.Complexity;
import com.orchestration.organization.Domain;
import com.orchestration.organization.SkillLevel;
import com.orchestration.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One task of a plan as JSON (docs/plans.md "JSON"): strings for every enum so that a wrong value is reported with
 * its field and the allowed values, then the same {@link PlanTask} as the textarea gives.
 */
@Schema(description = "A strategic (ST<n>) or tactical (TT<st>.<n>) task; enum values lowercase")
public record PlanTaskJson(
    @Schema(example = "ST1") String key,
    @Schema(example = "backend") String domain,
    @Schema(description = "days (1–5) for a strategic task, hours (> 0, ≤ 8) for a tactical task", example = "2")
    Double estimate,
    @Schema(example = "Order API") String description,
    List<String> dependencies,
    @Schema(description = "skill → minimum level (beginner, intermediate, advanced, expert)")
    Map<String, String> requiredSkills,
    List<String> niceToHaveSkills,
    @Schema(description = "simple, moderate, high") String complexity,
    @Schema(description = "strategic only: low, medium, high") String risk,
    Boolean securitySensitive,
    Boolean architectural,
    String acceptanceCriteria) {

  static List<PlanTask> toPlanTasks(String list, List<PlanTaskJson> tasks) {
    if (tasks == null || tasks.isEmpty()) {
      throw new InvalidInputException(list, "The plan has no tasks; send at least one task");
    }
    java.util.ArrayList<PlanTask> out = new java.util.ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      PlanTaskJson t = tasks.get(i);
      String at = list + "[" + i + "].";
      if (t == null) {
        throw new InvalidInputException(list + "[" + i + "]", "Task " + (i + 1) + " is null");
      }
      Domain domain = t.domain() == null ? null : Domain.require(at + "domain", t.domain());
      Map<String, SkillLevel> skills = new LinkedHashMap<>();
      if (t.requiredSkills() != null) {
        t.requiredSkills().forEach((skill, level) -> skills.put(skill, level == null ? null
            : SkillLevel.parse(level).orElseThrow(() -> new InvalidInputException(at + "requiredSkills",
                "Skill '" + skill + "': level '" + level + "' is not a level; allowed: " + SkillLevel.allowed()))));
      }
      Complexity complexity = t.complexity() == null ? null : Complexity.fromJson(t.complexity())
          .orElseThrow(() -> new InvalidInputException(at + "complexity", "'" + t.complexity()
              + "' is not a complexity; allowed: " + String.join(", ", Complexity.jsonNames())));
      PlanRisk risk = t.risk() == null ? null : PlanRisk.fromJson(t.risk())
          .orElseThrow(() -> new InvalidInputException(at + "risk", "'" + t.risk()
              + "' is not a risk level; allowed: " + PlanRisk.allowed()));
      out.add(new PlanTask(null, t.key() == null ? null : t.key().strip(), domain,
          t.estimate() == null ? 0 : t.estimate(), t.description(), t.dependencies(), skills,
          t.niceToHaveSkills() == null ? null : new java.util.LinkedHashSet<>(t.niceToHaveSkills()), complexity, risk,
          Boolean.TRUE.equals(t.securitySensitive()), Boolean.TRUE.equals(t.architectural()),
          t.acceptanceCriteria()));
    }
    return out;
  }
}
