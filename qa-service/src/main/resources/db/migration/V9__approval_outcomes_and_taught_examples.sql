-- approval-service can also ask for changes or let a request expire; both mean "not approved" for the run.
alter table qa_run drop constraint if exists qa_run_approval_check;
alter table qa_run add constraint qa_run_approval_check
    check (approval in ('PENDING', 'APPROVED', 'REJECTED', 'CHANGES_REQUESTED', 'EXPIRED'));

-- Rejected copy an approver taught as "not our brand voice": the reason, and the approval it came from (once).
alter table brand_example add column reason text;
alter table brand_example add column taught_by_request uuid;
create unique index brand_example_taught_once on brand_example (taught_by_request) where taught_by_request is not null;
