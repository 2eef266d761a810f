package com.orchestration.communication;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live inbox (SPEC §9.2): one Server-Sent Events stream per open connection, registered per user. Every stored
 * announcement goes to the open streams of the members of its channel, <em>after</em> the posting transaction
 * commits (a rolled-back post is never seen, and a client that reconnects with the id it saw finds it in the table).
 *
 * <p>All writes to streams — the replay on connect, live announcements and the heartbeat comment — run on one
 * scheduler thread: a stream never gets two writes at once, an announcement is delivered in commit order, and a
 * poster's thread never waits for a slow client. A write that fails (the client went away) drops the stream.
 *
 * <p>Reconnect: the client sends {@code Last-Event-ID} (browsers' {@code EventSource} do by themselves); the stream
 * first replays everything of the user's channels with a larger id, then goes live. An announcement that commits while
 * the replay is read may come both ways; the ids replayed are remembered until the next heartbeat so it is sent once.
 */
@Component
class InboxStream implements DisposableBean {

  static final String EVENT = "announcement";
  static final int REPLAY_PAGE = AnnouncementService.MAX_LIMIT;
  /** What a browser waits before it reconnects a dropped stream (SSE {@code retry:}). */
  static final long RECONNECT_MILLIS = 5_000;

  private static final Logger log = LoggerFactory.getLogger(InboxStream.class);

  private final AnnouncementService announcements;
  private final Channels channels;
  private final long timeoutMillis;
  private final ScheduledExecutorService writer;
  private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();

  InboxStream(AnnouncementService announcements, Channels channels,
      @Value("${orchestration.communication.stream.timeout:PT1H}") Duration timeout,
      @Value("${orchestration.communication.stream.heartbeat:PT25S}") Duration heartbeat) {
    this.announcements = announcements;
    this.channels = channels;
    this.timeoutMillis = timeout.toMillis();
    this.writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "inbox-stream");
      thread.setDaemon(true);
      return thread;
    });
    long every = heartbeat.toMillis();
    writer.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
  }

  /** One connection's stream. */
  private static final class Subscriber {
    final String user;
    final SseEmitter emitter;
    /** Ids sent by the replay, to skip their live copy; cleared at the next heartbeat. Writer thread only. */
    Set<Long> replayed = new HashSet<>();

    Subscriber(String user, SseEmitter emitter) {
      this.user = user;
      this.emitter = emitter;
    }
  }

  /**
   * Opens a stream for {@code user}: a greeting comment (so the client and any proxy see it is open), then, when
   * {@code lastEventId} is given, every announcement of the user's channels after it, then live announcements.
   */
  SseEmitter open(String user, Long lastEventId) {
    SseEmitter emitter = new SseEmitter(timeoutMillis);
    Subscriber subscriber = new Subscriber(user, emitter);
    emitter.onCompletion(() -> remove(subscriber));
    emitter.onError(error -> remove(subscriber));
    // Complete on timeout: the client reconnects with Last-Event-ID; without this Spring answers 503 on a stream
    // that has already sent events.
    emitter.onTimeout(() -> {
      remove(subscriber);
      emitter.complete();
    });
    try {
      writer.execute(() -> start(subscriber, lastEventId));
    } catch (RejectedExecutionException shuttingDown) {
      emitter.complete();
    }
    return emitter;
  }

  private void start(Subscriber subscriber, Long lastEventId) {
    // Registered before the replay is read: whatever commits from now on is also delivered live (and deduplicated).
    subscribers.compute(subscriber.user, (user, streams) -> {
      Set<Subscriber> open = streams == null ? new CopyOnWriteArraySet<>() : streams;
      open.add(subscriber);
      return open;
    });
    if (!send(subscriber, SseEmitter.event().reconnectTime(RECONNECT_MILLIS).comment("connected"))) {
      return;
    }
    if (lastEventId == null) {
      return;
    }
    long after = lastEventId;
    while (true) {
      List<Announcement> page;
      try {
        page = announcements.after(subscriber.user, after, REPLAY_PAGE);
      } catch (RuntimeException e) {
        log.warn("Could not replay the inbox of {} after {}: {}", subscriber.user, after, e.toString());
        drop(subscriber);
        return;
      }
      for (Announcement announcement : page) {
        if (!send(subscriber, event(announcement))) {
          return;
        }
        subscriber.replayed.add(announcement.id());
        after = announcement.id();
      }
      if (page.size() < REPLAY_PAGE) {
        return;
      }
    }
  }

  /** After the posting transaction committed (or at once when there was none): to every member's open streams. */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void posted(Announcement.Posted posted) {
    Announcement announcement = posted.announcement();
    try {
      writer.execute(() -> deliver(announcement));
    } catch (RejectedExecutionException shuttingDown) {
      log.debug("Stream writer stopped; announcement {} is not delivered live", announcement.id());
    }
  }

  private void deliver(Announcement announcement) {
    if (subscribers.isEmpty()) {
      return;
    }
    Set<String> members;
    try {
      members = channels.members(announcement.channel());
    } catch (RuntimeException e) {
      log.warn("Could not deliver announcement {} live: {}", announcement.id(), e.toString());
      return;
    }
    for (String member : members) {
      for (Subscriber subscriber : subscribers.getOrDefault(member, Set.of())) {
        if (subscriber.replayed != null && subscriber.replayed.remove(announcement.id())) {
          continue;
        }
        send(subscriber, event(announcement));
      }
    }
  }

  /** A comment line keeps proxies from closing an idle stream, and finds streams whose client went away. */
  private void heartbeat() {
    for (Set<Subscriber> streams : subscribers.values()) {
      for (Subscriber subscriber : streams) {
        subscriber.replayed = null;
        send(subscriber, SseEmitter.event().comment("heartbeat"));
      }
    }
  }

  private static SseEmitter.SseEventBuilder event(Announcement announcement) {
    return SseEmitter.event().id(String.valueOf(announcement.id())).name(EVENT)
        .data(announcement, MediaType.APPLICATION_JSON);
  }

  private boolean send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
    try {
      subscriber.emitter.send(event);
      return true;
    } catch (IOException | RuntimeException gone) {
      // The container reports the broken connection to onError as well; Spring ignores complete() after it.
      log.debug("Stream of {} closed: {}", subscriber.user, gone.toString());
      drop(subscriber);
      return false;
    }
  }

  private void drop(Subscriber subscriber) {
    remove(subscriber);
    try {
      subscriber.emitter.complete();
    } catch (RuntimeException ignored) {
      // already completed
    }
  }

  private void remove(Subscriber subscriber) {
    subscribers.computeIfPresent(subscriber.user, (user, streams) -> {
      streams.remove(subscriber);
      return streams.isEmpty() ? null : streams;
    });
  }

  /** Open streams of a user. */
  int openStreams(String user) {
    return subscribers.getOrDefault(user, Set.of()).size();
  }

  /** Sends the heartbeat now rather than at the next tick (tests). */
  void heartbeatNow() {
    writer.execute(this::heartbeat);
  }

  /** Ends a user's open streams from the server side, as a timeout does; their clients reconnect. */
  void close(String user) {
    writer.execute(() -> subscribers.getOrDefault(user, Set.of()).forEach(this::drop));
  }

  /**
   * Ends every open stream when the application shuts down. Before the web server's graceful shutdown (which waits
   * for running requests, and an open stream is one): without this, shutdown waits out its whole timeout.
   */
  @EventListener(ContextClosedEvent.class)
  void shutDown() {
    destroy();
  }

  @Override
  public void destroy() {
    writer.shutdownNow();
    subscribers.values().forEach(streams -> streams.forEach(s -> {
      try {
        s.emitter.complete();
      } catch (RuntimeException ignored) {
        // already completed
      }
    }));
    subscribers.clear();
  }
}
