-- Spend per campaign and day as the channel integrations report it (increments, never rewrites). Keyed by event
-- id, so a report delivered twice, or imported after it arrived over Kafka, is counted once. ROAS sums it per
-- channel and day.
create table channel_spend (
    event_id    uuid primary key,
    channel     varchar(40)    not null,
    campaign_id uuid           not null,
    day         date           not null,
    amount      numeric(19, 4) not null check (amount >= 0),
    currency    char(3)        not null,
    received_at timestamptz    not null
);

create index channel_spend_by_day on channel_spend (day, channel);
