-- Membership: the current state on the company, every change in the history, and the public applications.
alter table company
    add column membership_status      varchar(10),
    add column membership_since       date,
    add column membership_valid_until date,
    add column membership_fee_tier    varchar(6),
    add constraint company_membership_status_known
        check (membership_status in ('APPLIED', 'ACTIVE', 'SUSPENDED', 'TERMINATED', 'REJECTED')),
    add constraint company_membership_fee_tier_known
        check (membership_fee_tier in ('TIER_1', 'TIER_2', 'TIER_3', 'TIER_4')),
    -- An active or suspended membership has started, runs until a date and has a fee tier.
    add constraint company_membership_running_complete
        check (membership_status not in ('ACTIVE', 'SUSPENDED')
               or (membership_since is not null and membership_valid_until is not null and membership_fee_tier is not null));

create index company_membership_status on company (membership_status);
create index company_membership_lapse on company (membership_valid_until) where membership_status = 'ACTIVE';

create table membership_transition (
    id             uuid        primary key,
    company_id     uuid        not null references company (id),
    from_status    varchar(10),
    to_status      varchar(10) not null,
    reason         text,
    effective_date date,
    actor          text        not null,
    occurred_at    timestamptz not null,
    constraint membership_transition_to_known
        check (to_status in ('APPLIED', 'ACTIVE', 'SUSPENDED', 'TERMINATED', 'REJECTED'))
);

create index membership_transition_company on membership_transition (company_id, occurred_at);

-- What was sent through the public form ("bli medlem"). The applying person is a contact of the company
-- (table contact, V5), so that GDPR access and erasure cover them; nothing personal is copied here.
create table membership_application (
    id           uuid        primary key,
    company_id   uuid        not null references company (id),
    contact_id   uuid,                                   -- references contact (id), constraint in V6
    message      text,
    submitted_at timestamptz not null
);

create index membership_application_company on membership_application (company_id);
