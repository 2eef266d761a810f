package com.orchestration.capacity;

import com.orchestration.organization.Domain;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the rebalancing API and process read back from the tables (SPEC §8.5). */
final class RebalancingRecords {

  private RebalancingRecords() {}

  /**
   * A team proposal (DL) or a domain review (TL), see V11__rebalancing.sql for the states.
   *
   * @param moves team: the moves as decided (the proposed ones until the DL edits them); domain: empty
   * @param proposedMoves team: what the algorithm proposed
   * @param details team: {@code unmovable}, {@code notes}, {@code workloadsBefore}, {@code workloadsAfter};
   *     domain: {@code utilisation}, {@code lendOptions}, {@code deferOptions}, and after the decision
   *     {@code action} with what was done
   */
  record Proposal(long id, Domain domain, String kind, String trigger, String state, String decision,
      Instant createdAt, String processInstanceId, List<RebalancingMove> moves, List<RebalancingMove> proposedMoves,
      Map<String, Object> details, String decidedBy, Instant decidedAt, String reason, Instant appliedAt) {

    boolean open() {
      return state.equals(RebalancingRepository.PROPOSED) || state.equals(RebalancingRepository.ESCALATED);
    }
  }

  /** An IC lent from their home domain to {@code domain} until {@code endsAt} (or until returned). */
  record Loan(long id, String personId, Domain homeDomain, Domain domain, Instant lentAt, Instant endsAt,
      String lentBy, String reason, Long proposalId, Instant returnedAt, String returnedBy) {

    boolean open(Instant now) {
      return returnedAt == null && (endsAt == null || endsAt.isAfter(now));
    }
  }

  /**
   * A deferred strategic task: the priorities it and its not-started tactical tasks had before (work item id →
   * priority), restored by an undo.
   */
  record Deferral(long id, long proposalId, long workItemId, String instructionKey, String taskKey, Domain domain,
      Map<Long, String> previousPriorities, String deferredBy, Instant deferredAt, String reason, String undoneBy,
      Instant undoneAt) {}
}
