package com.orchestration.communication;

/** Process variables of BPMN {@code standup}. */
final class StandupVariables {

  static final String PROCESS_KEY = "standup";
  /** Message of the on-demand start event. */
  static final String MESSAGE_REQUESTED = "standup-requested";

  /** String {@code YYYY-MM-DD}; absent on a timer start (then today in {@code orchestration.time-zone}). */
  static final String STANDUP_DATE = "standupDate";
  /** String {@code daily} or {@code weekly}; set by the start event's listener or the requester. */
  static final String STANDUP_KIND = "standupKind";
  /** Boolean: post the summaries to the channels; default true (timers), the API's {@code announce} parameter. */
  static final String STANDUP_ANNOUNCE = "standupAnnounce";
  /** String: who asked for an on-demand run. */
  static final String STANDUP_REQUESTED_BY = "standupRequestedBy";
  /** Integer: reports written by the run. */
  static final String STANDUP_REPORT_COUNT = "standupReportCount";
  /** Integer: announcements posted by the run. */
  static final String STANDUP_ANNOUNCEMENT_COUNT = "standupAnnouncementCount";
  /** Transient {@link StandupRun}: generate → store → announce inside one transaction, never persisted. */
  static final String STANDUP_RUN = "standupRun";

  private StandupVariables() {}
}
