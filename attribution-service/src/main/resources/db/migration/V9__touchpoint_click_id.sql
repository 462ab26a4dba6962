-- The ad click id (Google's gclid) a visit came with, where the integration reports it (the GA4 import does): a CRM
-- deal carrying the same click id is matched to the visit's journey.
alter table touchpoint add column click_id varchar(200);

create index touchpoint_by_click_id on touchpoint (click_id, occurred_at) where click_id is not null;
