package com.orchestration.organization;

import com.orchestration.platform.InvalidInputException;
import com.orchestration.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** People and skills of the organisation (SPEC §3, §12), read-only; the organisation file is the way to edit. */
@RestController
@RequestMapping("/api")
@Tag(name = "Organisation", description = "People, their skills and groups, and the skills taxonomy")
class PeopleController {

  private final PersonDirectory directory;
  private final SkillTaxonomy taxonomy;

  PeopleController(PersonDirectory directory, SkillTaxonomy taxonomy) {
    this.directory = directory;
    this.taxonomy = taxonomy;
  }

  /** A person as the API shows them. */
  record PersonView(String id, String name, String email, Role role, Domain domain, Kind kind,
      ExperienceLevel level, int hoursPerDay, List<LocalDate> unavailableDates, Map<String, SkillLevel> skills,
      List<String> learningGoals, List<String> groups, boolean active) {

    static PersonView of(Person p) {
      return new PersonView(p.id(), p.name(), p.email(), p.role(), p.domain(), p.kind(), p.level(), p.hoursPerDay(),
          List.copyOf(p.unavailableDates()), p.skills(), p.learningGoals(), OrganizationGroups.of(p), p.active());
    }
  }

  record SkillCategoryView(String category, List<String> skills) {}

  @GetMapping("/people")
  @Operation(summary = "List the active people of the organisation",
      description = "Optionally filtered by role, domain and kind; ordered by id.")
  @ApiResponse(responseCode = "200", description = "The people")
  @ApiResponse(responseCode = "400", description = "A filter has a value that is not allowed; the problem names it")
  List<PersonView> people(
      @Parameter(description = "engineering-manager, tech-lead, domain-lead, ic, architect")
      @RequestParam(required = false) String role,
      @Parameter(description = "frontend, backend, qa, devops, data, security")
      @RequestParam(required = false) String domain,
      @Parameter(description = "HUMAN or AGENT") @RequestParam(required = false) String kind) {
    Optional<Role> wantedRole = parse("role", role, Role::parse, Role.allowed());
    Optional<Domain> wantedDomain = parse("domain", domain, Domain::parse, Domain.allowed());
    Optional<Kind> wantedKind = parse("kind", kind, Kind::parse, Kind.allowed());
    return directory.findActive().stream()
        .filter(p -> wantedRole.map(r -> p.role() == r).orElse(true))
        .filter(p -> wantedDomain.map(d -> p.domain() == d).orElse(true))
        .filter(p -> wantedKind.map(k -> p.kind() == k).orElse(true))
        .map(PersonView::of)
        .toList();
  }

  @GetMapping("/people/{id}")
  @Operation(summary = "One person: skills with levels, role, domain, kind, level, hours, unavailable dates, "
      + "learning goals, groups", description = "Removed people are still found, with active false and no groups.")
  @ApiResponse(responseCode = "200", description = "The person")
  @ApiResponse(responseCode = "404", description = "No person with this id")
  PersonView person(@PathVariable String id) {
    return directory.findById(id).map(PersonView::of).orElseThrow(() -> new NotFoundException("person", id));
  }

  @GetMapping("/skills")
  @Operation(summary = "The skills taxonomy by category",
      description = "Every skill name any input may use; an unknown skill name anywhere is a validation error.")
  @ApiResponse(responseCode = "200", description = "Categories with their skills")
  List<SkillCategoryView> skills() {
    return taxonomy.byCategory().entrySet().stream()
        .map(e -> new SkillCategoryView(e.getKey(), e.getValue()))
        .toList();
  }

  private static <T> Optional<T> parse(String parameter, String value, Function<String, Optional<T>> parser,
      String allowed) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(parser.apply(value).orElseThrow(() -> new InvalidInputException(parameter,
        "Parameter '" + parameter + "' has the invalid value '" + value + "'; allowed: " + allowed)));
  }
}
