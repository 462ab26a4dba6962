-- Experiments with a cadence are re-weighted by the service itself; the others only on request.
alter table experiment add column reweigh_every_seconds bigint;
alter table experiment add column last_reweighed_at     timestamptz;
