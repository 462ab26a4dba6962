-- ChannelPerformanceUpdated version 2: attribution's channel performance per non-overlapping period (a day or an ISO
-- week), revised when late data changes it. One row per channel, model, currency and period holds the highest
-- revision received; the response curves are fitted on the rows of one model and period kind, ordered by period.
--
-- The version 1 signals received until now were trailing windows that overlapped each other (a 28-day average every
-- few hours) and are no evidence for a curve: they are kept, untouched, in channel_window_signal for the record, and no
-- code reads them.
alter table channel_signal rename to channel_window_signal;
alter table channel_window_signal rename constraint channel_signal_pkey to channel_window_signal_pkey;
alter index channel_signal_by_channel rename to channel_window_signal_by_channel;

create table channel_signal (
    channel              varchar(40)    not null,
    model                varchar(60)    not null,
    currency             char(3)        not null,
    period_kind          varchar(4)     not null check (period_kind in ('DAY', 'WEEK')),
    period_start         date           not null,
    period_end           date           not null,
    zone                 varchar(64)    not null,
    revision             integer        not null check (revision >= 1),
    credited_conversions numeric(19, 4) not null check (credited_conversions >= 0),
    credited_value       numeric(19, 4) not null check (credited_value >= 0),
    spend                numeric(19, 4) not null check (spend >= 0),
    roas                 numeric(19, 4),
    event_id             uuid           not null,
    observed_at          timestamptz    not null,
    received_at          timestamptz    not null,
    constraint channel_signal_one_per_period primary key (channel, model, currency, period_kind, period_start),
    constraint channel_signal_period check (period_end >= period_start)
);

-- The newest signals (GET /budget/channel-signals), also of one channel.
create index channel_signal_newest on channel_signal (received_at desc);
create index channel_signal_by_channel on channel_signal (channel, received_at desc);
