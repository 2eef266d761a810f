-- Tier calibration (SPEC §11): when an instruction completes, the tier DMN tier-classification gave it, the tier after
-- the TL's override, and the tier its actual size implies (DMN tier-by-size over the hours and count of its completed
-- tactical tasks). One row per completed instruction, written in the completing transaction; the rules that fired at
-- classification and the domains it touched are child rows, so GET /api/calibration aggregates them in SQL.
-- Portable SQL: runs on H2 2.3 and PostgreSQL 15.

create table tier_outcome (
    instruction_key     varchar(32)    not null,
    classified_tier     integer        not null,
    final_tier          integer        not null,
    implied_tier        integer        not null,
    implied_rule        varchar(64),
    total_actual_hours  numeric(10, 2) not null,
    tactical_task_count integer        not null,
    completed_at        timestamp      not null,
    constraint pk_tier_outcome primary key (instruction_key),
    constraint fk_tier_outcome_instruction foreign key (instruction_key) references instruction (instruction_key),
    constraint ck_tier_outcome_tiers check (classified_tier between 0 and 4 and final_tier between 0 and 4
        and implied_tier between 0 and 4),
    constraint ck_tier_outcome_size check (total_actual_hours >= 0 and tactical_task_count >= 0)
);

create index ix_tier_outcome_completed on tier_outcome (completed_at);

-- The rules of the tier-classification DRD that fired for the instruction at intake (decision key, rule id).
create table tier_outcome_rule (
    instruction_key varchar(32) not null,
    decision_key    varchar(64) not null,
    rule_id         varchar(64) not null,
    constraint pk_tier_outcome_rule primary key (instruction_key, decision_key, rule_id),
    constraint fk_tier_outcome_rule foreign key (instruction_key) references tier_outcome (instruction_key)
);

-- The domains the instruction touched: its affected domains and the domains of its tactical tasks (the domain filter).
create table tier_outcome_domain (
    instruction_key varchar(32) not null,
    domain          varchar(16) not null,
    constraint pk_tier_outcome_domain primary key (instruction_key, domain),
    constraint fk_tier_outcome_domain foreign key (instruction_key) references tier_outcome (instruction_key)
);

create index ix_tier_outcome_domain on tier_outcome_domain (domain, instruction_key);
