-- The companies this service knows, projected from members.company.v1 (owned by members-service).
create table company (
    id                  uuid        primary key,
    organisation_number varchar(11) not null,
    name                text        not null,
    municipality_code   varchar(4)  not null,
    in_blekinge         boolean     not null,
    state_as_of         timestamptz not null,   -- ce_time of the event the row reflects
    updated_at          timestamptz not null default now()
);

-- Registrations name a company by organisation number.
create index company_organisation_number on company (organisation_number);
