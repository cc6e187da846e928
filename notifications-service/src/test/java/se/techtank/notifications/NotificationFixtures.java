package se.techtank.notifications;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import se.techtank.platform.testing.CloudEventFixture;

/** Other services' events as notifications-service consumes them, each valid against its schema in contracts/. */
final class NotificationFixtures {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private NotificationFixtures() {}

    /** A live contact person of {@code companyId}. */
    static String contact(UUID contactId, UUID companyId, String name, String email, String language) {
        return contact(contactId, companyId, name, email, language, "2026-11-01T10:00:00Z");
    }

    /** A live contact person of {@code companyId}, created in members-service at {@code createdAt}. */
    static String contact(
            UUID contactId, UUID companyId, String name, String email, String language, String createdAt) {
        return """
                {"contactId":"%s","companyId":"%s","name":"%s","email":"%s","language":"%s",
                 "consents":{"MEETING_INVITATIONS":{"given":true,"changedAt":"2026-11-01T10:00:00Z"}},
                 "erased":false,"removed":false,
                 "createdAt":"%s","modifiedAt":"%s"}
                """.formatted(contactId, companyId, name, email, language, createdAt, createdAt);
    }

    /** The contact after erasure: no personal data. */
    static String erasedContact(UUID contactId, UUID companyId) {
        return """
                {"contactId":"%s","companyId":"%s","language":"sv","consents":{},
                 "erased":true,"erasedAt":"2026-11-02T10:00:00Z","removed":false,
                 "createdAt":"2026-11-01T10:00:00Z","modifiedAt":"2026-11-02T10:00:00Z"}
                """.formatted(contactId, companyId);
    }

    static String sendContact(String type, UUID contactId, String json) {
        return CloudEventFixture.on("members.contact.v1")
                .from("/members-service")
                .type("se.techtank.members.contact." + type, "contracts/members/contact." + type + ".v1.json")
                .subject(contactId)
                .time(OffsetDateTime.now())
                .data(json)
                .send();
    }

    /** A company with a membership in {@code status}. */
    static String company(UUID companyId, String organisationNumber, String name, String status) {
        return """
                {"companyId":"%s","organisationNumber":"%s","name":"%s","municipalityCode":"1082",
                 "inBlekinge":true,"membership":{"status":"%s","since":"2026-11-01"},
                 "createdAt":"2026-11-01T10:00:00Z","modifiedAt":"2026-11-01T10:00:00Z"}
                """.formatted(companyId, organisationNumber, name, status);
    }

    static String sendCompany(String fact, UUID companyId, String json, OffsetDateTime time) {
        return CloudEventFixture.on("members.company.v1")
                .from("/members-service")
                .type("se.techtank.members.company." + fact, "contracts/members/company." + fact + ".v1.json")
                .subject(companyId)
                .time(time)
                .data(json)
                .send();
    }

    /** A meeting as events.meeting.v1 carries it, at {@code start} local Stockholm time for two hours. */
    static String meeting(UUID meetingId, OffsetDateTime start, int sequence, String status) {
        OffsetDateTime end = start.plusHours(2);
        return """
                {"meetingId":"%s","kind":"INDUSTRY_MEETING","status":"%s",
                 "title":{"sv":"Branschträff Karlshamn","en":"Industry meeting Karlshamn"},
                 "description":{"sv":"Frukostträff om automation.","en":"Breakfast meeting on automation."},
                 "municipalityCode":"1082","coOrganisers":[],
                 "venue":{"name":"Väggaparken konferens","address":"Väggavägen 1, 374 35 Karlshamn"},
                 "start":"%s","end":"%s","timeZone":"Europe/Stockholm","capacity":40,"confirmedCount":1,
                 "seatsLeft":39,"waitlistLength":0,"registrationCloses":"%s","audience":"PUBLIC",
                 "approvalRequired":false,"focusAreas":["AUTOMATION"],"sequence":%d,"modifiedAt":"%s"%s}
                """.formatted(
                        meetingId,
                        status,
                        iso(start),
                        iso(end),
                        iso(start.minusDays(1)),
                        sequence,
                        iso(OffsetDateTime.now()),
                        "CANCELLED".equals(status) ? ",\"cancellationReason\":\"För få anmälda.\"" : "");
    }

    static String sendMeeting(String fact, UUID meetingId, String json) {
        return CloudEventFixture.on("events.meeting.v1")
                .from("/events-service")
                .type("se.techtank.events.meeting." + fact, "contracts/events/meeting." + fact + ".v1.json")
                .subject(meetingId)
                .time(OffsetDateTime.now())
                .data(json)
                .send();
    }

    /** A registration of {@code email} in {@code status} for a meeting at {@code start}. */
    static String registration(
            UUID registrationId,
            UUID meetingId,
            String status,
            String name,
            String email,
            String language,
            OffsetDateTime start,
            String extra) {
        return """
                {"registrationId":"%s","meetingId":"%s","status":"%s",
                 "attendee":{"name":"%s","email":"%s","language":"%s"},
                 "checkInCode":"ABCDEF",
                 "cancellationLink":"https://api.techtank.se/api/v1/registrations/%s/cancel?token=s3cr3t-token-%s",
                 "meeting":{"title":{"sv":"Branschträff Karlshamn","en":"Industry meeting Karlshamn"},
                            "start":"%s","end":"%s","timeZone":"Europe/Stockholm",
                            "venue":{"name":"Väggaparken konferens","address":"Väggavägen 1, 374 35 Karlshamn"},
                            "municipalityCode":"1082","status":"PUBLISHED"},
                 "registeredAt":"2026-11-01T10:00:00Z","modifiedAt":"2026-11-01T10:00:00Z","anonymised":false%s}
                """.formatted(
                        registrationId,
                        meetingId,
                        status,
                        name,
                        email,
                        language,
                        registrationId,
                        registrationId,
                        iso(start),
                        iso(start.plusHours(2)),
                        extra);
    }

    static CloudEventFixture registrationEvent(String fact, UUID registrationId, String json) {
        return CloudEventFixture.on("events.registration.v1")
                .from("/events-service")
                .type("se.techtank.events.registration." + fact, "contracts/events/registration." + fact + ".v1.json")
                .subject(registrationId)
                .time(OffsetDateTime.now())
                .data(json);
    }

    /** RFC 3339 with seconds, as the producers write it ({@code OffsetDateTime.toString()} drops ":00"). */
    static String iso(OffsetDateTime time) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    /** 2026-12-08 07:30 in Stockholm (a Tuesday), the example. */
    static OffsetDateTime tuesdayMorning() {
        return OffsetDateTime.parse("2026-12-08T07:30:00+01:00");
    }

    static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.se";
    }
}
