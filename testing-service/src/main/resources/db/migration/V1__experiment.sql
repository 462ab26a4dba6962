-- An experiment belongs to one channel: a channel team manages only its own, the CoE sees all.
create table experiment (
    id          uuid primary key,
    key         varchar(80)  not null unique,
    name        varchar(200) not null,
    channel     varchar(40)  not null,
    status      varchar(20)  not null,
    created_by  varchar(200) not null,
    created_at  timestamptz  not null
);

create index experiment_by_channel on experiment (channel, created_at desc);
