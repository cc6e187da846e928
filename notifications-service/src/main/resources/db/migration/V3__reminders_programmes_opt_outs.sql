-- Programmes and their intakes, from programmes.programme.v1: the names application mails and intake
-- announcements show.
create table programme (
    id          uuid primary key,
    code        text        not null,
    state       jsonb       not null,   -- the event's payload (names, focus areas, intakes)
    event_time  timestamptz not null
);

-- Who turned an optional kind off: a contact (contact:<id>) or, for people who are not contacts (attendees),
-- an address by its hash (email:<sha-256 of the lower-case address>). The senders suppress what they find here.
create table opt_out (
    recipient   text        not null,
    kind        varchar(40) not null,
    created_at  timestamptz not null,
    primary key (recipient, kind)
);

create index delivery_by_application on delivery (application_id);
-- Reminders of a meeting are found by their source key prefix (reminder:<meetingId>:).
create index delivery_by_source on delivery (source_key text_pattern_ops);
