-- What the always-valid (mSPRT) tests are tuned to find, stated at creation, and the mixing scales fixed from it
-- when the experiment starts; they never change afterwards.
alter table experiment add column baseline                  double precision;
alter table experiment add column minimum_detectable_effect double precision;
alter table experiment add column sequential_mixing_scale   double precision;
alter table experiment add column sequential_standardised   boolean;
alter table experiment add column guardrail_mixing_scale    double precision;

-- One row per allocation period: the split that was in force from started_at until the next period. Exposures
-- carry their period (exposure.allocation_version), so counts per variant and period are one grouped query.
create table allocation_period (
    id                 uuid primary key,
    experiment_id      uuid         not null references experiment (id),
    allocation_version integer      not null,
    started_at         timestamptz  not null,
    started_by         varchar(200) not null,
    shares             text         not null,
    unique (experiment_id, allocation_version)
);

-- The smallest always-valid p-value reported so far for each comparison with the control (the primary metric or a
-- guardrail, per variant): the p-value shown is this running minimum, so it never rises from one look to the next.
create table always_valid_p_value (
    id            uuid primary key,
    experiment_id uuid             not null references experiment (id),
    metric        varchar(80)      not null,
    variant_key   varchar(80)      not null,
    p_value       double precision not null,
    updated_at    timestamptz      not null,
    unique (experiment_id, metric, variant_key)
);
