package com.orchestration.intake;

import com.orchestration.capacity.Forecast;
import com.orchestration.capacity.ForecastService;
import com.orchestration.lifecycle.Priority;
import com.orchestration.platform.PolicyDecisions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admission (SPEC §4.3). The load is the 3-day forecast's planned hours of the whole system, plus the estimates of
 * instructions already admitted but not yet turned into tasks, plus this instruction's estimate, over the system's
 * capacity in those days. DMN {@code admission-control} decides admit / arbitrate / queue.
 *
 * <ul>
 *   <li><b>arbitrate</b> (a critical instruction over the threshold): DMN {@code priority-arbitration} compares it
 *       with the instruction it competes with (the oldest other open critical one, else the newest admitted one);
 *       only "EM decides" makes an EM task.</li>
 *   <li><b>admit</b> while other instructions wait (queued, or in front of the EM): the waiting instructions and
 *       this one are ranked by DMN {@code priority-arbitration}, pairwise ({@link #rank}). This one goes unless an
 *       instruction ranked above it can go now itself: it fits (its own {@code admission-control} admits it) or
 *       waits for the EM. One that does not fit does not hold back the ones behind it. Two critical ones that the
 *       table leaves to the EM and that have no recorded EM decision between them make an EM task, and nothing
 *       ranked below them starts until she decides (SPEC §15).</li>
 * </ul>
 *
 * <p>Every decision is recorded with its reason; a re-check (message {@code capacity-freed}, hourly timer) records
 * only what changed, so an instruction waiting for days does not write a row per hour.
 */
@Service
public class AdmissionService {

  static final String ADMISSION_DECISION = "admission-control";
  static final String ARBITRATION_DECISION = "priority-arbitration";

  private static final List<InstructionState> COMPETING = List.of(InstructionState.ARBITRATION,
      InstructionState.QUEUED, InstructionState.PLANNING, InstructionState.RISK_REVIEW, InstructionState.EXECUTING,
      InstructionState.VALIDATION, InstructionState.GO_NO_GO);

  /** Waiting for admission: in the queue, or in front of the EM. */
  private static final List<InstructionState> WAITING = List.of(InstructionState.QUEUED,
      InstructionState.ARBITRATION);

  /** First in, first out: the order priority-arbitration's {@code submittedFirst} input is taken from. */
  static final Comparator<Instruction> SUBMISSION_ORDER = Comparator.comparing(Instruction::createdAt)
      .thenComparing(Instruction::key);

  private final InstructionRepository repository;
  private final InstructionService instructions;
  private final ForecastService forecasts;
  private final PolicyDecisions policies;
  private final ApplicationEventPublisher events;

  AdmissionService(InstructionRepository repository, InstructionService instructions, ForecastService forecasts,
      PolicyDecisions policies, ApplicationEventPublisher events) {
    this.repository = repository;
    this.instructions = instructions;
    this.forecasts = forecasts;
    this.policies = policies;
    this.events = events;
  }

  /** admit | arbitrate | queue, with what the process shows the EM. */
  public record Admission(String outcome, double utilisation, String reason, String competingKey,
      String arbitrationReason) {}

  /** The queue may release an instruction now (the EM decided, or one waits behind another that fits). */
  public record QueueChanged(String instructionKey) {}

  /** Planned hours plus admitted-but-unplanned estimates, and the system capacity, over the 3-day horizon. */
  record Load(double baseHours, double capacityHours) {

    double utilisation(double addedHours) {
      return capacityHours <= 0 ? Double.MAX_VALUE : (baseHours + addedHours) / capacityHours;
    }

    /**
     * priority-arbitration's input {@code capacityAllowsBoth}: the load with both instructions' hours stays under
     * the organisation's capacity. (Whether they then run in parallel is the table's rule.)
     */
    boolean allowsBoth(Instruction a, Instruction b) {
      return allows(a.estimateHours() + b.estimateHours());
    }

    boolean allows(double addedHours) {
      return utilisation(addedHours) < 1.0;
    }
  }

  private record Fit(String outcome, double utilisation, String reason) {}

  /** One decision of priority-arbitration between A and B, after an EM decision by hand where the table asks her. */
  record Verdict(String decision, String reason) {}

  /**
   * One rank of the queue: the instruction that goes first among those left, the ones the table lets run in
   * parallel with it, and a critical one the EM must decide it against (no decision of hers recorded yet).
   */
  record Group(List<Instruction> members, Instruction emPending) {

    Instruction lead() {
      return members.get(0);
    }

    boolean has(Instruction instruction) {
      return members.stream().anyMatch(m -> m.key().equals(instruction.key()));
    }
  }

  @Transactional
  public Admission check(String key) {
    Instruction self = instructions.get(key);
    Load load = load(key);
    Fit fit = fit(self, load);
    recordIfChanged(key, "admission", null, fit.outcome(), fit.reason());
    return switch (fit.outcome()) {
      case "admit" -> release(self, fit, load);
      case "arbitrate" -> arbitrateOverThreshold(self, fit, load);
      default -> finish(self, new Admission("queue", fit.utilisation(), fit.reason(), null, null));
    };
  }

  /** The EM's decision on an instruction in arbitration: start now or wait in the queue; the queue re-checks. */
  @Transactional
  public void decideByHand(String key, String competingKey, boolean start, String rationale, String actor) {
    instructions.record(key, "arbitration", competingKey, start ? "EM_START" : "EM_WAIT", rationale, actor);
    instructions.moveTo(key, start ? InstructionState.PLANNING : InstructionState.QUEUED);
    events.publishEvent(new QueueChanged(key));
  }

  /** Queued instructions in the order the queue releases them: DMN priority-arbitration, pairwise. */
  @Transactional
  public List<Instruction> queue() {
    List<Instruction> waiting = repository.inStates(WAITING);
    if (waiting.size() > 1) {
      waiting = rank(waiting, load(null), emDecisions(waiting)).stream().flatMap(g -> g.members().stream())
          .toList();
    }
    return waiting.stream().filter(i -> i.state() == InstructionState.QUEUED).toList();
  }

  /** The load an instruction is checked against: everything but its own estimate. */
  Load load(String except) {
    Forecast forecast = forecasts.forecast();
    double capacity = forecast.system().stream().mapToDouble(Forecast.DayLoad::capacityHours).sum();
    double planned = forecast.system().stream().mapToDouble(Forecast.DayLoad::plannedHours).sum();
    return new Load(planned + repository.pipelineHours(except == null ? "" : except), capacity);
  }

  /**
   * Ranks instructions (in submission order) by folding DMN priority-arbitration over them: the leader so far (A)
   * against each next one (B) — B_FIRST makes B the leader, PARALLEL joins B to the leader's group, EM_DECIDES
   * (without a recorded EM decision) marks the pair for the EM — then the same over the rest. Hit policy FIRST over
   * criteria in precedence order makes the comparison transitive, so the fold finds the first. The results are
   * cached per input combination ({@link PolicyDecisions}): a queue of any length costs at most one evaluation per
   * distinct combination of priorities, commitments, capacity and order.
   */
  List<Group> rank(List<Instruction> submissionOrder, Load load, EmDecisions em) {
    List<Instruction> remaining = new ArrayList<>(submissionOrder);
    List<Group> ranking = new ArrayList<>();
    while (!remaining.isEmpty()) {
      List<Instruction> group = new ArrayList<>(List.of(remaining.get(0)));
      Instruction emPending = null;
      for (Instruction next : remaining.subList(1, remaining.size())) {
        double hours = group.stream().mapToDouble(Instruction::estimateHours).sum() + next.estimateHours();
        Verdict verdict = decide(group.get(0), next, load.allows(hours), em);
        switch (verdict.decision()) {
          case "B_FIRST" -> {
            group = new ArrayList<>(List.of(next));
            emPending = null;
          }
          case "PARALLEL" -> group.add(next);
          case "EM_DECIDES" -> emPending = emPending == null ? next : emPending;
          default -> { } // A_FIRST: the leader stays
        }
      }
      ranking.add(new Group(List.copyOf(group), emPending));
      remaining.removeAll(group);
    }
    return ranking;
  }

  /**
   * The load admits this instruction; instructions are waiting. It goes unless one ranked above it can go now (fits,
   * or waits for the EM); an EM pair it belongs to goes to the EM.
   */
  private Admission release(Instruction self, Fit fit, Load load) {
    List<Instruction> candidates = new ArrayList<>(repository.inStates(WAITING).stream()
        .filter(i -> !i.key().equals(self.key())).toList());
    if (candidates.isEmpty()) {
      return finish(self, new Admission("admit", fit.utilisation(), fit.reason(), null, null));
    }
    candidates.add(self);
    candidates.sort(SUBMISSION_ORDER);
    EmDecisions em = emDecisions(candidates);
    List<Group> ranking = rank(candidates, load, em);
    Map<String, Fit> fits = new HashMap<>(Map.of(self.key(), fit));
    java.util.function.Function<Instruction, Fit> fitOf = i -> fits.computeIfAbsent(i.key(), k -> fit(i, load));
    java.util.function.Predicate<Instruction> canGo = i -> i.state() == InstructionState.ARBITRATION
        || "admit".equals(fitOf.apply(i).outcome());
    Instruction skipped = null;
    for (int rank = 0; rank < ranking.size(); rank++) {
      Group group = ranking.get(rank);
      Instruction pending = group.emPending();
      if (pending != null) {
        Instruction other = same(self, group.lead()) ? pending : same(self, pending) ? group.lead() : null;
        if (other != null) {
          Verdict verdict = decide(self, other, load.allowsBoth(self, other),
              em);
          if (other.state() == InstructionState.ARBITRATION) {
            return waitBehind(self, fit, other, verdict, other.key() + " waits for the EM's decision; nothing "
                + "starts until she decides", false);
          }
          instructions.record(self.key(), "arbitration", other.key(), verdict.decision(), verdict.reason(), "system");
          return finish(self, new Admission("arbitrate", fit.utilisation(), fit.reason(), other.key(),
              verdict.reason()));
        }
        if (group.has(self) || canGo.test(group.lead()) || canGo.test(pending)) {
          Verdict verdict = decide(self, group.lead(),
              load.allowsBoth(self, group.lead()), em);
          return waitBehind(self, fit, group.lead(), verdict, group.lead().key() + " and " + pending.key()
              + " wait for the EM's decision between them; nothing starts until she decides", false);
        }
      } else if (group.has(self)) {
        return admitAhead(self, fit, load, em, group, skipped, skipped == null ? null : fitOf.apply(skipped),
            rank + 1 < ranking.size() ? ranking.get(rank + 1).lead() : null);
      } else {
        Optional<Instruction> goer = group.members().stream().filter(canGo).findFirst();
        if (goer.isPresent()) {
          Instruction first = goer.get();
          Verdict verdict = decide(self, first, load.allowsBoth(self, first),
              em);
          boolean emDecides = first.state() == InstructionState.ARBITRATION;
          return waitBehind(self, fit, first, verdict, emDecides
              ? first.key() + " waits for the EM's decision; nothing starts until she decides"
              : String.format(Locale.ROOT, "%s fits now (load with it %.0f%%) and goes first", first.key(),
                  fitOf.apply(first).utilisation() * 100), !emDecides);
        }
      }
      skipped = skipped == null ? group.lead() : skipped;
    }
    throw new IllegalStateException(self.key() + " is missing from its own ranking");
  }

  /** It is this instruction's turn: recorded against the one it overtook, runs in parallel with, or goes before. */
  private Admission admitAhead(Instruction self, Fit fit, Load load, EmDecisions em, Group group,
      Instruction skipped, Fit skippedFit, Instruction runnerUp) {
    Instruction against;
    String note = "";
    if (group.members().size() > 1) {
      against = same(self, group.lead()) ? group.members().get(1) : group.lead();
    } else if (skipped != null) {
      against = skipped;
      note = String.format(Locale.ROOT, "; %s does not fit now (load with it %.0f%%), so this instruction goes "
          + "ahead", skipped.key(), skippedFit.utilisation() * 100);
    } else {
      against = runnerUp;
    }
    if (against == null) {
      return finish(self, new Admission("admit", fit.utilisation(), fit.reason(), null, null));
    }
    Verdict verdict = decide(self, against,
        load.allowsBoth(self, against), em);
    String reason = verdict.reason() + note;
    instructions.record(self.key(), "arbitration", against.key(), verdict.decision(), reason, "system");
    return finish(self, new Admission("admit", fit.utilisation(), fit.reason(), against.key(), reason));
  }

  private Admission waitBehind(Instruction self, Fit fit, Instruction first, Verdict verdict, String why,
      boolean wakeTheQueue) {
    String reason = verdict.reason() + "; " + why;
    if (recordIfChanged(self.key(), "arbitration", first.key(), verdict.decision(), reason) && wakeTheQueue) {
      // The one that goes first may have been waiting for its own hourly re-check: wake the queue after commit.
      events.publishEvent(new QueueChanged(self.key()));
    }
    return finish(self, new Admission("queue", fit.utilisation(), fit.reason(), first.key(), reason));
  }

  /** A critical instruction over the threshold against the instruction it competes with (SPEC §4.3). */
  private Admission arbitrateOverThreshold(Instruction self, Fit fit, Load load) {
    Optional<Instruction> competitor = competitor(self);
    if (competitor.isEmpty()) {
      String why = "no other open instruction competes for the capacity; the critical instruction goes ahead";
      instructions.record(self.key(), "arbitration", null, "A_FIRST", why, "system");
      return finish(self, new Admission("admit", fit.utilisation(), fit.reason(), null, why));
    }
    Instruction other = competitor.get();
    // An instruction that waits is not in the load yet; an admitted or running one is.
    double otherHours = WAITING.contains(other.state()) ? other.estimateHours() : 0;
    Verdict verdict = decide(self, other, load.allows(self.estimateHours() + otherHours),
        emDecisions(List.of(self, other)));
    String result = switch (verdict.decision()) {
      case "A_FIRST", "PARALLEL" -> "admit";
      case "B_FIRST" -> "queue";
      default -> "arbitrate";
    };
    if ("queue".equals(result)) {
      recordIfChanged(self.key(), "arbitration", other.key(), verdict.decision(), verdict.reason());
    } else {
      instructions.record(self.key(), "arbitration", other.key(), verdict.decision(), verdict.reason(), "system");
    }
    return finish(self, new Admission(result, fit.utilisation(), fit.reason(), other.key(), verdict.reason()));
  }

  private Fit fit(Instruction instruction, Load load) {
    double utilisation = load.utilisation(instruction.estimateHours());
    PolicyDecisions.Policy admission = policies.evaluate(ADMISSION_DECISION, Map.of(
        "systemUtilisationWithInstruction", utilisation, "priority", instruction.priority().jsonName()));
    String reason = String.format(Locale.ROOT, "load with this instruction %.0f%%: %s", utilisation * 100,
        admission.value("reason")) + RecordedRules.format(admission.firedRules());
    return new Fit((String) admission.value("admission"), utilisation, reason);
  }

  /** DMN priority-arbitration with A = {@code a}; EM_DECIDES gives way to her recorded decision on the pair. */
  private Verdict decide(Instruction a, Instruction b, boolean capacityAllowsBoth, EmDecisions em) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("priorityA", a.priority().jsonName());
    inputs.put("priorityB", b.priority().jsonName());
    inputs.put("customerCommitmentA", a.customerCommitment());
    inputs.put("customerCommitmentB", b.customerCommitment());
    inputs.put("capacityAllowsBoth", capacityAllowsBoth);
    inputs.put("submittedFirst", SUBMISSION_ORDER.compare(a, b) <= 0 ? "A" : "B");
    PolicyDecisions.Policy arbitration = policies.evaluate(ARBITRATION_DECISION, inputs);
    String decision = (String) arbitration.value("decision");
    String reason = a.key() + " (A) against " + b.key() + " (B): " + arbitration.value("reason");
    if ("EM_DECIDES".equals(decision)) {
      Optional<InstructionDecision> byHand = em.between(a.key(), b.key());
      if (byHand.isPresent()) {
        InstructionDecision d = byHand.get();
        boolean aFirst = d.instructionKey().equals(a.key()) == "EM_START".equals(d.outcome());
        decision = aFirst ? "A_FIRST" : "B_FIRST";
        reason += "; the EM decided (" + d.actor() + ", " + d.outcome() + " for " + d.instructionKey() + "): "
            + d.reason();
      }
    }
    return new Verdict(decision, reason + RecordedRules.format(arbitration.firedRules()));
  }

  /** The EM's decisions by hand between two of these instructions (arbitration EM_START / EM_WAIT naming the other). */
  record EmDecisions(List<InstructionDecision> decisions) {

    Optional<InstructionDecision> between(String a, String b) {
      InstructionDecision latest = null;
      for (InstructionDecision d : decisions) {
        if (d.instructionKey().equals(a) && b.equals(d.subject()) || d.instructionKey().equals(b)
            && a.equals(d.subject())) {
          latest = d; // oldest first: the last one is her latest word
        }
      }
      return Optional.ofNullable(latest);
    }
  }

  private EmDecisions emDecisions(List<Instruction> among) {
    return new EmDecisions(repository.emArbitrations(among.stream().map(Instruction::key).toList()));
  }

  /** Records unless the latest decision of this kind already says the same (same subject, same outcome). */
  private boolean recordIfChanged(String key, String kind, String subject, String outcome, String reason) {
    InstructionDecision last = null;
    for (InstructionDecision d : repository.decisions(key)) {
      if (d.kind().equals(kind)) {
        last = d;
      }
    }
    if (last != null && Objects.equals(last.subject(), subject) && last.outcome().equals(outcome)) {
      return false;
    }
    instructions.record(key, kind, subject, outcome, reason, "system");
    return true;
  }

  private static boolean same(Instruction a, Instruction b) {
    return a.key().equals(b.key());
  }

  private Optional<Instruction> competitor(Instruction instruction) {
    List<Instruction> open = repository.inStates(COMPETING).stream()
        .filter(i -> !i.key().equals(instruction.key())).toList();
    Optional<Instruction> critical = open.stream().filter(i -> i.priority() == Priority.CRITICAL).findFirst();
    if (critical.isPresent()) {
      return critical;
    }
    return open.stream().filter(i -> i.state() != InstructionState.QUEUED)
        .max(Comparator.comparing(Instruction::createdAt));
  }

  private Admission finish(Instruction instruction, Admission admission) {
    InstructionState next = switch (admission.outcome()) {
      case "admit" -> InstructionState.PLANNING;
      case "arbitrate" -> InstructionState.ARBITRATION;
      default -> InstructionState.QUEUED;
    };
    if (instruction.state() != next) {
      instructions.moveTo(instruction.key(), next);
    }
    return admission;
  }
}
