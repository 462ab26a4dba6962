-- Shared by every service with a database: the transactional outbox and the record of consumed events.
-- Versions 0.x belong to this file's folder (db/backbone); each service numbers its own migrations from 1.

create table outbox_event (
    id           uuid primary key,
    topic        varchar(255) not null,
    message_key  varchar(255) not null,
    event_type   varchar(255) not null,
    payload      text         not null,
    created_at   timestamptz  not null,
    published_at timestamptz,
    attempts     integer      not null default 0,
    last_error   text
);

-- The relay only ever looks for unpublished rows, oldest first.
create index outbox_event_pending on outbox_event (created_at, id) where published_at is null;

create table processed_event (
    consumer     varchar(255) not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);
