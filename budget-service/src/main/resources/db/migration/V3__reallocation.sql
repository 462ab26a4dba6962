-- The autonomous loop: every proposal the service made from new evidence, what became of it, and the numbers.
create table reallocation_proposal (
    id                      uuid primary key,
    plan_id                 uuid           not null references budget_plan (id),
    plan_version            bigint         not null,
    currency                char(3)        not null,
    plan_total              numeric(19, 4) not null,
    amount_moved            numeric(19, 4) not null check (amount_moved >= 0),
    expected_outcome_change double precision not null,
    outcome_change_std_err  double precision not null,
    triggered_by            varchar(300)   not null,
    status                  varchar(30)    not null,
    reason                  varchar(2000)  not null,
    explanation             text           not null,
    proposed_at             timestamptz    not null,
    expires_at              timestamptz,
    decided_by              varchar(300),
    decided_at              timestamptz,
    rolled_back_by          varchar(300),
    rolled_back_at          timestamptz
);

create index reallocation_proposal_by_plan on reallocation_proposal (plan_id, proposed_at desc);
create index reallocation_proposal_awaiting on reallocation_proposal (status, expires_at);

create table reallocation_shift (
    id          uuid primary key,
    proposal_id uuid           not null references reallocation_proposal (id),
    channel     varchar(40)    not null,
    before      numeric(19, 4) not null check (before >= 0),
    after       numeric(19, 4) not null check (after >= 0),
    unique (proposal_id, channel)
);

-- The CoE's approval policy and kill switch: one row, changed through REST.
create table reallocation_settings (
    id                   smallint primary key check (id = 1),
    max_amount_moved     numeric(19, 4) not null check (max_amount_moved >= 0),
    max_percent_of_total numeric(7, 4)  not null check (max_percent_of_total >= 0),
    frozen               boolean        not null,
    frozen_reason        varchar(500),
    changed_by           varchar(200)   not null,
    changed_at           timestamptz    not null
);

insert into reallocation_settings (id, max_amount_moved, max_percent_of_total, frozen, changed_by, changed_at)
values (1, 0, 0, false, 'migration', now());

create table reallocation_channel_limit (
    channel                   varchar(40) primary key,
    max_amount                numeric(19, 4) check (max_amount >= 0),
    max_percent_of_allocation numeric(7, 4) check (max_percent_of_allocation >= 0)
);
