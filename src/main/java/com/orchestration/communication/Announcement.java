package com.orchestration.communication;

import com.orchestration.lifecycle.Priority;
import java.time.Instant;
import java.util.List;

/** One announcement on one channel (SPEC §9.2). {@code author} is a person's id or {@code system}. */
public record Announcement(long id, String channel, AnnouncementType type, Priority priority, String subject,
    String message, List<String> affectedInstructions, List<String> affectedDomains, List<String> actionItems,
    String author, Instant createdAt) {

  public Announcement {
    affectedInstructions = affectedInstructions == null ? List.of() : List.copyOf(affectedInstructions);
    affectedDomains = affectedDomains == null ? List.of() : List.copyOf(affectedDomains);
    actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
  }

  /** What a poster (a person or the system) supplies; id, author and time are the service's. */
  public record Draft(String channel, AnnouncementType type, Priority priority, String subject, String message,
      List<String> affectedInstructions, List<String> affectedDomains, List<String> actionItems) {

    public Draft {
      affectedInstructions = affectedInstructions == null ? List.of() : List.copyOf(affectedInstructions);
      affectedDomains = affectedDomains == null ? List.of() : List.copyOf(affectedDomains);
      actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
    }

    /** A system announcement without instructions, domains or action items. */
    public static Draft of(String channel, AnnouncementType type, Priority priority, String subject,
        String message) {
      return new Draft(channel, type, priority, subject, message, List.of(), List.of(), List.of());
    }
  }

  /** Published after an announcement is stored (inside the posting transaction). */
  public record Posted(Announcement announcement) {}
}
