-- A rule set version is its whole document: thresholds, vocabularies, patterns and regimes, exactly as the CoE
-- published it. Versions are never updated, only added. (V1 shipped no way to create rule sets, so the table is
-- empty wherever this runs.)
alter table rule_set add column description varchar(1000);
alter table rule_set add column document text not null;
