-- Member companies. The organisation number is stored normalised (NNNNNN-NNNN) and unique.
create table company (
    id                  uuid        primary key,
    organisation_number varchar(11) not null,
    name                text        not null,
    municipality_code   varchar(4)  not null,
    created_at          timestamptz not null,
    modified_at         timestamptz not null,
    version             bigint      not null default 0,
    constraint company_organisation_number_unique unique (organisation_number),
    constraint company_organisation_number_format check (organisation_number ~ '^[0-9]{6}-[0-9]{4}$'),
    constraint company_name_not_blank check (length(btrim(name)) > 0),
    constraint company_municipality_code_format check (municipality_code ~ '^[0-9]{4}$')
);
