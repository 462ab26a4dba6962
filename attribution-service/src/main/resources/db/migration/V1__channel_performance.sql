-- What attribution concluded about one channel over one window; the latest per channel drives budget moves.
create table channel_performance (
    id                   uuid primary key,
    channel              varchar(40)    not null,
    model                varchar(60)    not null,
    window_start         date           not null,
    window_end           date           not null,
    credited_conversions numeric(19, 4) not null,
    credited_value       numeric(19, 4) not null,
    spend                numeric(19, 4) not null,
    currency             char(3)        not null,
    roas                 numeric(19, 4),
    recorded_at          timestamptz    not null,
    check (window_end >= window_start)
);

create index channel_performance_by_channel on channel_performance (channel, recorded_at desc);
