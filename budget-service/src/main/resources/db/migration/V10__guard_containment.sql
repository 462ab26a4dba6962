-- The risk guard's evidence, anomalies and containments (docs/budget.md, "Risk guard").

-- Touchpoints of each channel per clock hour of arrival, counted from mops.ingest.touchpoints.
create table guard_touchpoint_hour (
    channel     varchar(40) not null,
    hour        timestamptz not null,
    touchpoints bigint      not null check (touchpoints >= 0),
    primary key (channel, hour)
);

-- One row per anomaly found; OPEN until a person resolves it, which lifts its containment.
create table guard_anomaly (
    id           uuid          primary key,
    detector     varchar(40)   not null,
    channel      varchar(40)   not null,
    detected_at  timestamptz   not null,
    observed     double precision not null,
    expected     double precision not null,
    statistic    double precision not null,
    evidence     varchar(2000) not null,
    action       varchar(40)   not null,
    campaign_ids varchar(4000),
    status       varchar(20)   not null check (status in ('OPEN', 'RESOLVED')),
    resolved_by  varchar(200),
    resolved_at  timestamptz,
    resolution   varchar(2000)
);

-- At most one open anomaly per channel and detector, even when two replicas judge the same hour at once.
create unique index guard_anomaly_open on guard_anomaly (channel, detector) where status = 'OPEN';

-- The per-channel kill switch: while a channel has a row, no autonomous move touches it. One row per anomaly that
-- froze it, so that resolving one anomaly does not release a freeze another one still holds.
create table guard_channel_freeze (
    channel    varchar(40)   not null,
    anomaly_id uuid          not null references guard_anomaly (id),
    reason     varchar(2000) not null,
    frozen_at  timestamptz   not null,
    primary key (channel, anomaly_id)
);
