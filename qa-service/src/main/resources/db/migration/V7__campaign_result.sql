-- What finished campaigns achieved, as channel teams and the CoE record them: the history QA forecasts from.
create table campaign_result (
    id           uuid         primary key,
    campaign_id  varchar(80)  not null unique,
    channel      varchar(40)  not null,
    audience     varchar(1000) not null,
    exposures    bigint       not null check (exposures >= 0),
    clicks       bigint       not null check (clicks between 0 and exposures),
    conversions  bigint       not null check (conversions between 0 and clicks),
    ended_on     date,
    recorded_by  varchar(200) not null,
    recorded_at  timestamptz  not null
);

create index campaign_result_by_channel on campaign_result (channel, recorded_at desc);
