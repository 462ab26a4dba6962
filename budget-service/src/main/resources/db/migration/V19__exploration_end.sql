-- An exploration broken off part-way (another change moved the plan's allocations, or its channels stopped being
-- held) is recorded as ended on its latest step, once: the loop stops looking at it as running, waits as it does
-- after a refused exploration, and people can see when and why it ended.
alter table reallocation_proposal
    add column exploration_ended_at   timestamp with time zone,
    add column exploration_end_reason varchar(300);
