-- Indexes for the metrics and bottleneck queries (SPEC §10.1, §10.2; insight.MetricsRepository). Every metric family
-- is one statement over a period [from, to), so each table it starts from gets an index on the time column the period
-- filters (a range scan instead of a full scan as the history grows); the rows found are then joined to work_item by
-- primary key and filtered by domain / instruction. Portable SQL: runs on H2 2.3 and PostgreSQL 15.

-- Completions in the period (cycle time, lead time, tasks per day): to_state = 'COMPLETED' and occurred_at in range.
-- The windowed state entries (time in state, SLA compliance) use the existing ix_state_transition_time, and their
-- per-item look-ups the existing ix_state_transition_item (work_item_id, id).
create index ix_state_transition_state_time on state_transition (to_state, occurred_at);

-- Escalations opened in the period (escalation rate, counts by level).
create index ix_escalation_opened on escalation (opened_at);

-- Review decisions in the period (peer first-time approval, domain first pass, QA and security pass rates): one
-- statement groups by gate, round and outcome, so the period column leads rather than (gate, round).
create index ix_review_decided on review (decided_at);

-- Assignments decided in the period (reassignment rate).
create index ix_assignment_decided on assignment (decided_at);

-- Performance samples of the period (estimate accuracy); the existing indexes lead with person or domain.
create index ix_performance_sample_completed on performance_sample (completed_at);

-- Handoffs started in the period (acceptance rate, time to accept).
create index ix_handoff_started on handoff (started_at);

-- Instructions created in the period (tier distribution and overrides).
create index ix_instruction_created on instruction (created_at);

-- Go/no-go decisions in the period: kind = 'go-no-go' and occurred_at in range.
create index ix_instruction_decision_kind_time on instruction_decision (kind, occurred_at);

-- Open work per state (WIP, bottlenecks, the Prometheus gauges) without a domain filter; with one, the existing
-- ix_work_item_domain_state serves.
create index ix_work_item_state_kind on work_item (state, kind);
