-- A brand's corpus: copy the CoE holds up as the brand's voice (APPROVED) or as what it must not sound like
-- (REJECTED). The embedding is computed once, when the example is added, by the model named next to it.
create table brand_example (
    id          uuid primary key,
    brand       varchar(80)   not null,
    stance      varchar(10)   not null check (stance in ('APPROVED', 'REJECTED')),
    text        varchar(5000) not null,
    embedding   bytea         not null,
    model       varchar(80)   not null,
    created_by  varchar(200)  not null,
    created_at  timestamptz   not null
);

create index brand_example_by_brand on brand_example (brand, created_at);
