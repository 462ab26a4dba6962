-- QA rule sets are data, not code: the CoE manages them, and every version is kept.
create table rule_set (
    id          uuid primary key,
    name        varchar(120) not null,
    version     integer      not null,
    region      varchar(20)  not null,
    created_by  varchar(200) not null,
    created_at  timestamptz  not null,
    unique (name, version)
);
