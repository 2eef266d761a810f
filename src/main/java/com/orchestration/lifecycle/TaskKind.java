package com.orchestration.lifecycle;

/** Strategic tasks (ST, tier 3–4, owned by a domain) are broken down into tactical tasks (TT, the unit of work). */
public enum TaskKind {
  STRATEGIC, TACTICAL
}
