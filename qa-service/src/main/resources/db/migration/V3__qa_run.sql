-- One QA run of one campaign: what was checked (its digest), under which rule set version, and what was found.
create table qa_run (
    id               uuid primary key,
    campaign_id      varchar(80)  not null,
    channel          varchar(40)  not null,
    verdict          varchar(20)  not null,
    risk_score       integer      not null check (risk_score between 0 and 100),
    rule_set         varchar(80)  not null,
    rule_set_version integer      not null,
    input_digest     char(64)     not null,
    findings         text         not null,
    requested_by     varchar(200) not null,
    created_at       timestamptz  not null
);

create index qa_run_by_campaign on qa_run (campaign_id, created_at desc);
create index qa_run_by_channel on qa_run (channel, created_at desc);
