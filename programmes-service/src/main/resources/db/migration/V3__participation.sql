-- Participation: what an enrolled company did in its intake, logged by staff or from events-service's
-- attendance (a meeting linked to the intake, attended by someone of the company).

-- Meetings of events-service that belong to an intake (by id; the meeting itself stays in events-service).
create table intake_meeting (
    intake_id  uuid not null references intake (id),
    meeting_id uuid not null,
    primary key (intake_id, meeting_id)
);

create index intake_meeting_by_meeting on intake_meeting (meeting_id);

create table activity (
    id                     uuid         primary key,
    application_id         uuid         not null references application (id),
    occurred_on            date         not null,
    kind                   varchar(16)  not null,
    hours                  numeric(6,2) not null,
    note                   text,
    registration_id        uuid,                     -- the attendance it came from, if any
    created_by             text,
    created_at             timestamptz  not null,
    constraint activity_kind check (kind in ('MEETING', 'COACHING', 'WORKSHOP', 'STUDY_VISIT', 'ANALYSIS', 'OTHER')),
    constraint activity_hours check (hours > 0 and hours <= 24 and hours * 4 = floor(hours * 4))
);

create index activity_by_application on activity (application_id, occurred_on);
-- One MEETING activity per registration, however often its attended event is delivered.
create unique index activity_once_per_registration on activity (registration_id) where registration_id is not null;
