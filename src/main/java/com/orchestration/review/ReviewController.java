package com.orchestration.review;

import com.orchestration.organization.PersonDirectory;
import com.orchestration.platform.InvalidInputException;
import com.orchestration.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Review records (SPEC §7) and first-time approval rates (SPEC §11). Read-only, any authenticated user. */
@RestController
@RequestMapping("/api/reviews")
@Tag(name = "Reviews", description = "Quality gate decisions: reviewer, outcome, findings, duration")
class ReviewController {

  static final int MAX_RESULTS = 500;

  private final ReviewService reviews;
  private final PersonDirectory people;

  ReviewController(ReviewService reviews, PersonDirectory people) {
    this.reviews = reviews;
    this.people = people;
  }

  @GetMapping
  @Operation(summary = "List review records, newest first (at most 500)", description = "Filters combine.")
  @ApiResponse(responseCode = "200", description = "The records")
  @ApiResponse(responseCode = "400", description = "A filter has a value that is not allowed; the problem names it")
  List<ReviewRecord> list(
      @Parameter(description = "e.g. INS-20261124-1") @RequestParam(required = false) String instructionKey,
      @Parameter(description = "a person id, e.g. marco") @RequestParam(required = false) String reviewer,
      @Parameter(description = "peer-review, domain-approval, cross-functional-qa, cross-functional-security, "
          + "architecture-review") @RequestParam(required = false) String gate) {
    ReviewGate wantGate = blankToNull(gate) == null ? null : ReviewGate.parse(gate.strip())
        .orElseThrow(() -> new InvalidInputException("gate", "Parameter 'gate' has the invalid value '" + gate
            + "'; allowed: " + ReviewGate.allowed()));
    return reviews.find(blankToNull(instructionKey), blankToNull(reviewer), wantGate, MAX_RESULTS);
  }

  @GetMapping("/first-time-approval/{personId}")
  @Operation(summary = "An author's first-time approval rate over their newest 10 peer-reviewed tasks")
  @ApiResponse(responseCode = "200", description = "The rate (null without any reviewed task)")
  @ApiResponse(responseCode = "404", description = "No person with this id and no reviewed work of theirs")
  FirstTimeApproval firstTimeApproval(@PathVariable String personId) {
    FirstTimeApproval rate = reviews.firstTimeApprovalRate(personId);
    // Unknown means: not in the organisation (removed people stay there) and no review of their work on record.
    if (rate.reviewedTasks() == 0 && people.findById(personId).isEmpty()) {
      throw new NotFoundException("person", personId);
    }
    return rate;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
