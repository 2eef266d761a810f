package com.orchestration.communication;

import com.orchestration.organization.Domain;
import com.orchestration.platform.ForbiddenException;
import com.orchestration.platform.InvalidInputException;
import com.orchestration.platform.NotFoundException;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posting to and reading broadcast channels (SPEC §9.2). People post only to channels they are members of, and
 * only leads, the TL and the EM to {@code all}; the system ({@link #announce}) posts anywhere. Every stored
 * announcement is published as {@link Announcement.Posted} for live delivery.
 */
@Service
public class AnnouncementService {

  public static final String SYSTEM = "system";
  static final int MAX_LIMIT = 500;

  private final AnnouncementRepository repository;
  private final Channels channels;
  private final ApplicationEventPublisher events;

  AnnouncementService(AnnouncementRepository repository, Channels channels, ApplicationEventPublisher events) {
    this.repository = repository;
    this.channels = channels;
    this.events = events;
  }

  /** A person posts; membership and the {@code all} rule are checked, every field is validated. */
  @Transactional
  public Announcement post(Announcement.Draft draft, String author) {
    requireChannel(draft.channel());
    if (!channels.members(draft.channel()).contains(author)) {
      throw new ForbiddenException("Only members of channel '" + draft.channel() + "' may post to it; " + author
          + " is not a member (their channels: " + String.join(", ", channels.channelsOf(author)) + ")");
    }
    if (Channels.ALL.equals(draft.channel()) && !channels.mayPostToAll(author)) {
      throw new ForbiddenException("Only domain leads, the tech lead and the engineering manager may post to 'all'");
    }
    return store(draft, author);
  }

  /** The system posts (SLA breaches, escalations, milestones, rebalancing moves, incidents, standups, …). */
  @Transactional
  public Announcement announce(Announcement.Draft draft) {
    requireChannel(draft.channel());
    return store(draft, SYSTEM);
  }

  /** One channel's announcements, for a member of it (the EM reads all). */
  public List<Announcement> channel(String channel, String reader, long afterId, Instant since, int limit) {
    requireChannel(channel);
    if (!channels.members(channel).contains(reader)) {
      throw new ForbiddenException("Only members of channel '" + channel + "' may read it");
    }
    return repository.find(List.of(channel), afterId, since, limit(limit));
  }

  /** Everything from the reader's channels after {@code afterId} and since {@code since}, oldest first. */
  public List<Announcement> inbox(String reader, long afterId, Instant since, int limit) {
    return repository.find(channels.channelsOf(reader), afterId, since, limit(limit));
  }

  private Announcement store(Announcement.Draft draft, String author) {
    validate(draft);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    long id = repository.insert(draft, author, now);
    Announcement announcement = repository.find(id);
    events.publishEvent(new Announcement.Posted(announcement));
    return announcement;
  }

  private void requireChannel(String channel) {
    if (channel == null || !channels.exists(channel)) {
      throw new NotFoundException("channel", channel == null ? "(none)" : channel
          + " (known channels: " + String.join(", ", channels.names()) + ")");
    }
  }

  static void validate(Announcement.Draft d) {
    if (d.type() == null) {
      throw new InvalidInputException("type", "The type is required; allowed: "
          + String.join(", ", AnnouncementType.allowed()));
    }
    if (d.priority() == null) {
      throw new InvalidInputException("priority", "The priority is required; allowed: critical, high, normal, low");
    }
    text("subject", d.subject(), 200, true);
    text("message", d.message(), 10_000, true);
    if (d.affectedInstructions().size() > 50) {
      throw new InvalidInputException("affectedInstructions", "At most 50 instructions");
    }
    for (int i = 0; i < d.affectedInstructions().size(); i++) {
      String key = d.affectedInstructions().get(i);
      if (key == null || !key.matches("INS-\\d{8}-\\d{3,}")) {
        throw new InvalidInputException("affectedInstructions[" + i + "]",
            "'" + key + "' is not an instruction key; write INS-YYYYMMDD-NNN");
      }
    }
    for (int i = 0; i < d.affectedDomains().size(); i++) {
      Domain.require("affectedDomains[" + i + "]", d.affectedDomains().get(i));
    }
    if (d.actionItems().size() > 20) {
      throw new InvalidInputException("actionItems", "At most 20 action items");
    }
    for (int i = 0; i < d.actionItems().size(); i++) {
      text("actionItems[" + i + "]", d.actionItems().get(i), 500, true);
      if (d.actionItems().get(i).contains("\n")) {
        throw new InvalidInputException("actionItems[" + i + "]", "An action item is one line; send several items");
      }
    }
  }

  private static void text(String field, String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw new InvalidInputException(field, "The " + field + " must not be empty");
      }
      return;
    }
    if (value.length() > max) {
      throw new InvalidInputException(field, "The " + field + " is limited to " + max + " characters ("
          + value.length() + " given)");
    }
  }

  private static int limit(int limit) {
    return limit <= 0 ? 100 : Math.min(limit, MAX_LIMIT);
  }
}
