-- Organisation (SPEC §3): people, their skills, learning goals and unavailable dates, and the skills taxonomy.
-- Written only by the organisation sync at start-up. A person removed from the organisation file keeps their
-- rows (active = false, removed_at set) so assignments, reviews and metrics that name them stay readable.
-- Portable SQL: runs on H2 2.3 and PostgreSQL 15.

create table skill (
    name     varchar(64) not null,
    category varchar(32) not null,
    constraint pk_skill primary key (name)
);

create table person (
    id            varchar(64)  not null,
    name          varchar(200) not null,
    email         varchar(320) not null,
    role          varchar(32)  not null,
    domain        varchar(16),
    kind          varchar(8)   not null,
    level         varchar(8)   not null,
    hours_per_day integer      not null,
    active        boolean      not null,
    removed_at    timestamp,
    updated_at    timestamp    not null,
    constraint pk_person primary key (id),
    constraint ck_person_hours check (hours_per_day between 1 and 12),
    constraint ck_person_kind check (kind in ('HUMAN', 'AGENT'))
);

create index ix_person_role_domain on person (role, domain, active);

-- No foreign key to skill: a skill dropped from the taxonomy must not erase a removed person's history.
create table person_skill (
    person_id varchar(64) not null,
    skill     varchar(64) not null,
    level     integer     not null,
    constraint pk_person_skill primary key (person_id, skill),
    constraint fk_person_skill_person foreign key (person_id) references person (id),
    constraint ck_person_skill_level check (level between 1 and 4)
);

create table person_learning_goal (
    person_id varchar(64) not null,
    skill     varchar(64) not null,
    sort_order integer    not null,
    constraint pk_person_learning_goal primary key (person_id, skill),
    constraint fk_person_learning_goal_person foreign key (person_id) references person (id)
);

create table person_unavailable_date (
    person_id      varchar(64) not null,
    unavailable_on date        not null,
    constraint pk_person_unavailable_date primary key (person_id, unavailable_on),
    constraint fk_person_unavailable_date_person foreign key (person_id) references person (id)
);
