-- One registration of events-service as plain SQL, for pgbench: the database's own ceiling for
-- registrations (bench/events-registration.sh runs it). The three writes of
-- RegistrationService.register, in one transaction, against the service's own tables:
--   1. the seat (SeatRepository.take):   update meeting ... where confirmed_count < capacity
--   2. the registration (Hibernate's insert of Registration, every column it writes)
--   3. the event (Outbox.record):        insert into platform.outbox, payload cast to jsonb
-- Not here: the service's reads in the same transaction (the duplicate e-mail check, select ... for
-- update of the meeting, the check-in code check), the outbox relay's work after the commit, HTTP, JSON,
-- Hibernate. The meeting's capacity is so large that the update always takes a seat.
--
--   pgbench -n -M prepared -c 8 -j 2 -T 20 -D meeting=<uuid> -D n=0 -f bench/registration-transaction.sql events
--
-- -M prepared: the service's JDBC driver uses server-side prepared statements, and the variables below
-- become parameters. Each client counts its transactions in the variable n (-D n=0, and pgbench keeps
-- a client's variables from one transaction to the next), so that e-mail addresses and check-in codes
-- are unique per meeting without an extra query: run it against a meeting of its own. The payload is built per
-- transaction, as the service serialises one per registration, so that PostgreSQL parses a different
-- jsonb text every time (about the size of the service's: ~1 KB).
\set n :n + 1
\set k :client_id * 2000000 + :n
BEGIN;
UPDATE meeting SET confirmed_count = confirmed_count + 1 WHERE id = :meeting AND confirmed_count < capacity;
INSERT INTO registration (id, meeting_id, status, waitlist_position, attendee_name, attendee_email, email_hash,
    language, organisation_number, company_name, municipality_code, dietary_requirements, message,
    attendee_list_consent, check_in_code, cancellation_token, registered_by, checked_in_at, checked_in_by,
    cancelled_at, cancellation_reason, anonymised_at, registered_at, modified_at, version)
VALUES (gen_random_uuid(), :meeting, 'CONFIRMED', NULL, 'Anna Berg', 'pgbench.' || :k::text || '@deltagare.example.se',
    encode(sha256(convert_to('pgbench.' || :k::text || '@deltagare.example.se', 'UTF8')), 'hex'),
    'sv', NULL, NULL, NULL, NULL, NULL,
    true, upper(lpad(to_hex(:k::integer), 6, '0')), md5(random()::text) || md5(random()::text), NULL, NULL, NULL,
    NULL, NULL, NULL, now(), now(), 0)
RETURNING id AS rid, attendee_email AS email, check_in_code AS code, cancellation_token AS token
\gset
INSERT INTO platform.outbox (id, topic, aggregate_type, aggregate_id, event_type, data_schema, payload, occurred_at)
VALUES (gen_random_uuid(), 'events.registration.v1', 'registration', :rid,
    'se.techtank.events.registration.confirmed', 'contracts/events/registration.confirmed.v1.json',
    CAST('{"registrationId": "' || :rid::text || '", "meetingId": "' || :meeting::text
        || '", "status": "CONFIRMED", "waitlistPosition": null, "attendee": {"name": "Anna Berg", "email": "'
        || :email::text || '", "language": "sv"}, "organisationNumber": null, "companyName": null, "checkInCode": "'
        || :code::text || '", "cancellationLink": "http://localhost:8082/api/v1/registrations/' || :rid::text
        || '/cancel?token=' || :token::text || '", "cancellationReason": null, "meeting": {"title": {"sv": '
        || '"Branschträff Karlshamn", "en": "Industry meeting Karlshamn"}, "start": "2026-12-28T08:00:00+01:00", '
        || '"end": "2026-12-28T10:00:00+01:00", "timeZone": "Europe/Stockholm", "venue": {"name": '
        || '"Väggaparken konferens", "address": "Väggavägen 1, 374 35 Karlshamn"}, "onlineLink": null, '
        || '"municipalityCode": "1082", "status": "PUBLISHED"}, "registeredAt": "2026-11-28T09:15:00.123456+01:00", '
        || '"modifiedAt": "2026-11-28T09:15:00.123456+01:00", "anonymised": false}' AS jsonb),
    now());
COMMIT;
