package se.techtank.programmes;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;
import se.techtank.programmes.ProgrammesApi.TestCompany;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static se.techtank.programmes.ProgrammesApi.activities;
import static se.techtank.programmes.ProgrammesApi.attended;
import static se.techtank.programmes.ProgrammesApi.awaitProcessed;
import static se.techtank.programmes.ProgrammesApi.enrolled;
import static se.techtank.programmes.ProgrammesApi.linkMeetings;
import static se.techtank.programmes.ProgrammesApi.logActivity;
import static se.techtank.programmes.ProgrammesApi.meetings;
import static se.techtank.programmes.ProgrammesApi.memberCompany;
import static se.techtank.programmes.ProgrammesApi.noRules;
import static se.techtank.programmes.ProgrammesApi.openIntake;

/** Participation: activities staff log, meetings linked to intakes, and attendance from events-service. */
@QuarkusTest
class ParticipationTest {

    private static final String CONSUMER = "participation";
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** 08:00–10:10 in Stockholm (winter time): 130 minutes, 2.25 hours in quarter hours. */
    private static final OffsetDateTime START = OffsetDateTime.of(2026, 11, 20, 8, 0, 0, 0, ZoneOffset.ofHours(1));

    private static final OffsetDateTime END = START.plusMinutes(130);

    @Inject
    AgroalDataSource database;

    @Test
    void staff_log_an_activity_and_read_it_back() {
        TestCompany company = memberCompany(database);
        String id = enrolled(openIntake(noRules(), 5), company.organisationNumber());

        String activityId = logActivity(
                        TestTokens.staff(),
                        id,
                        Map.of("date", "2026-11-20", "kind", "COACHING", "hours", 2.5, "note", " Genomgång av layout "))
                .statusCode(201)
                .body("applicationId", equalTo(id))
                .body("kind", equalTo("COACHING"))
                .body("hours", equalTo(2.5f))
                .body("note", equalTo("Genomgång av layout"))
                .body("createdBy", equalTo(TestTokens.STAFF_SUBJECT))
                .extract()
                .path("id");

        assertThat(TestSql.queryForString(
                        database,
                        "select application_id || '/' || occurred_on || '/' || kind || '/' || hours || '/' || note"
                                + " || '/' || (registration_id is null) from activity where id = ?::uuid",
                        activityId))
                .isEqualTo(id + "/2026-11-20/COACHING/2.50/Genomgång av layout/true");
        activities(TestTokens.staff(), id)
                .statusCode(200)
                .body("id", contains(activityId))
                .body("[0].date", equalTo("2026-11-20"));
    }

    @Test
    void activities_are_listed_oldest_first() {
        TestCompany company = memberCompany(database);
        String id = enrolled(openIntake(noRules(), 5), company.organisationNumber());
        logActivity(TestTokens.staff(), id, Map.of("date", "2026-11-27", "kind", "WORKSHOP", "hours", 4))
                .statusCode(201);
        logActivity(TestTokens.staff(), id, Map.of("date", "2026-11-20", "kind", "STUDY_VISIT", "hours", 0.25))
                .statusCode(201);

        activities(TestTokens.staff(), id)
                .statusCode(200)
                .body("date", contains("2026-11-20", "2026-11-27"))
                .body("kind", contains("STUDY_VISIT", "WORKSHOP"));
        assertThat(TestSql.queryForString(
                        database, "select sum(hours)::text from activity where application_id = ?::uuid", id))
                .isEqualTo("4.25");
    }

    @Test
    void hours_not_in_quarter_hours_and_a_missing_kind_are_refused_and_nothing_is_logged() {
        TestCompany company = memberCompany(database);
        String id = enrolled(openIntake(noRules(), 5), company.organisationNumber());

        logActivity(TestTokens.staff(), id, Map.of("date", "2026-11-20", "kind", "COACHING", "hours", 1.1))
                .statusCode(422)
                .body("errors.field", hasItem("hours"));
        logActivity(TestTokens.staff(), id, Map.of("date", "2026-11-20", "kind", "COACHING", "hours", 0))
                .statusCode(422)
                .body("errors.field", hasItem("hours"));
        logActivity(TestTokens.staff(), id, Map.of("date", "2026-11-20", "hours", 1))
                .statusCode(422)
                .body("errors.field", hasItem("kind"));

        assertThat(activityCount(id)).isZero();
    }

    @Test
    void an_unknown_application_is_404_and_members_may_neither_log_nor_read() {
        TestCompany company = memberCompany(database);
        String id = enrolled(openIntake(noRules(), 5), company.organisationNumber());
        Map<String, Object> body = Map.of("date", "2026-11-20", "kind", "WORKSHOP", "hours", 3);

        logActivity(TestTokens.staff(), UUID.randomUUID().toString(), body).statusCode(404);
        activities(TestTokens.staff(), UUID.randomUUID().toString()).statusCode(404);
        logActivity(company.memberToken(), id, body).statusCode(403);
        activities(company.memberToken(), id).statusCode(403);
        logActivity(null, id, body).statusCode(401);

        assertThat(activityCount(id)).isZero();
    }

    @Test
    void staff_link_meetings_to_an_intake_and_a_new_list_replaces_the_old() {
        String intakeId = openIntake(noRules(), 5);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();

        linkMeetings(TestTokens.staff(), intakeId, Map.of("meetingIds", List.of(first, second)))
                .statusCode(200)
                .body("meetingIds", containsInAnyOrder(first.toString(), second.toString()));
        assertThat(linkedMeetings(intakeId)).containsExactlyInAnyOrder(first.toString(), second.toString());

        linkMeetings(TestTokens.staff(), intakeId, Map.of("meetingIds", List.of(third)))
                .statusCode(200)
                .body("meetingIds", contains(third.toString()));
        assertThat(linkedMeetings(intakeId)).containsExactly(third.toString());
        meetings(TestTokens.staff(), intakeId).statusCode(200).body("meetingIds", contains(third.toString()));

        linkMeetings(TestTokens.staff(), intakeId, Map.of("meetingIds", List.of()))
                .statusCode(200)
                .body("meetingIds", hasSize(0));
        assertThat(linkedMeetings(intakeId)).isEmpty();
    }

    @Test
    void bad_meeting_lists_unknown_intakes_and_members_are_refused() {
        String intakeId = openIntake(noRules(), 5);
        UUID meeting = UUID.randomUUID();
        linkMeetings(TestTokens.staff(), intakeId, Map.of("meetingIds", List.of(meeting)))
                .statusCode(200);

        int notUuids = linkMeetings(TestTokens.staff(), intakeId, Map.of("meetingIds", List.of("not-a-uuid")))
                .extract()
                .statusCode();
        assertThat(notUuids).isIn(400, 422);
        linkMeetings(TestTokens.staff(), intakeId, Map.of())
                .statusCode(422)
                .body("errors.field", hasItem("meetingIds"));
        int broken = linkMeetings(TestTokens.staff(), intakeId, "{\"meetingIds\": [")
                .extract()
                .statusCode();
        assertThat(broken).isIn(400, 422);
        linkMeetings(TestTokens.staff(), UUID.randomUUID().toString(), Map.of("meetingIds", List.of(meeting)))
                .statusCode(404);
        meetings(TestTokens.staff(), UUID.randomUUID().toString()).statusCode(404);
        TestCompany company = memberCompany(database);
        linkMeetings(company.memberToken(), intakeId, Map.of("meetingIds", List.of()))
                .statusCode(403);
        meetings(company.memberToken(), intakeId).statusCode(403);

        assertThat(linkedMeetings(intakeId)).containsExactly(meeting.toString());
    }

    @Test
    void attendance_at_a_linked_meeting_logs_one_meeting_activity_however_often_it_is_delivered() {
        TestCompany company = memberCompany(database);
        String intakeId = openIntake(noRules(), 5);
        String id = enrolled(intakeId, company.organisationNumber());
        UUID meeting = UUID.randomUUID();
        linkMeetings(TestTokens.staff(), intakeId, Map.of("meetingIds", List.of(meeting)))
                .statusCode(200);
        UUID registration = UUID.randomUUID();

        String eventId = attended(registration, meeting, company.organisationNumber(), START, END)
                .send();
        await().atMost(WAIT).until(() -> activityCount(id) == 1);

        assertThat(TestSql.queryForString(
                        database,
                        "select kind || '/' || hours || '/' || occurred_on || '/' || registration_id || '/' || created_by"
                                + " from activity where application_id = ?::uuid",
                        id))
                .isEqualTo("MEETING/2.25/2026-11-20/" + registration + "/events-service");

        // Redelivered as is, and published again with another event id for the same registration.
        attended(registration, meeting, company.organisationNumber(), START, END)
                .id(eventId)
                .send();
        String again = attended(registration, meeting, company.organisationNumber(), START, END)
                .send();
        awaitProcessed(database, CONSUMER, again);

        assertThat(activityCount(id)).isEqualTo(1);
        activities(TestTokens.staff(), id)
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].kind", equalTo("MEETING"))
                .body("[0].hours", equalTo(2.25f))
                .body("[0].registrationId", equalTo(registration.toString()));
    }

    @Test
    void attendance_of_a_company_not_enrolled_or_at_a_meeting_not_linked_logs_nothing() {
        TestCompany enrolledCompany = memberCompany(database);
        TestCompany appliedCompany = memberCompany(database);
        String intakeId = openIntake(noRules(), 5);
        String enrolledId = enrolled(intakeId, enrolledCompany.organisationNumber());
        String appliedId =
                ProgrammesApi.submitted(intakeId, ProgrammesApi.application(appliedCompany.organisationNumber()));
        UUID meeting = UUID.randomUUID();
        linkMeetings(TestTokens.staff(), intakeId, Map.of("meetingIds", List.of(meeting)))
                .statusCode(200);

        String notEnrolled = attended(UUID.randomUUID(), meeting, appliedCompany.organisationNumber(), START, END)
                .send();
        String notLinked = attended(
                        UUID.randomUUID(), UUID.randomUUID(), enrolledCompany.organisationNumber(), START, END)
                .send();
        String privatePerson =
                attended(UUID.randomUUID(), meeting, null, START, END).send();
        awaitProcessed(database, CONSUMER, notEnrolled);
        awaitProcessed(database, CONSUMER, notLinked);
        awaitProcessed(database, CONSUMER, privatePerson);

        assertThat(activityCount(appliedId)).isZero();
        assertThat(activityCount(enrolledId)).isZero();
    }

    @Test
    void a_repeated_meeting_id_is_linked_once_and_a_null_id_is_refused() {
        String intakeId = openIntake(noRules(), 5);
        UUID meeting = UUID.randomUUID();

        linkMeetings(TestTokens.staff(), intakeId, Map.of("meetingIds", List.of(meeting, meeting)))
                .statusCode(200)
                .body("meetingIds", contains(meeting.toString()));
        java.util.List<UUID> withNull = new java.util.ArrayList<>();
        withNull.add(null);
        linkMeetings(TestTokens.staff(), intakeId, Map.of("meetingIds", withNull))
                .statusCode(422);

        assertThat(linkedMeetings(intakeId)).containsExactly(meeting.toString());
    }

    @Test
    void attendance_is_dated_by_the_meetings_day_in_stockholm() {
        TestCompany company = memberCompany(database);
        String intakeId = openIntake(noRules(), 5);
        String id = enrolled(intakeId, company.organisationNumber());
        UUID meeting = UUID.randomUUID();
        linkMeetings(TestTokens.staff(), intakeId, Map.of("meetingIds", List.of(meeting)))
                .statusCode(200);
        // 23:30 UTC on 20 November is 00:30 on the 21st in Stockholm; 50 minutes is 0.75 hours.
        OffsetDateTime start = OffsetDateTime.of(2026, 11, 20, 23, 30, 0, 0, ZoneOffset.UTC);

        attended(UUID.randomUUID(), meeting, company.organisationNumber(), start, start.plusMinutes(50))
                .send();
        await().atMost(WAIT).until(() -> activityCount(id) == 1);

        assertThat(TestSql.queryForString(
                        database,
                        "select occurred_on || '/' || hours from activity where application_id = ?::uuid",
                        id))
                .isEqualTo("2026-11-21/0.75");
    }

    @Test
    void attendance_at_a_meeting_linked_to_two_intakes_credits_each_enrolled_application_once() {
        TestCompany company = memberCompany(database);
        String firstIntake = openIntake(noRules(), 5);
        String secondIntake = openIntake(noRules(), 5);
        String first = enrolled(firstIntake, company.organisationNumber());
        String second = enrolled(secondIntake, company.organisationNumber());
        UUID meeting = UUID.randomUUID();
        linkMeetings(TestTokens.staff(), firstIntake, Map.of("meetingIds", List.of(meeting)))
                .statusCode(200);
        linkMeetings(TestTokens.staff(), secondIntake, Map.of("meetingIds", List.of(meeting)))
                .statusCode(200);

        String eventId = attended(UUID.randomUUID(), meeting, company.organisationNumber(), START, END)
                .send();
        awaitProcessed(database, CONSUMER, eventId);

        // ActivityService.attended: "each enrolled application of the company in an intake the meeting is
        // linked to gets one MEETING activity".
        assertThat(activityCount(first) + "/" + activityCount(second)).isEqualTo("1/1");
    }

    private long activityCount(String applicationId) {
        return TestSql.queryForLong(
                database, "select count(*) from activity where application_id = ?::uuid", applicationId);
    }

    private List<String> linkedMeetings(String intakeId) {
        String joined = TestSql.queryForString(
                database,
                "select coalesce(string_agg(meeting_id::text, ',' order by meeting_id), '') from intake_meeting"
                        + " where intake_id = ?::uuid",
                intakeId);
        return joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }
}
