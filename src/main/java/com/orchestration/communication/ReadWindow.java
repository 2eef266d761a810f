package com.orchestration.communication;

import com.orchestration.platform.InvalidInputException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The query parameters of a read ({@code since}, {@code afterId}, {@code limit}), parsed with messages that name the
 * parameter and show an example: an ISO-8601 instant, an announcement id, 1..500.
 */
record ReadWindow(Instant since, long afterId, int limit) {

  static ReadWindow parse(String since, String afterId, String limit) {
    return new ReadWindow(instant("since", since), id("afterId", afterId), limit(limit));
  }

  static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "Parameter '" + field + "' has the invalid value '" + value
          + "'; write an ISO-8601 instant such as 2026-11-24T09:00:00Z");
    }
  }

  static long id(String field, String value) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      long id = Long.parseLong(value.strip());
      if (id >= 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException(field, "Parameter '" + field + "' has the invalid value '" + value
        + "'; write the id of an announcement (a whole number ≥ 0)");
  }

  static int limit(String value) {
    if (value == null || value.isBlank()) {
      return AnnouncementService.DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value.strip());
      if (limit >= 1 && limit <= AnnouncementService.MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException("limit", "Parameter 'limit' has the invalid value '" + value + "'; allowed: 1 to "
        + AnnouncementService.MAX_LIMIT + " (default " + AnnouncementService.DEFAULT_LIMIT + ")");
  }
}
