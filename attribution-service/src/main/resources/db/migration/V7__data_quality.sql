-- Data quality of touchpoint ingest (docs/attribution.md, "Data quality"): per channel and window of arrival, what
-- arrived, what of it had been seen before, happened far from its arrival, or named a campaign outside the taxonomy.
create table quality_window (
    channel      varchar(40)  not null,
    window_start timestamptz  not null,
    events       bigint       not null,
    duplicates   bigint       not null,
    mistimed     bigint       not null,
    off_taxonomy bigint       not null,
    primary key (channel, window_start)
);

-- A threshold crossed: at most once per detector, channel and window; its id is the AnomalyDetected's anomalyId.
create table quality_finding (
    id           uuid         primary key,
    detector     varchar(40)  not null,
    channel      varchar(40)  not null,
    window_start timestamptz  not null,
    observed     double precision not null,
    expected     double precision not null,
    statistic    double precision not null,
    evidence     text         not null,
    found_at     timestamptz  not null,
    unique (detector, channel, window_start)
);
