-- Channel mapping rules (docs/connectors.md, "Channel mapping rules"): each change of the CoE's rules is a new
-- version holding the whole ordered rule list, with who changed it, when and why; the highest version is in force.
create table channel_mapping_version (
    version    integer      primary key check (version > 0),
    rules      text         not null,
    changed_by varchar(200) not null,
    changed_at timestamptz  not null,
    comment    varchar(500)
);
