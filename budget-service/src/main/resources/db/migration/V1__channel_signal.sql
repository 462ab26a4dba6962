-- Channel performance as budget-service received it from attribution: the evidence reallocation works from.
create table channel_signal (
    event_id             uuid primary key,
    channel              varchar(40)    not null,
    model                varchar(60)    not null,
    window_start         date           not null,
    window_end           date           not null,
    credited_conversions numeric(19, 4) not null,
    credited_value       numeric(19, 4) not null,
    spend                numeric(19, 4) not null,
    currency             char(3)        not null,
    roas                 numeric(19, 4),
    observed_at          timestamptz    not null,
    received_at          timestamptz    not null
);

create index channel_signal_by_channel on channel_signal (channel, received_at desc);
