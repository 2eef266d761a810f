package com.orchestration.insight;

import com.orchestration.organization.Domain;
import com.orchestration.platform.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The filters of {@code GET /api/metrics} and {@code GET /api/insight/bottlenecks}: a period {@code [from, to)} and
 * optionally one domain and one instruction. Parsed and checked before any query runs, so bad input is a 400 naming
 * the parameter.
 *
 * @param from start of the period, inclusive
 * @param to end of the period, exclusive
 * @param domain only work of this domain, or null for all
 * @param instruction only work of this instruction key, or null for all
 */
record MetricsQuery(Instant from, Instant to, Domain domain, String instruction) {

  /** Without {@code from}/{@code to}: the last 30 days up to now. */
  static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

  /** A longer period would make the per-day series and the scans unbounded. */
  static final Duration MAX_PERIOD = Duration.ofDays(366);

  /** Instruction keys are short identifiers (INS-20261124-001); anything else cannot name one. */
  static final Pattern INSTRUCTION_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

  static final String DATE_HELP = "an ISO date (2026-11-24) or date-time (2026-11-24T09:00:00Z, or without offset "
      + "in the server's time zone)";

  /**
   * Parses the request parameters; blank ones are absent. A date as {@code from} means the start of that day, as
   * {@code to} the end of that day (the day is included), both in {@code zone}.
   */
  static MetricsQuery parse(String from, String to, String domain, String instruction, Instant now, ZoneId zone) {
    Instant end = blank(to) ? now : instant("to", to, zone, true);
    Instant start = blank(from) ? end.minus(DEFAULT_PERIOD) : instant("from", from, zone, false);
    // compared with the start of a 'to' day, so from=2026-11-05&to=2026-11-04 is refused, not an empty period
    Instant toStart = blank(to) ? end : instant("to", to, zone, false);
    if (start.isAfter(toStart)) {
      throw new InvalidInputException("from", "Parameter 'from' (" + from.strip() + ") is after 'to' ("
          + (blank(to) ? "now, " + now : to.strip()) + "); the period runs from 'from' to 'to'");
    }
    if (Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
      throw new InvalidInputException("from", "The period from " + start + " to " + end + " is longer than "
          + MAX_PERIOD.toDays() + " days; choose a later 'from' or an earlier 'to'");
    }
    Domain wantedDomain = blank(domain) ? null : Domain.require("domain", domain);
    String key = blank(instruction) ? null : instruction.strip();
    if (key != null && !INSTRUCTION_KEY.matcher(key).matches()) {
      throw new InvalidInputException("instruction", "Parameter 'instruction' has the invalid value '" + instruction
          + "'; allowed: an instruction key such as INS-20261124-001 (letters, digits, '.', '_', '-'; at most 32)");
    }
    return new MetricsQuery(start, end, wantedDomain, key);
  }

  /** Only the domain and instruction filters (the bottleneck report is about now, not a period). */
  static MetricsQuery current(String domain, String instruction, Instant now) {
    MetricsQuery parsed = parse(null, null, domain, instruction, now, ZoneId.of("UTC"));
    return new MetricsQuery(now, now, parsed.domain(), parsed.instruction());
  }

  /**
   * One parameter of a period, as every insight endpoint reads it: an ISO date is the start of that day in
   * {@code zone} (with {@code endOfDay}, the start of the next, so the day is included); a date-time with an offset is
   * that instant, without one it is in {@code zone}. 400 naming {@code field} when it is neither.
   */
  static Instant instant(String field, String value, ZoneId zone, boolean endOfDay) {
    String text = value.strip();
    try {
      if (!text.contains("T")) {
        LocalDate day = LocalDate.parse(text);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
      }
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException withoutOffset) {
        return LocalDateTime.parse(text).atZone(zone).toInstant();
      }
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "Parameter '" + field + "' has the invalid value '" + value
          + "'; allowed: " + DATE_HELP);
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
