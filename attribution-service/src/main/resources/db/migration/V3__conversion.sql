-- Conversions as the shop or CRM integrations report them. The event id is the key, so a conversion delivered
-- twice is stored once.
create table conversion (
    event_id     uuid primary key,
    user_id      varchar(200)   not null,
    anonymous_id varchar(200),
    occurred_at  timestamptz    not null,
    value        numeric(21, 6) not null check (value >= 0),
    currency     char(3)        not null,
    received_at  timestamptz    not null
);

create index conversion_by_time on conversion (occurred_at);
create index conversion_by_user on conversion (user_id, occurred_at);
