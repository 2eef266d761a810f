package com.orchestration.communication;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orchestration.organization.Domain;
import com.orchestration.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Standup reports (SPEC §9.4): read as JSON or Markdown; generated on demand by leads, the TL and the EM. */
@RestController
@RequestMapping("/api/standups")
@Tag(name = "Standups", description = "Daily (per IC, per domain) and weekly standup reports")
class StandupController {

  static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

  private final StandupReports reports;
  private final StandupService standups;
  private final IdentityService identity;
  private final ObjectMapper json;

  private final com.orchestration.organization.PersonDirectory people;

  StandupController(StandupReports reports, StandupService standups, IdentityService identity, ObjectMapper json,
      com.orchestration.organization.PersonDirectory people) {
    this.people = people;
    this.reports = reports;
    this.standups = standups;
    this.identity = identity;
    this.json = json;
  }

  /**
   * One stored report.
   *
   * @param subject the person id (ic), the domain (domain), null (weekly)
   * @param content the report: see docs/standups.md for each level's fields
   */
  record StandupReportView(long id, LocalDate date, String level,
      @JsonInclude(JsonInclude.Include.ALWAYS) String subject, String domain, Instant createdAt, JsonNode content) {}

  @GetMapping
  @Operation(summary = "Standup reports of a day that the caller may read",
      description = "JSON list, or the Markdown of the matching reports with 'Accept: text/markdown' or "
          + "format=markdown. ICs read their own IC report and their domain's report; architects domain and weekly "
          + "reports; domain leads, the tech lead and the engineering manager everything.")
  @ApiResponse(responseCode = "200", description = "The reports (JSON: possibly an empty list)")
  @ApiResponse(responseCode = "400", description = "A parameter is invalid; the problem names it")
  @ApiResponse(responseCode = "403", description = "The filter names a report the caller may not read")
  @ApiResponse(responseCode = "404", description = "Markdown asked for and no report matches")
  ResponseEntity<?> list(
      @Parameter(description = "YYYY-MM-DD; default today") @RequestParam(required = false) String date,
      @Parameter(description = "ic, domain or weekly") @RequestParam(required = false) String level,
      @Parameter(description = "a domain: its domain report and its ICs' reports") @RequestParam(required = false)
      String domain,
      @Parameter(description = "a person id: their IC report") @RequestParam(required = false) String person,
      @Parameter(description = "json (default) or markdown") @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    LocalDate day = date(date);
    StandupLevel wantLevel = blank(level) ? null : StandupLevel.parse(level.strip()).orElseThrow(() ->
        new InvalidInputException("level", "Parameter 'level' has the invalid value '" + level + "'; allowed: "
            + StandupLevel.allowed()));
    Domain wantDomain = blank(domain) ? null : Domain.require("domain", domain);
    String wantPerson = blank(person) ? null : person.strip();
    if (wantPerson != null && (wantPerson.length() > 64
        || people.findById(wantPerson).isEmpty())) {
      throw new InvalidInputException("person", "Parameter 'person' names no person of the organisation; see "
          + "GET /api/people for their ids");
    }
    if (wantPerson != null && wantLevel != null && wantLevel != StandupLevel.IC) {
      throw new InvalidInputException("person", "Parameter 'person' selects IC reports; it cannot be combined with "
          + "level=" + wantLevel.value());
    }
    boolean markdown = markdown(format, accept);
    Authentication caller = identity.getCurrentAuthentication();
    List<StandupReportRepository.Row> rows = reports.read(reports.reader(caller.getUserId(), groups(caller)), day,
        wantLevel, wantDomain, wantPerson);
    if (!markdown) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(views(rows));
    }
    if (rows.isEmpty()) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No standup report for " + day
          + (wantLevel == null ? "" : ", level " + wantLevel.value())
          + (wantDomain == null ? "" : ", domain " + wantDomain.value())
          + (wantPerson == null ? "" : ", person " + wantPerson)
          + " that you may read; a domain lead, the tech lead or the engineering manager can generate it with "
          + "POST /api/standups?date=" + day);
      problem.setTitle("Not found");
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
    return ResponseEntity.ok().contentType(MARKDOWN).body(rows.stream().map(StandupReportRepository.Row::markdown)
        .collect(Collectors.joining("\n---\n\n")));
  }

  @PostMapping
  @Operation(summary = "Generate the standup of a day now (domain leads, tech lead, engineering manager)",
      description = "Runs BPMN standup (message standup-requested) and returns the reports it stored, replacing "
          + "that day's earlier reports of the same kind. announce=true also posts the summaries to the channels, "
          + "as the timers do; by default an on-demand run does not, so a regeneration does not repeat yesterday's "
          + "posts.")
  @ApiResponse(responseCode = "200", description = "The reports of the run")
  @ApiResponse(responseCode = "400", description = "A parameter is invalid; the problem names it")
  @ApiResponse(responseCode = "403", description = "The caller is not a domain lead, the tech lead or the EM")
  List<StandupReportView> generate(
      @Parameter(description = "YYYY-MM-DD, not after today; default today") @RequestParam(required = false)
      String date,
      @Parameter(description = "daily (default) or weekly") @RequestParam(required = false) String kind,
      @Parameter(description = "true: post the summaries to the channels; default false")
      @RequestParam(required = false) String announce) {
    LocalDate day = date(date);
    if (day.isAfter(standups.today())) {
      throw new InvalidInputException("date", "Parameter 'date' " + day + " is after today (" + standups.today()
          + "); a standup reports what has happened");
    }
    StandupKind wantKind = blank(kind) ? StandupKind.DAILY : StandupKind.parse(kind.strip()).orElseThrow(() ->
        new InvalidInputException("kind", "Parameter 'kind' has the invalid value '" + kind
            + "'; allowed: daily, weekly"));
    boolean wantAnnounce = switch (blank(announce) ? "false" : announce.strip()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidInputException("announce", "Parameter 'announce' has the invalid value '"
          + announce + "'; allowed: true, false");
    };
    Authentication caller = identity.getCurrentAuthentication();
    return views(reports.generate(day, wantKind, wantAnnounce, caller.getUserId(), groups(caller)));
  }

  private List<StandupReportView> views(List<StandupReportRepository.Row> rows) {
    return rows.stream().map(this::view).toList();
  }

  private StandupReportView view(StandupReportRepository.Row row) {
    try {
      return new StandupReportView(row.id(), row.date(), row.level().value(),
          row.level() == StandupLevel.WEEKLY ? null : row.subject(), row.domain(), row.createdAt(),
          json.readTree(row.contentJson()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored standup report " + row.id() + " is not valid JSON", e);
    }
  }

  private LocalDate date(String date) {
    if (blank(date)) {
      return standups.today();
    }
    try {
      return LocalDate.parse(date.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("date", "Parameter 'date' has the invalid value '" + date
          + "'; write YYYY-MM-DD, e.g. 2026-11-24");
    }
  }

  private static boolean markdown(String format, String accept) {
    if (!blank(format)) {
      return switch (format.strip()) {
        case "markdown" -> true;
        case "json" -> false;
        default -> throw new InvalidInputException("format", "Parameter 'format' has the invalid value '" + format
            + "'; allowed: json, markdown");
      };
    }
    return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/markdown");
  }

  private static List<String> groups(Authentication caller) {
    return caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
