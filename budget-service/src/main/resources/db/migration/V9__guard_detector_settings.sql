-- The risk guard's detectors as the CoE set them (docs/budget.md, "Risk guard"): thresholds by name (JSON) and the
-- containment action. A detector without a row runs with its defaults.
create table guard_detector_setting (
    detector   varchar(40)  primary key,
    thresholds text         not null,
    action     varchar(40)  not null,
    changed_by varchar(200) not null,
    changed_at timestamptz  not null
);

-- Every change of a detector's setting: who, when, the whole setting before and after (JSON, as GET returned it).
create table guard_detector_change (
    id         uuid         primary key,
    detector   varchar(40)  not null,
    changed_by varchar(200) not null,
    changed_at timestamptz  not null,
    before     text         not null,
    after      text         not null
);

create index guard_detector_change_newest_first on guard_detector_change (detector, changed_at desc, id);
