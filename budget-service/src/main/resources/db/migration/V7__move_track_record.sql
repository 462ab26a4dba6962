-- The track record of applied budget moves: each move's forecast as it was made, and what the periods after it
-- brought, measured on the channel performance the curves are fitted on (docs/budget.md, "Track record").
create table move_track_record (
    -- Deferred: an autonomous move is applied, and its record opened, before its proposal row is flushed.
    proposal_id             uuid primary key references reallocation_proposal (id) deferrable initially deferred,
    plan_id                 uuid             not null references budget_plan (id),
    applied_at              timestamptz      not null,
    channels                varchar(2000)    not null,
    currency                char(3)          not null,
    model                   varchar(100)     not null,
    period_kind             varchar(10)      not null,
    periods                 int              not null check (periods >= 1),
    plan_periods            double precision not null check (plan_periods > 0),
    baseline_start          date             not null,
    after_end               date             not null,
    expected_change         double precision not null,
    expected_change_std_err double precision not null check (expected_change_std_err >= 0),
    status                  varchar(20)      not null,
    realised_change         double precision,
    baseline_per_period     double precision,
    after_per_period        double precision,
    realised_at             timestamptz,
    basis                   varchar(2000)    not null
);

create index move_track_record_by_time on move_track_record (applied_at desc);
create index move_track_record_open on move_track_record (status, after_end);
