-- The approval policy's absolute thresholds, per ISO 4217 currency: MOPS never converts money, so one number cannot
-- serve plans in euros and in yen alike. A currency without a threshold needs approval for every move.
create table reallocation_amount_limit (
    currency   char(3)        primary key,
    max_amount numeric(19, 4) not null check (max_amount >= 0)
);

create table reallocation_channel_amount_limit (
    channel    varchar(40)    not null,
    currency   char(3)        not null,
    max_amount numeric(19, 4) not null check (max_amount >= 0),
    primary key (channel, currency)
);

-- The single number of before becomes the threshold of every currency a plan is kept in, so that nothing that moved
-- on its own before stops doing so. Its old columns stay (unread) until no running version reads them any more.
insert into reallocation_amount_limit (currency, max_amount)
select distinct p.currency, s.max_amount_moved
from budget_plan p cross join reallocation_settings s;

insert into reallocation_channel_amount_limit (channel, currency, max_amount)
select l.channel, p.currency, l.max_amount
from reallocation_channel_limit l cross join (select distinct currency from budget_plan) p
where l.max_amount is not null;

-- Every change of the approval policy or the kill switch: who, when, and the whole setting before and after (JSON,
-- as GET returned it then).
create table guardrail_change (
    id         uuid         primary key,
    guardrail  varchar(20)  not null,
    changed_by varchar(200) not null,
    changed_at timestamptz  not null,
    before     text         not null,
    after      text         not null
);

create index guardrail_change_newest_first on guardrail_change (guardrail, changed_at desc, id);
