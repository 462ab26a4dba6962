-- A decision a person must take: what is asked, by whom, and how it ended.
create table approval_request (
    id            uuid primary key,
    subject       varchar(255) not null,
    kind          varchar(80)  not null,
    summary       text         not null,
    channel       varchar(40),
    status        varchar(20)  not null,
    requested_by  varchar(200) not null,
    requested_at  timestamptz  not null
);

create index approval_request_pending on approval_request (requested_at) where status = 'PENDING';
