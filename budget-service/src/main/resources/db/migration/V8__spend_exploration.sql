-- Spend exploration: a proposal that is a step of a designed variation of spend (docs/budget.md, "Spend
-- exploration") names its exploration (the id of the exploration's first step), its step and the channels explored.
alter table reallocation_proposal
    add column exploration_of     uuid,
    add column exploration_step   integer check (exploration_step >= 1),
    add column exploration_steps  integer check (exploration_steps >= 2),
    add column explored_channels  varchar(2000);

create index reallocation_proposal_exploration on reallocation_proposal (plan_id, proposed_at desc)
    where exploration_of is not null;
