-- Launch control (issue 15; docs/budget.md, "Launch control"): each campaign's clearance for launch as qa-service last
-- announced it (CampaignCleared / CampaignClearanceRevoked on mops.qa.events). A campaign without a row is not cleared.
create table launch_clearance (
    campaign_id    uuid          primary key references campaign_budget (id),
    qa_campaign_id varchar(80)   not null,
    status         varchar(20)   not null check (status in ('CLEARED', 'REVOKED')),
    qa_run_id      uuid          not null,
    content_hash   char(64)      not null,
    verdict        varchar(20)   not null,
    approval_id    uuid,
    approved_by    varchar(1000),
    cleared_at     timestamptz   not null,
    revoked_at     timestamptz,
    revoked_by_run uuid,
    revoked_reason varchar(500),
    event_time     timestamptz   not null
);
