-- Containment by the risk guard (issue 15): budget-service's ContainmentApplied with action PAUSE_EXPERIMENT pauses
-- the channel's running experiments. One row per containment (its anomaly); while it is not lifted, no experiment of
-- the channel may start or resume. Only a person lifts it (ContainmentLifted: who, when and why are kept here).
create table experiment_containment (
    anomaly_id         uuid primary key,
    channel            varchar(40)  not null,
    detector           varchar(40)  not null,
    applied_at         timestamptz  not null,
    applied_by         varchar(200) not null,
    paused_experiments text,
    lifted_at          timestamptz,
    lifted_by          varchar(200),
    lift_comment       varchar(2000),
    resumed_experiments text
);

create index experiment_containment_open on experiment_containment (channel) where lifted_at is null;
