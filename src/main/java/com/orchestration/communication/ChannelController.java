package com.orchestration.communication;

import com.orchestration.lifecycle.Priority;
import com.orchestration.organization.Person;
import com.orchestration.organization.Role;
import com.orchestration.platform.ForbiddenException;
import com.orchestration.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Broadcast channels (SPEC §9.2): who is in them, posting (members only; {@code all} for leads) and reading. */
@RestController
@RequestMapping("/api/channels")
@Tag(name = "Channels", description = "Broadcast channels and their announcements; see docs/communication.md")
class ChannelController {

  private final Channels channels;
  private final AnnouncementService announcements;
  private final IdentityService identity;

  ChannelController(Channels channels, AnnouncementService announcements, IdentityService identity) {
    this.channels = channels;
    this.announcements = announcements;
    this.identity = identity;
  }

  record Member(String id, String name, Role role) {}

  record ChannelView(String name, String description, List<Member> members,
      @Schema(description = "The caller is a member and reads the channel") boolean member,
      @Schema(description = "The caller may post here (members; for 'all' only leads, the TL and the EM)")
      boolean mayPost) {}

  @Schema(description = "An announcement to post; the author is the caller, the time the server's")
  record AnnouncementRequest(
      @Schema(description = "priority_change, resource_shift, milestone, blocker, celebration, sla_breach, incident",
          example = "blocker") String type,
      @Schema(description = "critical, high, normal (default), low", example = "high") String priority,
      @Schema(description = "One line, at most 200 characters", example = "Staging database is read-only until 14:00")
      String subject,
      @Schema(description = "The details, at most 10 000 characters") String message,
      @Schema(description = "Instruction keys, e.g. INS-20261124-001") List<String> affectedInstructions,
      @Schema(description = "Domains: frontend, backend, qa, devops, data, security") List<String> affectedDomains,
      @Schema(description = "One line each, at most 20") List<String> actionItems) {}

  @GetMapping
  @Operation(summary = "Every channel with its members, and whether the caller is a member and may post")
  @ApiResponse(responseCode = "200", description = "The channels in a stable order: all, domain-leads, tech-leads, "
      + "then one <domain>-team per domain")
  List<ChannelView> list() {
    String caller = caller();
    boolean mayPostToAll = channels.mayPostToAll(caller);
    return channels.membership().entrySet().stream().map(entry -> {
      List<Person> people = entry.getValue();
      boolean member = people.stream().anyMatch(p -> p.id().equals(caller));
      boolean mayPost = member && (!Channels.ALL.equals(entry.getKey()) || mayPostToAll);
      return new ChannelView(entry.getKey(), channels.description(entry.getKey()),
          people.stream().map(p -> new Member(p.id(), p.name(), p.role())).toList(), member, mayPost);
    }).toList();
  }

  @PostMapping("/{channel}/announcements")
  @Operation(summary = "Post an announcement to a channel you are a member of (all: leads, TL, EM only)",
      description = "Members live-streaming their inbox (GET /api/inbox/stream) receive it once it is stored.")
  @ApiResponse(responseCode = "201", description = "Stored; Location names it")
  @ApiResponse(responseCode = "400", description = "A field is missing or not allowed; the problem names it "
      + "(an unknown type lists the allowed ones)")
  @ApiResponse(responseCode = "403", description = "The caller is not a member, or not a lead posting to 'all'")
  @ApiResponse(responseCode = "404", description = "No such channel; the problem lists the channels")
  ResponseEntity<Announcement> post(@Parameter(description = "e.g. backend-team") @PathVariable String channel,
      @RequestBody(required = false) AnnouncementRequest request) {
    if (request == null) {
      throw new InvalidInputException("subject", "A JSON body with at least type, subject and message is required");
    }
    Announcement.Draft draft = new Announcement.Draft(channel, type(request.type()), priority(request.priority()),
        request.subject(), request.message(), request.affectedInstructions(), request.affectedDomains(),
        request.actionItems());
    Announcement posted = announcements.post(draft, caller());
    return ResponseEntity.created(URI.create("/api/channels/" + posted.channel() + "/announcements/" + posted.id()))
        .body(posted);
  }

  @GetMapping("/{channel}/announcements")
  @Operation(summary = "A channel's announcements, oldest first (members only)",
      description = "Without since and afterId: the newest `limit`. With them: the first `limit` after afterId and "
          + "at or after since; page on by passing the last id as afterId.")
  @ApiResponse(responseCode = "200", description = "The announcements, oldest first")
  @ApiResponse(responseCode = "400", description = "since is not an ISO instant, afterId not an id, limit not 1..500")
  @ApiResponse(responseCode = "403", description = "The caller is not a member of the channel")
  @ApiResponse(responseCode = "404", description = "No such channel")
  List<Announcement> read(@PathVariable String channel,
      @Parameter(description = "ISO-8601 instant, e.g. 2026-11-24T09:00:00Z") @RequestParam(required = false)
      String since,
      @Parameter(description = "Only announcements with a larger id") @RequestParam(required = false) String afterId,
      @Parameter(description = "1..500, default 100") @RequestParam(required = false) String limit) {
    ReadWindow window = ReadWindow.parse(since, afterId, limit);
    return announcements.channel(channel, caller(), window.afterId(), window.since(), window.limit());
  }

  @GetMapping("/{channel}/announcements/{id}")
  @Operation(summary = "One announcement of a channel (members only)")
  @ApiResponse(responseCode = "200", description = "The announcement")
  @ApiResponse(responseCode = "403", description = "The caller is not a member of the channel")
  @ApiResponse(responseCode = "404", description = "No such channel, or no such announcement in it")
  Announcement one(@PathVariable String channel, @PathVariable long id) {
    return announcements.get(channel, id, caller());
  }

  static AnnouncementType type(String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException("type", "The type is required; allowed: "
          + String.join(", ", AnnouncementType.allowed()));
    }
    return AnnouncementType.parse(value.strip()).orElseThrow(() -> new InvalidInputException("type",
        "Unknown type '" + value + "'; allowed: " + String.join(", ", AnnouncementType.allowed())));
  }

  static Priority priority(String value) {
    if (value == null || value.isBlank()) {
      return Priority.NORMAL;
    }
    return Priority.fromJson(value.strip()).orElseThrow(() -> new InvalidInputException("priority",
        "Unknown priority '" + value + "'; allowed: " + String.join(", ", Priority.jsonNames())));
  }

  private String caller() {
    return callerOf(identity);
  }

  static String callerOf(IdentityService identity) {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new ForbiddenException("No authenticated user on this request");
    }
    return authentication.getUserId();
  }
}
