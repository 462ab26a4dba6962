-- Touchpoints as the channel integrations report them; journeys are built from these. The event id is the key,
-- so a touchpoint delivered twice is stored once.
create table touchpoint (
    event_id     uuid primary key,
    user_id      varchar(200),
    anonymous_id varchar(200),
    occurred_at  timestamptz   not null,
    channel      varchar(40)   not null,
    campaign     varchar(200),
    interaction  varchar(20)   not null,
    cost         numeric(21, 6),
    currency     char(3),
    received_at  timestamptz   not null,
    check (user_id is not null or anonymous_id is not null),
    check (cost is null or currency is not null)
);

create index touchpoint_by_user on touchpoint (user_id, occurred_at) where user_id is not null;
create index touchpoint_by_anonymous_id on touchpoint (anonymous_id, occurred_at) where anonymous_id is not null;
