-- Meetings (branschträffar, conferences, workshops, webinars, networking) and their registrations.
-- Seats are counted on the meeting row: a registration takes one with an atomic conditional update
-- (confirmed_count < capacity), and the check constraint makes more confirmed than capacity impossible
-- whatever the code does. See docs/adr/0005-exact-meeting-capacity.md.

-- Membership state from members.company.v1, for members-only meetings.
alter table company add column membership_status varchar(12);

create table meeting (
    id                     uuid        primary key,
    kind                   varchar(20) not null,
    status                 varchar(10) not null default 'DRAFT',
    title_sv               text        not null,
    title_en               text,
    description_sv         text        not null,
    description_en         text,
    municipality_code      varchar(4)  not null,
    series                 text,
    co_organisers          jsonb       not null default '[]',
    venue_name             text,
    venue_address          text,
    online_link            text,
    starts_at              timestamptz not null,
    ends_at                timestamptz not null,
    capacity               integer     not null,
    max_per_company        integer,
    registration_opens_at  timestamptz,
    registration_closes_at timestamptz not null,
    audience               varchar(12) not null,
    approval_required      boolean     not null,
    focus_areas            text[]      not null default '{}',
    confirmed_count        integer     not null default 0,
    waitlist_length        integer     not null default 0,
    sequence               integer     not null default 0,   -- iCalendar SEQUENCE: raised on every reschedule
    cancellation_reason    text,
    created_at             timestamptz not null,
    modified_at            timestamptz not null,
    version                bigint      not null default 0,
    constraint meeting_status check (status in ('DRAFT', 'PUBLISHED', 'COMPLETED', 'CANCELLED')),
    constraint meeting_capacity check (capacity >= 1),
    constraint meeting_seats check (confirmed_count >= 0 and confirmed_count <= capacity),
    constraint meeting_waitlist check (waitlist_length >= 0),
    constraint meeting_max_per_company check (max_per_company is null or max_per_company >= 1),
    constraint meeting_times check (ends_at > starts_at),
    constraint meeting_registration_window check (
        registration_closes_at <= starts_at
        and (registration_opens_at is null or registration_opens_at < registration_closes_at)),
    constraint meeting_place check (venue_name is not null or online_link is not null)
);

-- The public listing: published, upcoming, by start.
create index meeting_by_status_and_start on meeting (status, starts_at);
create index meeting_by_municipality on meeting (municipality_code, starts_at);
create index meeting_by_focus_area on meeting using gin (focus_areas);

create table registration (
    id                    uuid        primary key,
    meeting_id            uuid        not null references meeting (id),
    status                varchar(16) not null,
    waitlist_position     integer,
    attendee_name         text,
    attendee_email        text,
    email_hash            varchar(64),      -- sha-256 of the lower-case address: duplicates, erasure
    language              varchar(2)  not null,
    organisation_number   varchar(11),
    company_name          text,
    municipality_code     varchar(4),       -- the company's, for the attendance report
    dietary_requirements  text,
    message               text,
    attendee_list_consent boolean     not null,
    check_in_code         varchar(6)  not null,
    cancellation_token    varchar(64) not null,
    registered_by         text,
    checked_in_at         timestamptz,
    checked_in_by         text,
    cancelled_at          timestamptz,
    cancellation_reason   text,
    anonymised_at         timestamptz,
    registered_at         timestamptz not null,
    modified_at           timestamptz not null,
    version               bigint      not null default 0,
    constraint registration_status check (status in (
        'PENDING_APPROVAL', 'CONFIRMED', 'WAITLISTED', 'CANCELLED', 'DECLINED', 'ATTENDED', 'NO_SHOW')),
    -- A waitlist position exactly while waitlisted; positions are unique per meeting. The uniqueness is
    -- checked at commit, so that moving everyone up one place is one statement.
    constraint registration_waitlist_position check (
        (status = 'WAITLISTED') = (waitlist_position is not null) and coalesce(waitlist_position, 1) >= 1),
    constraint registration_waitlist_unique unique (meeting_id, waitlist_position) deferrable initially deferred,
    constraint registration_check_in_code unique (meeting_id, check_in_code)
);

-- One active registration per e-mail address and meeting (a cancelled one may register again).
create unique index registration_one_per_email on registration (meeting_id, email_hash)
    where status in ('PENDING_APPROVAL', 'CONFIRMED', 'WAITLISTED', 'ATTENDED', 'NO_SHOW');
create index registration_by_meeting on registration (meeting_id, status, registered_at);
create index registration_by_company on registration (meeting_id, organisation_number);
create index registration_by_email_hash on registration (email_hash);

-- Contacts of member companies as members.contact.v1 described them: only a hash of each e-mail address
-- they ever had, so that an erasure there can find the person's registrations here.
create table contact_email (
    contact_id uuid        not null,
    email_hash varchar(64) not null,
    primary key (contact_id, email_hash)
);
