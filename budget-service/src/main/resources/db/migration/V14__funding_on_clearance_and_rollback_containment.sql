-- Funding on clearance (issue 15): the budget a campaign is to get once QA clears it. While it waits, the campaign
-- holds it of its channel's allocation (reserved, not spendable: its budget stays what it was); the clearance releases
-- it into the budget and keeps which QA run did.
alter table campaign_budget add column planned_amount numeric(19, 4) check (planned_amount >= 0);
alter table campaign_budget add column funded_on_clearance_at timestamptz;
alter table campaign_budget add column funded_by_run uuid;

-- The risk guard's ROLL_BACK_LAST_MOVE: the move it rolled back (null when there was none it could roll back) and what
-- the containment did, in words, for the people who pick up the incident.
alter table guard_anomaly add column rolled_back_move uuid;
alter table guard_anomaly add column containment_detail varchar(500);
