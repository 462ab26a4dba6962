-- What a request needs for a decision, and the audit trail of every decision taken on it.
alter table approval_request add column reference   varchar(200);
alter table approval_request add column source      varchar(120);
alter table approval_request add column explanation text;
alter table approval_request add column amount      numeric(19, 4);
alter table approval_request add column currency    char(3);
alter table approval_request add column expires_at  timestamptz;
alter table approval_request add column decided_at  timestamptz;

create table approval_decision (
    id          uuid primary key,
    request_id  uuid         not null references approval_request (id),
    decided_by  varchar(200) not null,
    verdict     varchar(10)  not null,
    comment     text,
    decided_at  timestamptz  not null
);

create index approval_decision_by_request on approval_decision (request_id, decided_at);
