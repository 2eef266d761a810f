package com.orchestration.lifecycle;

import com.orchestration.platform.ConflictException;
import com.orchestration.platform.ForbiddenException;
import com.orchestration.platform.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Heartbeats (SPEC §5.2): the assignee of an IN_PROGRESS or BLOCKED task reports progress at least every 4 h; a task
 * silent for longer is a standup warning. Checks come before any write; the heartbeat row and the task's hours are
 * written in one transaction.
 */
@Service
public class HeartbeatService {

  public static final int MAX_NOTE_LENGTH = 2000;
  /** Far above any real task (tactical tasks are at most 8 h), far below what the hours columns can hold. */
  public static final double MAX_HOURS = 10_000;

  private final WorkItemService workItems;
  private final HeartbeatRepository heartbeats;
  private final Duration maxSilence;
  private final org.springframework.context.ApplicationEventPublisher events;

  HeartbeatService(WorkItemService workItems, HeartbeatRepository heartbeats,
      @Value("${orchestration.heartbeat.max-silence:PT4H}") Duration maxSilence,
      org.springframework.context.ApplicationEventPublisher events) {
    this.workItems = workItems;
    this.heartbeats = heartbeats;
    this.maxSilence = maxSilence;
    this.events = events;
  }

  /**
   * Stores a heartbeat of {@code callerId} on the task and sets the task's hours spent and remaining hours.
   *
   * @throws com.orchestration.platform.NotFoundException no such task (404)
   * @throws ForbiddenException the caller is not the task's assignee (403)
   * @throws InvalidInputException a field is missing or out of range, named in the exception (400)
   * @throws ConflictException the task is not IN_PROGRESS or BLOCKED, or changed concurrently (409)
   */
  @Transactional
  public Heartbeat record(String instructionKey, String taskKey, HeartbeatRequest request, String callerId) {
    WorkItem item = workItems.get(instructionKey, taskKey);
    if (callerId == null || !callerId.equals(item.assignee())) {
      throw new ForbiddenException("Only the assignee of " + item.qualifiedKey() + " may send heartbeats");
    }
    validate(request);
    if (item.state() != TaskState.IN_PROGRESS && item.state() != TaskState.BLOCKED) {
      throw new ConflictException("Task " + item.qualifiedKey() + " is " + item.state()
          + "; heartbeats are accepted only while it is IN_PROGRESS or BLOCKED");
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    long id = heartbeats.insert(item.id(), callerId, request, now);
    workItems.recordProgress(item.id(), request.hoursSpent(), request.remainingHours());
    events.publishEvent(new ProgressReportedEvent(item.id(), item.instructionKey(), request.progressPercent()));
    return heartbeats.findById(id);
  }

  /** Newest first. */
  public List<Heartbeat> of(long workItemId) {
    return heartbeats.ofWorkItem(workItemId);
  }

  /**
   * IN_PROGRESS tasks whose assignee has sent nothing for longer than {@code orchestration.heartbeat.max-silence}
   * (PT4H): silence counts from the last heartbeat, or from the last entry into IN_PROGRESS if that is later (a
   * heartbeat sent before a blocker does not cover the time after it).
   */
  public List<HeartbeatSilence> missing(Instant now) {
    List<HeartbeatSilence> silent = new ArrayList<>();
    for (HeartbeatRepository.Silence s : heartbeats.inProgressWithLastSignal()) {
      Instant since = latest(s.lastHeartbeat(), s.enteredAt());
      if (since == null) {
        continue;
      }
      Duration silence = Duration.between(since, now);
      if (silence.compareTo(maxSilence) > 0) {
        silent.add(new HeartbeatSilence(s.workItemId(), s.instructionKey(), s.taskKey(), s.assignee(), since,
            silence));
      }
    }
    return silent;
  }

  public Duration maxSilence() {
    return maxSilence;
  }

  private static void validate(HeartbeatRequest r) {
    if (r.progressPercent() == null || r.progressPercent() < 0 || r.progressPercent() > 100) {
      throw new InvalidInputException("progressPercent",
          "progressPercent is required and must be a whole number from 0 to 100, was " + r.progressPercent());
    }
    if (r.hoursSpent() == null || !(r.hoursSpent() >= 0 && r.hoursSpent() <= MAX_HOURS)) {
      throw new InvalidInputException("hoursSpent", "hoursSpent (total hours spent on the task so far) is required "
          + "and must be from 0 to " + (int) MAX_HOURS + ", was " + r.hoursSpent());
    }
    if (r.remainingHours() == null || !(r.remainingHours() >= 0 && r.remainingHours() <= MAX_HOURS)) {
      throw new InvalidInputException("remainingHours", "remainingHours (your estimate of the hours left) is "
          + "required and must be from 0 to " + (int) MAX_HOURS + ", was " + r.remainingHours());
    }
    if (r.note() != null && r.note().length() > MAX_NOTE_LENGTH) {
      throw new InvalidInputException("note",
          "note may have at most " + MAX_NOTE_LENGTH + " characters, had " + r.note().length());
    }
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
