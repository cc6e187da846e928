-- One application of programmes-service as plain SQL, for pgbench: the database's own ceiling for
-- submissions (bench/programmes-applications.sh runs it). The writes of ApplicationService.submit, in one
-- transaction, against the service's own tables:
--   1. the application, with its rules' results (Hibernate's insert of Application, every column it
--      writes; eligibility: one result per rule, as jsonb)
--   2. its history (ApplicationTransition: null -> SUBMITTED)
--   3. the event (Outbox.record of application.submitted): insert into platform.outbox, payload cast to
--      jsonb, about the size of the service's (~1.5 KB)
-- Not here: the service's reads in the same transaction (the intake, the programme, the company in the
-- read model, the standing-application check), the Idempotency-Key's row, the outbox relay's work after
-- the commit, HTTP, JSON, Hibernate.
--
--   pgbench -n -M prepared -c 8 -j 2 -T 20 -D intake=<uuid> -D programme=<uuid> -D n=0 \
--       -f bench/application-transaction.sql programmes
--
-- -M prepared: the service's JDBC driver uses server-side prepared statements, and the variables below
-- become parameters. Each client counts its transactions in the variable n (-D n=0; pgbench keeps a
-- client's variables from one transaction to the next), so that the organisation numbers are unique per
-- intake (the partial unique index application_once_per_intake) without an extra query: run it against an
-- intake of its own. The numbers ("99NNNN-NNNN") are not valid ones (no Luhn check digit): the database does
-- not check them, and they cannot be confused with the generated companies'.
\set n :n + 1
\set k :client_id * 10000000 + :n
BEGIN;
INSERT INTO application (id, intake_id, programme_id, company_id, organisation_number, company_name,
    municipality_code, number_of_employees, size_class, sni_code, membership_status, facts_source, contact_name,
    contact_email, contact_email_hash, contact_language, motivation, status, eligibility, eligibility_unknown,
    eligibility_override_reason, submitted_by_role, submitted_by_partner, submitted_by, submitted_at, modified_at,
    anonymised_at, version)
VALUES (gen_random_uuid(), :intake, :programme, gen_random_uuid(),
    '99' || substr(lpad(:k::text, 8, '0'), 1, 4) || '-' || substr(lpad(:k::text, 8, '0'), 5, 4),
    'Pgbench Verkstad ' || :k::text || ' AB', '1082', 42, 'SMALL', '25.110', 'ACTIVE', 'REGISTER', 'Anna Berg',
    'anna.berg.' || :k::text || '@verkstad.example.se',
    encode(sha256(convert_to('anna.berg.' || :k::text || '@verkstad.example.se', 'UTF8')), 'hex'), 'SV',
    'Vi vill automatisera svetsningen och korta ställtiderna i linje 3.', 'SUBMITTED',
    CAST('[{"rule": "MAX_EMPLOYEES", "outcome": "PASSED", "detail": "42 employees, at most 249"}]' AS jsonb), false,
    NULL, 'STAFF', NULL, 'staff@techtank.example.se', now(), now(), NULL, 0)
RETURNING id AS aid, organisation_number AS org, contact_email AS email
\gset
INSERT INTO application_transition (application_id, from_status, to_status, reason, actor, at)
VALUES (:aid, NULL, 'SUBMITTED', NULL, 'staff@techtank.example.se', now());
INSERT INTO platform.outbox (id, topic, aggregate_type, aggregate_id, event_type, data_schema, payload, occurred_at)
VALUES (gen_random_uuid(), 'programmes.application.v1', 'application', :aid,
    'se.techtank.programmes.application.submitted', 'contracts/programmes/application.submitted.v1.json',
    CAST('{"applicationId": "' || :aid::text || '", "intakeId": "' || :intake::text || '", "programmeId": "'
        || :programme::text || '", "programmeCode": "ROBOTLYFTET", "status": "SUBMITTED", "company": {"companyId": null, '
        || '"organisationNumber": "' || :org::text || '", "name": "Pgbench Verkstad AB", "municipalityCode": "1082", '
        || '"numberOfEmployees": 42, "sizeClass": "SMALL", "sniCode": "25.110", "membershipStatus": "ACTIVE", '
        || '"factsSource": "REGISTER"}, "contact": {"name": "Anna Berg", "email": "' || :email::text
        || '", "language": "SV"}, "motivation": "Vi vill automatisera svetsningen och korta ställtiderna i linje 3.", '
        || '"eligibility": [{"rule": "MAX_EMPLOYEES", "outcome": "PASSED", "detail": "42 employees, at most 249"}], '
        || '"eligibilityUnknown": false, "eligibilityOverrideReason": null, "submittedBy": {"role": "STAFF", '
        || '"partnerId": null, "subject": "staff@techtank.example.se"}, "intake": {"name": "Hösten 2026", '
        || '"operatingPartners": ["techtank"], "counties": [], "applicationOpens": "2026-12-01T08:00:00+01:00", '
        || '"applicationCloses": "2026-12-31T23:59:00+01:00", "startsOn": "2027-01-15", "endsOn": "2027-06-30", '
        || '"seats": 10000}, "programme": {"name": {"sv": "Robotlyftet", "en": "The Robot Lift"}, "owner": '
        || '"IUC_SVERIGE", "funders": ["VINNOVA"], "focusAreas": ["AUTOMATION", "DIGITALISATION"]}, '
        || '"submittedAt": "2026-12-04T09:15:00.123456+01:00", "modifiedAt": "2026-12-04T09:15:00.123456+01:00", '
        || '"anonymised": false}' AS jsonb),
    now());
COMMIT;
