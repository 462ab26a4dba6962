-- Launch control (issue 15): an experiment may name the campaign it tests (qa-service's campaign key, as a QA
-- submission's campaignId). Such an experiment runs only while qa-service has cleared that campaign.
alter table experiment add column campaign_id varchar(80);

create index experiment_by_campaign on experiment (campaign_id) where campaign_id is not null;

-- The latest clearance state per campaign, from qa-service's CampaignCleared and CampaignClearanceRevoked. Of two
-- events about one campaign the later by envelope time wins (event_time), so a replayed older one changes nothing.
create table campaign_clearance (
    campaign_id     varchar(80) primary key,
    channel         varchar(40) not null,
    status          varchar(16) not null,
    qa_run_id       uuid        not null,
    content_hash    varchar(64) not null,
    verdict         varchar(20) not null,
    approval_id     uuid,
    approved_by     varchar(1000),
    cleared_at      timestamptz not null,
    revoked_at      timestamptz,
    revoked_by_run  uuid,
    revoked_reason  varchar(500),
    event_time      timestamptz not null
);
