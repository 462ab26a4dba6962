-- One key links a campaign across services (issue 18): qa-service's campaign key (a QA submission's campaignId),
-- which experiments name their campaign by too. A budget campaign carries it as campaign_key; at most one does.
alter table campaign_budget add column campaign_key varchar(80);

create unique index campaign_budget_by_campaign_key on campaign_budget (campaign_key) where campaign_key is not null;

-- Budget campaigns that QA has cleared already are linked by the clearances recorded so far: the newest clearance of
-- each QA campaign key names its budget campaign.
update campaign_budget c
set campaign_key = newest.qa_campaign_id
from (select distinct on (qa_campaign_id) qa_campaign_id, campaign_id
      from launch_clearance
      order by qa_campaign_id, event_time desc) newest
where newest.campaign_id = c.id;

-- Clearances are now kept per QA campaign key, as testing-service keeps them, by the rules common holds
-- (io.mops.common.clearance): also for QA campaigns that name no budget campaign (yet), so that a budget campaign
-- created later with that key is funded at once under ENFORCE.
create table campaign_clearance (
    campaign_id        varchar(80)   primary key,
    channel            varchar(40)   not null,
    budget_campaign_id uuid,
    status             varchar(20)   not null check (status in ('CLEARED', 'REVOKED')),
    qa_run_id          uuid          not null,
    content_hash       varchar(64)   not null,
    verdict            varchar(20)   not null,
    approval_id        uuid,
    approved_by        varchar(1000),
    cleared_at         timestamptz   not null,
    revoked_at         timestamptz,
    revoked_by_run     uuid,
    revoked_reason     varchar(500),
    event_id           uuid,
    event_time         timestamptz   not null
);

-- The channel was not kept before; the campaign's own channel is the one QA checked it for.
insert into campaign_clearance (campaign_id, channel, budget_campaign_id, status, qa_run_id, content_hash, verdict,
                                approval_id, approved_by, cleared_at, revoked_at, revoked_by_run, revoked_reason,
                                event_id, event_time)
select distinct on (l.qa_campaign_id) l.qa_campaign_id, c.channel, l.campaign_id, l.status, l.qa_run_id,
       l.content_hash, l.verdict, l.approval_id, l.approved_by, l.cleared_at, l.revoked_at, l.revoked_by_run,
       l.revoked_reason, null, l.event_time
from launch_clearance l join campaign_budget c on c.id = l.campaign_id
order by l.qa_campaign_id, l.event_time desc;

drop table launch_clearance;
