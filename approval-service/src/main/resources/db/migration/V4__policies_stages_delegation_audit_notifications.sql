-- Policies: one row per version, never changed; the newest version of a name is in force unless it retires it.
create table approval_policy (
    name        varchar(80)  not null,
    version     int          not null,
    document    text,
    retired     boolean      not null default false,
    changed_by  varchar(200) not null,
    changed_at  timestamptz  not null,
    primary key (name, version)
);

-- Routing: the policy that decided, how its stages run, the evidence's revision and what the policy matched on.
alter table approval_request add column policy_name     varchar(80);
alter table approval_request add column policy_version  int;
alter table approval_request add column stage_order     varchar(12);
alter table approval_request add column on_expiry       varchar(8);
alter table approval_request add column evidence_version int not null default 1;
alter table approval_request add column risk_score      int;
alter table approval_request add column risk_verdict    varchar(40);
alter table approval_request add column risk_categories text;
alter table approval_request add column outcome_note    text;

-- SUPERSEDED was listed but never set; a newer request from budget-service withdraws the old one (WITHDRAWN).
update approval_request set status = 'WITHDRAWN' where status = 'SUPERSEDED';

-- A stage of a request: who may decide it, how many must, and its clock (due, reminded, escalated).
create table approval_stage (
    request_id     uuid         not null references approval_request (id),
    position       int          not null,
    name           varchar(80)  not null,
    group_list     text         not null,
    groups         text[]       generated always as (string_to_array(group_list, ',')) stored,
    quorum         int          not null,
    due_after      bigint,
    remind_before  bigint,
    escalate_to    varchar(80),
    opened_at      timestamptz,
    due_at         timestamptz,
    reminded_at    timestamptz,
    escalated_at   timestamptz,
    escalated_to   varchar(80),
    satisfied_at   timestamptz,
    primary key (request_id, position)
);

-- An approver's inbox: open stages of their groups (and those escalated to them).
create index approval_stage_open_groups on approval_stage using gin (groups)
    where opened_at is not null and satisfied_at is null;
create index approval_stage_open_escalated on approval_stage (escalated_to)
    where opened_at is not null and satisfied_at is null;
create index approval_stage_due on approval_stage (due_at) where satisfied_at is null;

-- Decisions: the stage they counted for, under a delegation on whose behalf, on which evidence revision.
alter table approval_decision alter column verdict type varchar(16);
alter table approval_decision add column stage_position   int;
alter table approval_decision add column on_behalf_of     varchar(200);
alter table approval_decision add column evidence_version int not null default 1;
alter table approval_decision add column teach_brand_voice boolean not null default false;
alter table approval_decision add constraint approval_decision_once
    unique (request_id, decided_by, evidence_version);

-- Evidence, every revision kept.
create table approval_evidence (
    request_id      uuid        not null references approval_request (id),
    version         int         not null,
    schema_name     varchar(80),
    schema_version  int,
    content         text,
    summary         text        not null,
    explanation     text,
    received_at     timestamptz not null,
    primary key (request_id, version)
);

-- Out of office: a member hands their seat in one group to a colleague of that group for some days.
create table approval_delegation (
    id          uuid primary key,
    delegator   varchar(200) not null,
    delegate    varchar(200) not null,
    group_name  varchar(80)  not null,
    valid_from  date         not null,
    valid_to    date         not null,
    created_at  timestamptz  not null,
    revoked_at  timestamptz,
    revoked_by  varchar(200)
);
create index approval_delegation_delegate on approval_delegation (delegate) where revoked_at is null;
create index approval_delegation_delegator on approval_delegation (delegator) where revoked_at is null;

-- Notifications: mails waiting to go (immediately or in the next daily digest), and each person's preference.
create table notification_preference (
    username    varchar(200) primary key,
    mode        varchar(16)  not null,
    updated_at  timestamptz  not null
);

create table approval_notification (
    id          uuid primary key,
    recipient   varchar(200) not null,
    address     varchar(320) not null,
    topic       varchar(20)  not null,
    request_id  uuid,
    subject     text         not null,
    body        text         not null,
    digest      boolean      not null,
    created_at  timestamptz  not null,
    sent_at     timestamptz,
    attempts    int          not null default 0,
    last_error  text
);
create index approval_notification_unsent on approval_notification (created_at) where sent_at is null;

-- Webhooks per group, and every delivery with its retries.
create table group_webhook (
    group_name  varchar(80) primary key,
    url         text         not null,
    secret      text         not null,
    changed_by  varchar(200) not null,
    changed_at  timestamptz  not null
);

create table webhook_delivery (
    id              uuid primary key,
    group_name      varchar(80)  not null,
    url             text         not null,
    body            text         not null,
    created_at      timestamptz  not null,
    attempts        int          not null default 0,
    next_attempt_at timestamptz,
    delivered_at    timestamptz,
    failed_at       timestamptz,
    last_status     int,
    last_error      text
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at)
    where delivered_at is null and failed_at is null;
create index webhook_delivery_group on webhook_delivery (group_name, created_at);

-- The audit trail: a hash chain, insert-only. Each entry's hash covers the previous entry's hash and the entry.
create table approval_audit (
    seq         bigint primary key,
    recorded_at timestamptz  not null,
    actor       varchar(200) not null,
    action      varchar(40)  not null,
    subject     varchar(200) not null,
    details     text         not null,
    prev_hash   char(64)     not null,
    hash        char(64)     not null
);
create index approval_audit_recorded_at on approval_audit (recorded_at);

create function approval_audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'approval_audit is append-only: % refused', tg_op;
end $$;

create trigger approval_audit_no_update_or_delete before update or delete on approval_audit
    for each row execute function approval_audit_append_only();
create trigger approval_audit_no_truncate before truncate on approval_audit
    for each statement execute function approval_audit_append_only();

-- Nobody gets to change the trail through privileges either (a superuser still bypasses grants: the trigger and the
-- hash chain are what catch that).
revoke update, delete, truncate on approval_audit from public;
do $$ begin execute format('revoke update, delete, truncate on approval_audit from %I', current_user); end $$;
