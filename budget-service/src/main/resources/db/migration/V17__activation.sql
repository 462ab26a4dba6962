-- Issue 19, "Out": decisions sent to the ad platforms (docs/connectors.md, "Out").

-- Which platform campaign a budget campaign is on: at most one per platform.
create table activation_campaign (
    id                   uuid primary key,
    campaign_id          uuid not null references campaign_budget (id),
    platform             varchar(20) not null,
    -- Google Ads: the customer id (digits, no dashes); Meta: the ad account id (act_…), for people reading the mapping.
    account_id           varchar(40) not null,
    platform_campaign_id varchar(40) not null,
    -- Google Ads: the campaign's CampaignBudget id, the resource a budget mutate changes. Null for Meta.
    campaign_budget_id   varchar(40),
    changed_by           varchar(200) not null,
    changed_at           timestamptz not null,
    unique (campaign_id, platform)
);

-- Which platform ad shows an experiment's variant (testing-service's experiment and variant keys): a winner enables
-- its ad and pauses the other variants' ads. At most one ad per variant and platform.
create table activation_variant (
    id             uuid primary key,
    experiment_key varchar(80) not null,
    variant_key    varchar(80) not null,
    platform       varchar(20) not null,
    account_id     varchar(40) not null,
    -- Google Ads: the ad group the ad is in (an AdGroupAd is named by both); null for Meta.
    ad_group_id    varchar(40),
    ad_id          varchar(40) not null,
    changed_by     varchar(200) not null,
    changed_at     timestamptz not null,
    unique (experiment_key, variant_key, platform)
);

-- One request to one platform, written in the transaction that applies the event it answers (outbox style); the
-- sender works through the PENDING ones. Its id is the request's idempotency key.
create table activation_request (
    id              uuid primary key,
    platform        varchar(20) not null,
    kind            varchar(20) not null,
    -- The budget campaign, or for a winner the experiment and variant whose ad it is.
    campaign_id     uuid,
    experiment_key  varchar(80),
    variant_key     varchar(80),
    channel         varchar(40) not null,
    event_id        uuid not null,
    event_type      varchar(80) not null,
    method          varchar(10) not null,
    url             text not null,
    content_type    varchar(80) not null,
    body            text not null,
    status          varchar(20) not null,
    attempts        integer not null default 0,
    next_attempt_at timestamptz,
    claimed_at      timestamptz,
    created_at      timestamptz not null,
    completed_at    timestamptz,
    last_error      text,
    unique (event_id, platform, kind, campaign_id, variant_key)
);
create index activation_request_experiment on activation_request (experiment_key, created_at);
create index activation_request_due on activation_request (platform, next_attempt_at) where status = 'PENDING';
create index activation_request_campaign on activation_request (campaign_id, created_at);

-- Every exchange with a platform, kept for the audit: what was sent, what came back, when, which attempt.
create table activation_attempt (
    id              uuid primary key,
    request_id      uuid not null references activation_request (id),
    attempt         integer not null,
    sent_at         timestamptz not null,
    request_body    text not null,
    status_code     integer,
    response_body   text,
    error           text,
    duration_millis bigint not null
);
create index activation_attempt_request on activation_attempt (request_id, attempt);
