-- Guardrail metrics (rates of harm such as unsubscribes), comma-separated.
alter table experiment add column guardrails varchar(900);

-- A unit counts at most once per guardrail; its variant is copied from its exposure.
create table guardrail_event (
    id            uuid primary key,
    experiment_id uuid         not null references experiment (id),
    metric        varchar(80)  not null,
    unit_id       varchar(200) not null,
    variant_key   varchar(80)  not null,
    recorded_at   timestamptz  not null,
    unique (experiment_id, metric, unit_id)
);
