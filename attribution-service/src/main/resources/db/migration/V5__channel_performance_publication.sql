-- The figures last announced per channel, model and currency by the performance publisher: a channel is announced
-- again only when its figures differ, and not before the minimum interval since published_at has passed.
create table channel_performance_publication (
    channel              varchar(40)    not null,
    model                varchar(60)    not null,
    currency             char(3)        not null,
    credited_conversions numeric(19, 4) not null,
    credited_value       numeric(19, 4) not null,
    spend                numeric(19, 4) not null,
    roas                 numeric(19, 4),
    published_at         timestamptz    not null,
    primary key (channel, model, currency)
);
