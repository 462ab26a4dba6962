-- A needs-review finding the CoE dismissed, with who, why and when: the run's findings stay as QA found them, and
-- the dismissal is recorded beside them. One dismissal per finding; a finding is its position in the stored list.
create table qa_finding_dismissal (
    id            uuid primary key,
    run_id        uuid          not null references qa_run (id),
    finding_index integer       not null check (finding_index >= 0),
    rule_id       varchar(80)   not null,
    reason        varchar(2000) not null,
    dismissed_by  varchar(200)  not null,
    dismissed_at  timestamptz   not null,
    unique (run_id, finding_index)
);
