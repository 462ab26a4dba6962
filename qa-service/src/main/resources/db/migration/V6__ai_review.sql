-- Reviews of copy by a chat model, remembered by what was reviewed and by whom: the same copy, channel and regions
-- under the same prompt and model get the same review, so re-running QA on unchanged input keeps its verdict.
-- Only valid reviews are kept; a failed review is tried again on the next run.
create table ai_review (
    digest      char(64)     primary key,
    model       varchar(200) not null,
    review      text         not null,
    created_at  timestamptz  not null
);
