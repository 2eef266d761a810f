package com.orchestration.communication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A person's inbox (SPEC §9.2): everything from their channels, as a page or as a live Server-Sent Events stream. */
@RestController
@RequestMapping("/api/inbox")
@Tag(name = "Channels")
class InboxController {

  private final AnnouncementService announcements;
  private final InboxStream stream;
  private final IdentityService identity;

  InboxController(AnnouncementService announcements, InboxStream stream, IdentityService identity) {
    this.announcements = announcements;
    this.stream = stream;
    this.identity = identity;
  }

  @GetMapping
  @Operation(summary = "Everything from my channels, oldest first",
      description = "Without since and afterId: the newest `limit`. With them: the first `limit` after afterId and "
          + "at or after since (\"everything from my channels since T\"); page on with the last id as afterId.")
  @ApiResponse(responseCode = "200", description = "The announcements of the caller's channels, oldest first")
  @ApiResponse(responseCode = "400", description = "since is not an ISO instant, afterId not an id, limit not 1..500")
  List<Announcement> inbox(
      @Parameter(description = "ISO-8601 instant, e.g. 2026-11-24T09:00:00Z") @RequestParam(required = false)
      String since,
      @Parameter(description = "Only announcements with a larger id") @RequestParam(required = false) String afterId,
      @Parameter(description = "1..500, default 100") @RequestParam(required = false) String limit) {
    ReadWindow window = ReadWindow.parse(since, afterId, limit);
    return announcements.inbox(ChannelController.callerOf(identity), window.afterId(), window.since(),
        window.limit());
  }

  @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(summary = "Live stream of my channels (Server-Sent Events)",
      description = "Each announcement is an event `announcement` with `id:` = its id and the announcement as JSON "
          + "data. Reconnect with header Last-Event-ID (or parameter lastEventId) to get everything after that id "
          + "first. A comment line every 25 s keeps the connection open; the server closes it after an hour and the "
          + "client reconnects.")
  @ApiResponse(responseCode = "200", description = "The stream (text/event-stream)")
  @ApiResponse(responseCode = "400", description = "Last-Event-ID is not an announcement id")
  SseEmitter stream(
      @Parameter(description = "The id of the last event received; replay starts after it")
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
      @Parameter(description = "Same as the Last-Event-ID header, for clients that cannot set headers")
      @RequestParam(name = "lastEventId", required = false) String lastEventIdParam) {
    String caller = ChannelController.callerOf(identity);
    boolean fromHeader = lastEventIdHeader != null && !lastEventIdHeader.isBlank();
    String raw = fromHeader ? lastEventIdHeader : lastEventIdParam;
    Long lastEventId = raw == null || raw.isBlank() ? null
        : ReadWindow.id(fromHeader ? "Last-Event-ID" : "lastEventId", raw);
    return stream.open(caller, lastEventId);
  }
}
