package com.orchestration.organization;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How well a person holds a skill (SPEC §3): rank 1–4 as stored, level score as used by assignment (§8.1). */
public enum SkillLevel {
  BEGINNER(1, 0.5),
  INTERMEDIATE(2, 0.75),
  ADVANCED(3, 0.9),
  EXPERT(4, 1.0);

  private final int rank;
  private final double score;

  SkillLevel(int rank, double score) {
    this.rank = rank;
    this.score = score;
  }

  @JsonValue
  public String value() {
    return name().toLowerCase();
  }

  /** 1 (beginner) … 4 (expert); the value stored in {@code person_skill.level}. */
  public int rank() {
    return rank;
  }

  /** The level score of SPEC §8.1 skillMatch: beginner 0.5, intermediate 0.75, advanced 0.9, expert 1.0. */
  public double score() {
    return score;
  }

  public boolean atLeast(SkillLevel other) {
    return rank >= other.rank;
  }

  public static SkillLevel ofRank(int rank) {
    return Arrays.stream(values()).filter(l -> l.rank == rank).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No skill level with rank " + rank));
  }

  public static Optional<SkillLevel> parse(String value) {
    return Arrays.stream(values()).filter(l -> l.value().equals(value)).findFirst();
  }

  public static String allowed() {
    return Arrays.stream(values()).map(SkillLevel::value).collect(Collectors.joining(", "));
  }
}
