package com.orchestration.platform;

import java.util.Map;

/** A DMN rule that matched: its decision key, rule id, the description written in Modeler, and its outputs. */
public record FiredRule(String decision, String ruleId, String description, Map<String, Object> outputs) {}
