-- Launch control (issue 15): which run cleared a campaign for launch, and the links a clearance names.
-- budget_campaign_id: the submission's budgetCampaignId, kept so that a later approval can name it too.
-- approval_id: the ApprovalRequested event id of a needs-approval run (approval-service's request id).
alter table qa_run add column budget_campaign_id uuid;
alter table qa_run add column approval_id uuid;

-- The campaign's clearance as it stands: the run that cleared it, until a later run that does not pass revokes it.
create table campaign_clearance (
    campaign_id        varchar(80)  primary key,
    channel            varchar(40)  not null,
    budget_campaign_id uuid,
    run_id             uuid         not null references qa_run (id),
    content_hash       char(64)     not null,
    approval_id        uuid,
    cleared_at         timestamptz  not null,
    revoked_at         timestamptz,
    revoked_by_run     uuid references qa_run (id)
);
