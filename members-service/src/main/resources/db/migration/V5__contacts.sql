-- Contact persons of companies: personal data (GDPR). A contact is either live, with a name and an
-- e-mail, or erased: the person's name, e-mail and phone are gone for good and the anonymous row stays
-- for statistics. Removing a contact deletes its rows.
create table contact (
    id          uuid        primary key,
    company_id  uuid        not null references company (id),
    name        text,
    email       text,
    phone       text,
    role        text,
    language    varchar(2)  not null default 'sv',
    created_at  timestamptz not null,
    modified_at timestamptz not null,
    erased_at   timestamptz,
    version     bigint      not null default 0,
    constraint contact_person_unless_erased check (erased_at is not null or (name is not null and email is not null)),
    constraint contact_erased_is_anonymous check (erased_at is null or (name is null and email is null and phone is null)),
    constraint contact_name_not_blank check (length(btrim(name)) > 0),
    constraint contact_email_format check (email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
    constraint contact_phone_format check (phone ~ '^\+?[0-9][0-9 -]*[0-9]$'),
    constraint contact_role_not_blank check (length(btrim(role)) > 0),
    constraint contact_language_known check (language in ('sv', 'en')),
    constraint contact_modified_after_created check (modified_at >= created_at),
    constraint contact_erased_after_created check (erased_at >= created_at)
);

-- One person per e-mail address and company, whatever the letter case. Erased rows have no e-mail.
create unique index contact_company_email_unique on contact (company_id, lower(email)) where erased_at is null;
-- The company's contact list, sorted by name.
create index contact_company_name on contact (company_id, lower(name), id) where erased_at is null;

-- Each consent's current state: given or withdrawn, and when that last changed.
create table contact_consent (
    contact_id uuid        not null references contact (id) on delete cascade,
    consent    varchar(30) not null,
    given      boolean     not null,
    changed_at timestamptz not null,
    primary key (contact_id, consent),
    constraint contact_consent_known check (consent in ('MEETING_INVITATIONS', 'PROGRAMME_NEWS', 'NEWSLETTER'))
);

-- Every change of a consent, in order: what Techtank shows when asked when a person agreed (GDPR art. 7).
create table contact_consent_change (
    contact_id uuid        not null references contact (id) on delete cascade,
    position   integer     not null,
    consent    varchar(30) not null,
    given      boolean     not null,
    changed_at timestamptz not null,
    primary key (contact_id, position),
    constraint contact_consent_change_position check (position >= 0),
    constraint contact_consent_change_known
        check (consent in ('MEETING_INVITATIONS', 'PROGRAMME_NEWS', 'NEWSLETTER'))
);
