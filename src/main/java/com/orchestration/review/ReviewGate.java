package com.orchestration.review;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The gate a review record belongs to (SPEC §7); gate 3 records QA and security separately. */
public enum ReviewGate {
  PEER_REVIEW("peer-review"),
  DOMAIN_APPROVAL("domain-approval"),
  CROSS_FUNCTIONAL_QA("cross-functional-qa"),
  CROSS_FUNCTIONAL_SECURITY("cross-functional-security"),
  ARCHITECTURE_REVIEW("architecture-review");

  private final String value;

  ReviewGate(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }

  public static Optional<ReviewGate> parse(String value) {
    return Arrays.stream(values()).filter(g -> g.value.equals(value)).findFirst();
  }

  public static String allowed() {
    return Arrays.stream(values()).map(ReviewGate::value).collect(Collectors.joining(", "));
  }
}
