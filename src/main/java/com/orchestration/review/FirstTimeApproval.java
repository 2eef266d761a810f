package com.orchestration.review;

/**
 * An author's first-time approval rate (SPEC §11): of their last {@link ReviewService#FIRST_TIME_WINDOW} tasks that
 * had a peer review, the share whose first peer review approved.
 *
 * @param rate {@code approvedFirstTime / reviewedTasks}, or null when no task of the author was reviewed yet
 */
public record FirstTimeApproval(String personId, int reviewedTasks, int approvedFirstTime, Double rate) {}
