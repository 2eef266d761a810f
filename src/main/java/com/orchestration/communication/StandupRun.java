package com.orchestration.communication;

import java.time.LocalDate;
import java.util.List;

/** The reports one run of the standup process produced, before and after they are stored. */
record StandupRun(LocalDate date, StandupKind kind, List<Report> reports) {

  StandupRun {
    reports = List.copyOf(reports);
  }

  /**
   * One report: {@code content} is a {@link StandupIcReport}, {@link StandupDomainReport} or
   * {@link StandupWeeklyReport}, stored as JSON next to its Markdown.
   *
   * @param subject person id (ic), domain (domain), {@link StandupLevel#WEEKLY_SUBJECT} (weekly)
   * @param domain the IC's home domain (ic), the domain (domain), null (weekly)
   */
  record Report(StandupLevel level, String subject, String domain, Object content, String markdown) {}
}
