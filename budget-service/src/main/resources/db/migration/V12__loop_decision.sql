-- The loop-decision detector (issue 15): when a move's realised change fell below its forecast's 90 % interval, the
-- risk guard was told once (AnomalyDetected, detector loop-decision); a later revision of the same move's evidence
-- does not tell it again.
alter table move_track_record add column below_interval_reported_at timestamptz;
