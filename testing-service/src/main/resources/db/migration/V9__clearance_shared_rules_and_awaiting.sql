-- The clearance rules moved to common (io.mops.common.clearance), which keeps two more facts per campaign: the
-- budget-service campaign the QA run named, and the id of the last event applied (a second application of the same
-- event changes nothing even before the inbox is asked). Rows from before have no event id.
alter table campaign_clearance add column budget_campaign_id uuid;
alter table campaign_clearance add column event_id uuid;

-- An experiment may wait for its campaign's clearance (status AWAITING_CLEARANCE, POST /experiments/{key}/start);
-- the clearance starts every experiment waiting for that campaign, found by this index.
create index experiment_awaiting_clearance on experiment (campaign_id) where status = 'AWAITING_CLEARANCE';
