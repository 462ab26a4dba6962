-- A requester can withdraw a pending request (a newer one replaced it, or it lapsed): who did and why is kept.
alter table approval_request add column withdrawn_by      varchar(200);
alter table approval_request add column withdrawal_reason text;
