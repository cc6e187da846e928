-- One MEETING activity per registration and application: a company enrolled in two intakes that share a
-- meeting gets the attendance in each (V3 allowed one per registration only).
drop index activity_once_per_registration;
create unique index activity_once_per_registration on activity (registration_id, application_id)
    where registration_id is not null;
