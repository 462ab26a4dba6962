-- ChannelPerformanceUpdated version 2: channel performance per non-overlapping period (a day or an ISO week of the
-- configured zone), each period published once complete and again, as its next revision, when late data changes it.
--
-- The trailing 28-day windows recorded until now overlapped each other and are no evidence for a time series; they
-- are kept, untouched, in channel_performance_window for the record, and no code reads them. The ledger of the last
-- announced window per channel is dropped: the latest revision in channel_performance takes its place.
alter table channel_performance rename to channel_performance_window;
alter table channel_performance_window rename constraint channel_performance_pkey to channel_performance_window_pkey;
alter table channel_performance_window rename constraint channel_performance_check to channel_performance_window_check;
alter index channel_performance_by_channel rename to channel_performance_window_by_channel;
drop table channel_performance_publication;

-- Every publication: the first of a period (revision 1) and each revision, with the id of the event announcing it.
create table channel_performance (
    id                   uuid primary key,
    event_id             uuid           not null unique,
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
    recorded_by_hand     boolean        not null,
    recorded_at          timestamptz    not null,
    constraint channel_performance_one_revision
        unique (channel, model, currency, period_kind, period_start, revision),
    constraint channel_performance_period check (period_end >= period_start)
);

-- The latest revisions of one period (the publisher's question on every run) and the newest publications (the API).
create index channel_performance_by_period on channel_performance (period_kind, period_start, currency);
create index channel_performance_newest on channel_performance (recorded_at desc);
create index channel_performance_by_channel on channel_performance (channel, model, recorded_at desc);
