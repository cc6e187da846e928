-- Notifications: who can be written to (projections of the other services' events) and every message
-- planned or sent (delivery). A delivery is planned in the transaction that records the event in the
-- inbox, at most once per (source, recipient, channel) whatever Kafka redelivers (docs/notifications.md).

-- What announcements need of a company, from members.company.v1 (V1 holds the identity columns).
alter table company
    add column membership_status varchar(12),
    add column needs             jsonb;

-- Contact persons of member companies, from members.contact.v1. A removed contact is deleted; an erased
-- person too, and blanked in the delivery log.
create table contact (
    id            uuid primary key,
    company_id    uuid        not null,
    name          text,
    email         text,
    language      varchar(2)  not null,
    consents      text[]      not null default '{}',  -- the consent codes given
    event_time    timestamptz not null                -- ce_time of the newest event applied
);
create index contact_by_company on contact (company_id);

-- Published meetings, from events.meeting.v1: reschedule notices and reminders read them.
create table meeting (
    id            uuid primary key,
    status        varchar(12) not null,
    sequence      integer     not null,
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    state         jsonb       not null,               -- the event's payload (title, place, focus areas)
    event_time    timestamptz not null
);

-- Registrations, from events.registration.v1. The attendee and the cancellation link (a secret) are
-- personal data, gone once the registration is anonymised.
create table registration (
    id                 uuid primary key,
    meeting_id         uuid        not null,
    status             varchar(20) not null,
    attendee_name      text,
    attendee_email     text,
    language           varchar(2),
    cancellation_link  text,
    anonymised         boolean     not null default false,
    event_time         timestamptz not null
);
create index registration_by_meeting on registration (meeting_id, status);

create table delivery (
    id                 uuid primary key,
    source_key         text        not null,          -- the event's ce_id, or reminder:<meetingId>:<sequence>
    source_event_id    uuid,
    source_type        text,
    kind               varchar(40) not null,
    channel            varchar(8)  not null,          -- EMAIL or WEBHOOK
    recipient_key      text        not null,          -- contact:<id>, registration:<id>, application:<id>, ...
    contact_id         uuid,
    registration_id    uuid,
    application_id     uuid,
    subscription_id    uuid,
    address            text,                          -- personal data: blanked on erasure
    language           varchar(2)  not null,
    model              jsonb       not null,          -- what the template shows; personal data blanked on erasure
    status             varchar(10) not null,
    suppressed_reason  varchar(12),
    due_at             timestamptz not null,
    next_attempt_at    timestamptz not null,
    attempts           integer     not null default 0,
    last_error         text,
    created_at         timestamptz not null,
    modified_at        timestamptz not null,
    sent_at            timestamptz,
    version            integer     not null default 0,
    constraint delivery_once unique (source_key, recipient_key, channel),
    constraint delivery_status check (status in ('SCHEDULED', 'PENDING', 'SENT', 'FAILED', 'SUPPRESSED'))
);
-- What the senders claim: the due rows, oldest first.
create index delivery_due on delivery (next_attempt_at) where status in ('SCHEDULED', 'PENDING');
create index delivery_by_contact on delivery (contact_id);
create index delivery_by_registration on delivery (registration_id);
create index delivery_by_modified on delivery (modified_at, id);
