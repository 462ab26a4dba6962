-- A realised change is judged against the forecast's interval widened by the measurement's own noise.
alter table move_track_record add column measurement_std_err double precision;
