-- The primary metric, the hash seed of sticky assignment, and the current traffic split's version.
alter table experiment add column metric            varchar(80)  not null default 'conversion';
alter table experiment add column metric_kind       varchar(20)  not null default 'BINARY';
alter table experiment add column seed              integer      not null default 0;
alter table experiment add column control_variant   varchar(80);
alter table experiment add column allocation_version integer     not null default 0;
alter table experiment add column winner            varchar(80);
alter table experiment add column status_changed_by varchar(200);
alter table experiment add column status_changed_at timestamptz;

-- Variants in bucket order (position): changing the order would move units between variants.
create table experiment_variant (
    id                uuid primary key,
    experiment_id     uuid             not null references experiment (id),
    key               varchar(80)      not null,
    position          integer          not null,
    name              varchar(200)     not null,
    components        text,
    share             double precision not null,
    live              boolean          not null default true,
    eliminated_at     timestamptz,
    eliminated_reason varchar(400),
    unique (experiment_id, key),
    unique (experiment_id, position)
);

-- Who moved an experiment through its lifecycle, when and why.
create table experiment_transition (
    id            uuid primary key,
    experiment_id uuid         not null references experiment (id),
    from_status   varchar(20)  not null,
    to_status     varchar(20)  not null,
    changed_by    varchar(200) not null,
    changed_at    timestamptz  not null,
    reason        varchar(400)
);

create index experiment_transition_by_experiment on experiment_transition (experiment_id, changed_at);

-- One row per exposed unit: the first exposure decides its variant; outcomes accumulate on it, so that an outcome
-- for a unit never exposed has nowhere to go and is refused.
create table exposure (
    id                 uuid primary key,
    experiment_id      uuid           not null references experiment (id),
    unit_id            varchar(200)   not null,
    variant_key        varchar(80)    not null,
    allocation_version integer        not null,
    exposed_at         timestamptz    not null,
    outcomes           integer        not null default 0,
    value_total        numeric(19, 4) not null default 0,
    unique (experiment_id, unit_id)
);

create index exposure_by_variant on exposure (experiment_id, variant_key, allocation_version);
