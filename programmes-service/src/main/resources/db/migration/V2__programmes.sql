-- Programmes (national IUC programmes channelled by Techtank), their intakes, partner IUCs and company
-- applications. Seats are counted on the intake row: an approval takes one with an atomic conditional update
-- (seats_taken < seats), and the check constraint makes more approvals than seats impossible whatever the
-- code does (docs/adr/0009-exact-capacity-with-a-guarded-seat-update.md, as for meetings).

-- What eligibility needs of a company, from members.company.v1 (V1 holds the identity columns). Rows
-- projected before these columns existed lack them until the read model is rebuilt (docs/adr/0008).
alter table company
    add column membership_status   varchar(12),
    add column number_of_employees integer,
    add column size_class          varchar(8),
    add column primary_sni         varchar(6),
    add column sni_section         varchar(1),
    add column needs               jsonb;

create table partner (
    id          varchar(40) primary key,         -- slug, the partner_id claim of the partner's tokens
    name        text        not null,
    counties    text[]      not null default '{}',
    created_at  timestamptz not null,
    modified_at timestamptz not null,
    version     bigint      not null default 0,
    constraint partner_slug check (id ~ '^[a-z0-9][a-z0-9-]{1,39}$')
);

create table programme (
    id             uuid        primary key,
    code           varchar(40) not null,
    name_sv        text        not null,
    name_en        text,
    description_sv text        not null,
    description_en text,
    owner          varchar(40) not null,         -- IUC_SVERIGE or a partner's id
    funders        text[]      not null default '{}',
    focus_areas    text[]      not null default '{}',
    eligibility    jsonb       not null default '{}',
    status         varchar(10) not null default 'DRAFT',
    created_at     timestamptz not null,
    modified_at    timestamptz not null,
    version        bigint      not null default 0,
    constraint programme_status check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED'))
);

create unique index programme_code on programme (code);
create index programme_by_status on programme (status, name_sv);
create index programme_by_focus_area on programme using gin (focus_areas);

create table intake (
    id                    uuid        primary key,
    programme_id          uuid        not null references programme (id),
    name                  text        not null,
    operating_partners    text[]      not null default '{}',
    counties              text[]      not null default '{}',
    application_opens_at  timestamptz not null,
    application_closes_at timestamptz not null,
    starts_on             date        not null,
    ends_on               date        not null,
    seats                 integer     not null,
    seats_taken           integer     not null default 0,
    status                varchar(10) not null default 'PLANNED',
    created_at            timestamptz not null,
    modified_at           timestamptz not null,
    version               bigint      not null default 0,
    constraint intake_status check (status in ('PLANNED', 'OPEN', 'CLOSED', 'COMPLETED')),
    constraint intake_seats check (seats >= 1 and seats_taken >= 0 and seats_taken <= seats),
    constraint intake_window check (application_closes_at > application_opens_at),
    constraint intake_dates check (ends_on >= starts_on)
);

create index intake_by_programme on intake (programme_id, application_opens_at);
-- The window job: intakes whose window opens or closes.
create index intake_by_status on intake (status, application_opens_at, application_closes_at);

create table application (
    id                          uuid        primary key,
    intake_id                   uuid        not null references intake (id),
    programme_id                uuid        not null references programme (id),
    company_id                  uuid,                      -- the register's id when the company is known
    organisation_number         varchar(11) not null,
    company_name                text        not null,
    municipality_code           varchar(4),
    number_of_employees         integer,
    size_class                  varchar(8),
    sni_code                    varchar(6),
    membership_status           varchar(12),
    facts_source                varchar(8)  not null,      -- REGISTER or DECLARED
    contact_name                text,
    contact_email               text,
    contact_email_hash          varchar(64),               -- sha-256 of the lower-case address: erasure
    contact_language            varchar(2),
    motivation                  text,
    status                      varchar(12) not null,
    eligibility                 jsonb       not null,      -- one result per rule: PASSED, FAILED or UNKNOWN
    eligibility_unknown         boolean     not null,
    eligibility_override_reason text,
    submitted_by_role           varchar(12) not null,
    submitted_by_partner        varchar(40),
    submitted_by                text,
    submitted_at                timestamptz not null,
    modified_at                 timestamptz not null,
    anonymised_at               timestamptz,
    version                     bigint      not null default 0,
    constraint application_status check (status in
        ('SUBMITTED', 'APPROVED', 'REJECTED', 'WAITLISTED', 'ENROLLED', 'COMPLETED', 'WITHDRAWN')),
    constraint application_facts_source check (facts_source in ('REGISTER', 'DECLARED'))
);

-- One standing application per company and intake; a withdrawn or rejected one does not block a new one.
create unique index application_once_per_intake on application (intake_id, organisation_number)
    where status not in ('WITHDRAWN', 'REJECTED');
create index application_by_intake on application (intake_id, submitted_at);
create index application_by_company on application (organisation_number);
create index application_by_contact on application (contact_email_hash);

create table application_transition (
    id             bigserial   primary key,
    application_id uuid        not null references application (id),
    from_status    varchar(12),
    to_status      varchar(12) not null,
    reason         text,
    actor          text,
    at             timestamptz not null
);

create index application_transition_by_application on application_transition (application_id, id);

insert into partner (id, name, counties, created_at, modified_at)
values ('techtank', 'Techtank', '{10}', now(), now()),
       ('iuc-syd', 'IUC Syd', '{12}', now(), now());
