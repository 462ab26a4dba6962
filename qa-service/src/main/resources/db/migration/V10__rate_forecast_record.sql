-- The track record of QA's performance forecasts: each rate a run forecast, kept with the run, and the rate the
-- campaign went on to report once its results are recorded. V10 rather than V8: another branch takes qa V9.
create table rate_forecast_record (
    id               uuid             primary key,
    run_id           uuid             not null references qa_run (id),
    campaign_id      varchar(80)      not null,
    channel          varchar(40)      not null,
    audience         varchar(1000)    not null,
    rate             varchar(20)      not null check (rate in ('CLICK_RATE', 'CONVERSION_RATE')),
    forecast_at      timestamptz      not null,
    expected_rate    double precision not null,
    low_rate         double precision not null,
    high_rate        double precision not null check (low_rate <= high_rate),
    planned_trials   bigint           not null check (planned_trials > 0),
    status           varchar(16)      not null check (status in ('PENDING', 'REALISED', 'UNMEASURABLE')),
    -- false once a later run of the same campaign forecast the same rate: only the newest forecast before the
    -- results is what the campaign launched with, and only it counts in the calibration.
    counted          boolean          not null,
    realised_rate    double precision,
    realised_trials  bigint,
    realised_at      timestamptz,
    basis            varchar(2000)    not null,
    unique (run_id, rate)
);

create index rate_forecast_record_by_campaign on rate_forecast_record (campaign_id);
create index rate_forecast_record_by_time on rate_forecast_record (forecast_at desc);
create index rate_forecast_record_by_channel on rate_forecast_record (channel, forecast_at desc);
