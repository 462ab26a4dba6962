-- A needs-approval run waits for a person (approval-service); the decision lands on the run, with who took it.
-- Runs that passed or were blocked never ask, and keep approval null.
alter table qa_run add column approval varchar(20) check (approval in ('PENDING', 'APPROVED', 'REJECTED'));
alter table qa_run add column approval_decided_by varchar(1000);
alter table qa_run add column approval_comment varchar(2000);
alter table qa_run add column approval_decided_at timestamptz;
