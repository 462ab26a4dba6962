-- An incident (kind Incident) handed to people must be acknowledged by a named CoE person, with a comment, before
-- its acknowledgement is due; past due and unacknowledged it escalates once. Other kinds leave these null.
alter table approval_request add column ack_due_at        timestamp with time zone;
alter table approval_request add column acknowledged_by   varchar(200);
alter table approval_request add column acknowledged_at   timestamp with time zone;
alter table approval_request add column acknowledgement   text;
alter table approval_request add column ack_escalated_to  varchar(200);
alter table approval_request add column ack_escalated_at  timestamp with time zone;
-- The sweep looks for open incidents not yet acknowledged nor escalated.
create index approval_request_ack_due on approval_request (ack_due_at)
    where acknowledged_at is null and ack_escalated_at is null;
