-- The budget tree: a period's total (owned by the CoE), its channel allocations, and the campaign budgets inside
-- them. The domain refuses any change that over-allocates; the checks here are the last line, not the rule.
create table budget_plan (
    id               uuid primary key,
    name             varchar(200)   not null,
    currency         char(3)        not null,
    total            numeric(19, 4) not null check (total >= 0),
    period_start     date           not null,
    period_end       date           not null,
    pacing_curve     varchar(20)    not null,
    pacing_tolerance numeric(5, 4)  not null,
    -- Every change to the tree bumps it: two racing reallocations cannot both commit.
    version          bigint         not null,
    created_by       varchar(200)   not null,
    created_at       timestamptz    not null,
    updated_at       timestamptz    not null,
    check (period_end >= period_start)
);

create table channel_allocation (
    id      uuid primary key,
    plan_id uuid           not null references budget_plan (id),
    channel varchar(40)    not null,
    amount  numeric(19, 4) not null check (amount >= 0),
    unique (plan_id, channel)
);

create table campaign_budget (
    id           uuid primary key,
    plan_id      uuid           not null references budget_plan (id),
    channel      varchar(40)    not null,
    name         varchar(200)   not null,
    amount       numeric(19, 4) not null check (amount >= 0),
    spent        numeric(19, 4) not null check (spent >= 0),
    status       varchar(20)    not null,
    pacing_state varchar(20)    not null,
    version      bigint         not null,
    created_by   varchar(200)   not null,
    created_at   timestamptz    not null
);

create index campaign_budget_by_plan on campaign_budget (plan_id, channel);

-- Spend as reported, including spend past the cap (flagged, never dropped: it has happened).
create table spend_entry (
    id          uuid primary key,
    campaign_id uuid           not null references campaign_budget (id),
    day         date           not null,
    amount      numeric(19, 4) not null check (amount >= 0),
    over_cap    boolean        not null,
    recorded_by varchar(200)   not null,
    recorded_at timestamptz    not null
);

create index spend_entry_by_campaign on spend_entry (campaign_id, day);
