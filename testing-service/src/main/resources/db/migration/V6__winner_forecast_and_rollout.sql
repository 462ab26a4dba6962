-- A concluded experiment keeps serving its declared winner to everyone (the rollout). A unit first exposed after
-- the conclusion is marked, so the experiment's own evidence (its readout, its always-valid tests) stays the data the
-- winner was declared on, and the rollout's units are what the winner realised.
alter table exposure add column after_conclusion boolean not null default false;

create index exposure_after_conclusion on exposure (experiment_id, variant_key) where after_conclusion;

-- What a declared winner forecast at the conclusion: the winner's Beta posterior of its conversion rate (period
-- weighted, as the bandit declared it on), the posterior's mean and 90 % credible interval, and its relative uplift
-- over the control with a 90 % interval. One row per experiment: a winner is declared once.
create table winner_forecast (
    experiment_id   uuid primary key references experiment (id),
    experiment_key  varchar(80)      not null,
    channel         varchar(40)      not null,
    metric          varchar(80)      not null,
    winner          varchar(80)      not null,
    control_variant varchar(80)      not null,
    concluded_at    timestamptz      not null,
    alpha           double precision not null,
    beta            double precision not null,
    expected_rate   double precision not null,
    rate_low        double precision not null,
    rate_high       double precision not null,
    control_rate    double precision not null,
    uplift          double precision,
    uplift_low      double precision,
    uplift_high     double precision
);

create index winner_forecast_by_channel on winner_forecast (channel, concluded_at);
