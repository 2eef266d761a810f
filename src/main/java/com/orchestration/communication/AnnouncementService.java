package com.orchestration.communication;

import com.orchestration.organization.Domain;
import com.orchestration.platform.ForbiddenException;
import com.orchestration.platform.InvalidInputException;
import com.orchestration.platform.NotFoundException;
import com.orchestration.platform.Texts;
import java.time.Instant;
import java.util.ArrayList;
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
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_SUBJECT = 200;
  static final int MAX_MESSAGE = 10_000;
  static final int MAX_ACTION_ITEMS = 20;
  static final int MAX_ACTION_ITEM = 500;
  /** Column {@code action_items}: the items joined by newlines. */
  static final int MAX_ACTION_ITEMS_TOTAL = 4000;

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
      List<String> theirs = channels.channelsOf(author);
      throw new ForbiddenException("Only members of channel '" + draft.channel() + "' may post to it; " + author
          + " is not a member (their channels: " + (theirs.isEmpty() ? "none" : String.join(", ", theirs)) + ")");
    }
    if (Channels.ALL.equals(draft.channel()) && !channels.mayPostToAll(author)) {
      throw new ForbiddenException("Only domain leads, the tech lead and the engineering manager may post to 'all'; "
          + author + " may post to their team channel instead");
    }
    return store(draft, author);
  }

  /**
   * The system posts (SLA breaches, escalations, milestones, rebalancing moves, incidents, standups, …) to any
   * channel. Texts that are too long are cut rather than refused: a generated subject must not roll back the engine
   * transaction whose event it reports. A missing type or priority, an unknown channel or a malformed key is a
   * programming error and is refused.
   */
  @Transactional
  public Announcement announce(Announcement.Draft draft) {
    requireChannel(draft.channel());
    return store(fitted(draft), SYSTEM);
  }

  /**
   * One channel's announcements, for a member of it (the EM is a member of every channel). Without {@code afterId}
   * and {@code since} the newest {@code limit}; otherwise the first {@code limit} after them. Always oldest first.
   */
  public List<Announcement> channel(String channel, String reader, long afterId, Instant since, int limit) {
    requireReader(channel, reader);
    return read(List.of(channel), afterId, since, limit);
  }

  /** One announcement of a channel, for a member of it. */
  public Announcement get(String channel, long id, String reader) {
    requireReader(channel, reader);
    return repository.find(channel, id).orElseThrow(() -> new NotFoundException("announcement", channel + "/" + id));
  }

  /**
   * Everything from the reader's channels (SPEC §9.2 "everything from my channels since T"), oldest first: the newest
   * {@code limit} without {@code afterId} and {@code since}, else the first {@code limit} after them.
   */
  public List<Announcement> inbox(String reader, long afterId, Instant since, int limit) {
    return read(channels.channelsOf(reader), afterId, since, limit);
  }

  /** The reader's announcements after {@code afterId} (exclusive), oldest first: the stream's replay. */
  List<Announcement> after(String reader, long afterId, int limit) {
    return repository.find(channels.channelsOf(reader), afterId, null, limit(limit));
  }

  private List<Announcement> read(List<String> channelNames, long afterId, Instant since, int limit) {
    if (afterId <= 0 && since == null) {
      return repository.latest(channelNames, limit(limit));
    }
    return repository.find(channelNames, Math.max(0, afterId), since, limit(limit));
  }

  private void requireReader(String channel, String reader) {
    requireChannel(channel);
    if (!channels.members(channel).contains(reader)) {
      throw new ForbiddenException("Only members of channel '" + channel + "' may read it; " + reader
          + " reads " + describe(channels.channelsOf(reader)) + " (GET /api/inbox shows all of them)");
    }
  }

  private static String describe(List<String> names) {
    return names.isEmpty() ? "no channel" : String.join(", ", names);
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
      throw new UnknownChannelException(channel, channels.names());
    }
  }

  /** System text cut to the stored limits. */
  static Announcement.Draft fitted(Announcement.Draft d) {
    List<String> items = new ArrayList<>();
    int total = 0;
    for (String item : d.actionItems()) {
      String line = Texts.abbreviate(item == null ? null : item.replace('\n', ' '), MAX_ACTION_ITEM);
      if (line == null || line.isBlank() || items.size() == MAX_ACTION_ITEMS
          || total + line.length() + 1 > MAX_ACTION_ITEMS_TOTAL) {
        continue;
      }
      items.add(line);
      total += line.length() + 1;
    }
    return new Announcement.Draft(d.channel(), d.type(), d.priority(), Texts.abbreviate(d.subject(), MAX_SUBJECT),
        Texts.abbreviate(d.message(), MAX_MESSAGE), d.affectedInstructions(), d.affectedDomains(), items);
  }


  static boolean isInstructionKey(String key) {
    return key != null && key.matches("INS-\\d{8}-\\d{3,}");
  }

  static void validate(Announcement.Draft d) {
    if (d.type() == null) {
      throw new InvalidInputException("type", "The type is required; allowed: "
          + String.join(", ", AnnouncementType.allowed()));
    }
    if (d.priority() == null) {
      throw new InvalidInputException("priority", "The priority is required; allowed: critical, high, normal, low");
    }
    text("subject", d.subject(), MAX_SUBJECT, true);
    text("message", d.message(), MAX_MESSAGE, true);
    if (d.affectedInstructions().size() > 50) {
      throw new InvalidInputException("affectedInstructions", "At most 50 instructions");
    }
    for (int i = 0; i < d.affectedInstructions().size(); i++) {
      String key = d.affectedInstructions().get(i);
      if (!isInstructionKey(key)) {
        throw new InvalidInputException("affectedInstructions[" + i + "]",
            "'" + key + "' is not an instruction key; write INS-YYYYMMDD-NNN");
      }
    }
    for (int i = 0; i < d.affectedDomains().size(); i++) {
      Domain.require("affectedDomains[" + i + "]", d.affectedDomains().get(i));
    }
    if (d.actionItems().size() > MAX_ACTION_ITEMS) {
      throw new InvalidInputException("actionItems", "At most " + MAX_ACTION_ITEMS + " action items");
    }
    for (int i = 0; i < d.actionItems().size(); i++) {
      text("actionItems[" + i + "]", d.actionItems().get(i), MAX_ACTION_ITEM, true);
      if (d.actionItems().get(i).contains("\n")) {
        throw new InvalidInputException("actionItems[" + i + "]", "An action item is one line; send several items");
      }
    }
    int total = d.actionItems().stream().mapToInt(item -> item.length() + 1).sum();
    if (total > MAX_ACTION_ITEMS_TOTAL + 1) {
      throw new InvalidInputException("actionItems", "The action items are limited to " + MAX_ACTION_ITEMS_TOTAL
          + " characters together (" + (total - 1) + " given)");
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
    return limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
  }
}
