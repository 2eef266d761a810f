package com.orchestration.lifecycle;

import com.orchestration.organization.Domain;
import com.orchestration.organization.SkillLevel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Realistic tactical-task drafts for tests; every call gets its own instruction key so tests never collide. */
public final class WorkItemDrafts {

  private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

  private WorkItemDrafts() {}

  public static String newInstructionKey() {
    return "INS-20261124-" + SEQUENCE.incrementAndGet();
  }

  public static WorkItem.Draft tactical(String instructionKey, String key, Domain domain, double estimateHours,
      String... dependencies) {
    return new WorkItem.Draft(instructionKey, key, TaskKind.TACTICAL, null, domain,
        "Add pagination to the order history endpoint", "Cursor-based, 50 per page", "p95 < 200 ms on 1M orders",
        estimateHours, Complexity.MODERATE, Priority.NORMAL, null, false, false,
        Map.of("java", SkillLevel.INTERMEDIATE, "spring-boot", SkillLevel.INTERMEDIATE), Set.of("postgresql"),
        List.of(dependencies));
  }
}
