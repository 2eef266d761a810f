package com.orchestration.intake;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Infers the work type from the keywords of SPEC §4.1 in the title and description.
 *
 * <ul>
 *   <li>Matching: whole words, case-insensitive; a word matches a keyword when it is the keyword plus one of a few
 *       English endings ({@code fixes, fixed, bugs, deploying, deployment, migration, tests, documentation}); a final
 *       "e" of the keyword may drop ({@code migrating}) and a final consonant may double ({@code shipped, debugging}).
 *   <li>Score per work type: every matching word counts 2 in the title, 1 in the description; the generic words
 *       {@code add, create, improve, clean, how, why} count half, because they also appear in other kinds of work
 *       ("add tests", "explain how the deploy works").
 *   <li>Precedence: highest score wins; on a tie, the work type mentioned first (title before description).
 *   <li>Confidence (certainty of the work type only): one work type matched → 0.9 (keywords are never certain);
 *       several → 0.9 × winner's score / sum of all scores; none → {@link WorkType#FEATURE} with 0.3 — the fail-safe:
 *       feature has the highest base tier, and low confidence lets the DMN fail-safe pick tier 4 over 3.
 * </ul>
 */
final class WorkTypeInference {

  static final double SINGLE_MATCH_CONFIDENCE = 0.9;
  static final double NO_MATCH_CONFIDENCE = 0.3;
  static final WorkType NO_MATCH_WORK_TYPE = WorkType.FEATURE;

  private static final double TITLE_WEIGHT = 2;
  private static final double DESCRIPTION_WEIGHT = 1;
  private static final double GENERIC_WORD_FACTOR = 0.5;

  /** SPEC §4.1, in the spec's order. */
  private static final Map<WorkType, List<String>> KEYWORDS = new LinkedHashMap<>();

  static {
    KEYWORDS.put(WorkType.FIX, List.of("fix", "bug", "error", "broken"));
    KEYWORDS.put(WorkType.FEATURE, List.of("add", "implement", "create", "feature"));
    KEYWORDS.put(WorkType.REFACTOR, List.of("refactor", "improve", "clean", "optimize"));
    KEYWORDS.put(WorkType.TESTS, List.of("test", "coverage", "spec"));
    KEYWORDS.put(WorkType.REVIEW, List.of("review", "audit", "assess"));
    KEYWORDS.put(WorkType.DOCS, List.of("document", "docs", "readme"));
    KEYWORDS.put(WorkType.QUESTION, List.of("question", "explain", "how", "why"));
    KEYWORDS.put(WorkType.DEPLOYMENT, List.of("deploy", "release", "ship"));
    KEYWORDS.put(WorkType.INVESTIGATION, List.of("investigate", "debug", "diagnose"));
    KEYWORDS.put(WorkType.MIGRATION, List.of("migrate", "upgrade"));
  }

  private static final Set<String> GENERIC_WORDS = Set.of("add", "create", "improve", "clean", "how", "why");

  private static final List<String> ENDINGS = List.of(
      "", "s", "es", "e", "ed", "d", "ing", "ion", "ions", "ation", "ations", "ment", "ments", "er", "ers");

  /** The inferred work type, its confidence, the keywords found (in order of appearance) and every score. */
  record Inference(WorkType workType, double confidence, List<String> matchedKeywords, Map<WorkType, Double> scores) {

    boolean anyMatched() {
      return !scores.isEmpty();
    }
  }

  private WorkTypeInference() {}

  static Inference infer(String title, String description) {
    Map<WorkType, Double> scores = new EnumMap<>(WorkType.class);
    Map<WorkType, Integer> firstMention = new EnumMap<>(WorkType.class);
    Set<String> matched = new LinkedHashSet<>();
    List<String> words = new ArrayList<>();
    words.addAll(words(title));
    int titleWords = words.size();
    words.addAll(words(description));
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      for (Map.Entry<WorkType, List<String>> type : KEYWORDS.entrySet()) {
        for (String keyword : type.getValue()) {
          if (matches(word, keyword)) {
            double weight = (i < titleWords ? TITLE_WEIGHT : DESCRIPTION_WEIGHT)
                * (GENERIC_WORDS.contains(keyword) ? GENERIC_WORD_FACTOR : 1);
            scores.merge(type.getKey(), weight, Double::sum);
            firstMention.putIfAbsent(type.getKey(), i);
            matched.add(keyword);
          }
        }
      }
    }
    if (scores.isEmpty()) {
      return new Inference(NO_MATCH_WORK_TYPE, NO_MATCH_CONFIDENCE, List.of(), Map.of());
    }
    WorkType winner = null;
    for (WorkType type : scores.keySet()) {
      if (winner == null
          || scores.get(type) > scores.get(winner)
          || (scores.get(type).equals(scores.get(winner)) && firstMention.get(type) < firstMention.get(winner))) {
        winner = type;
      }
    }
    double total = scores.values().stream().mapToDouble(Double::doubleValue).sum();
    double confidence = round2(SINGLE_MATCH_CONFIDENCE * scores.get(winner) / total);
    return new Inference(winner, confidence, List.copyOf(matched), Map.copyOf(scores));
  }

  static boolean matches(String word, String keyword) {
    List<String> stems = new ArrayList<>(List.of(keyword));
    if (keyword.endsWith("e")) {
      stems.add(keyword.substring(0, keyword.length() - 1));
    }
    char last = keyword.charAt(keyword.length() - 1);
    if ("aeiouy".indexOf(last) < 0) {
      stems.add(keyword + last);
    }
    for (String stem : stems) {
      if (word.startsWith(stem) && ENDINGS.contains(word.substring(stem.length()))) {
        return true;
      }
    }
    return false;
  }

  private static List<String> words(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).stream()
        .filter(w -> !w.isEmpty()).toList();
  }

  private static double round2(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
