package se.techtank.programmes;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.KafkaTestConsumer.ReceivedEvent;
import se.techtank.platform.testing.TestOrganisationNumbers;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;
import se.techtank.platform.testing.WatchesTopics;
import se.techtank.programmes.ProgrammesApi.TestCompany;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static se.techtank.programmes.ProgrammesApi.APPLICATION_TOPIC;
import static se.techtank.programmes.ProgrammesApi.APPLICATION_TYPE;
import static se.techtank.programmes.ProgrammesApi.KARLSKRONA;
import static se.techtank.programmes.ProgrammesApi.PROBLEMS;
import static se.techtank.programmes.ProgrammesApi.application;
import static se.techtank.programmes.ProgrammesApi.apply;
import static se.techtank.programmes.ProgrammesApi.assertContract;
import static se.techtank.programmes.ProgrammesApi.decide;
import static se.techtank.programmes.ProgrammesApi.declaredApplication;
import static se.techtank.programmes.ProgrammesApi.history;
import static se.techtank.programmes.ProgrammesApi.memberCompany;
import static se.techtank.programmes.ProgrammesApi.noRules;
import static se.techtank.programmes.ProgrammesApi.openIntake;
import static se.techtank.programmes.ProgrammesApi.submitted;

/**
 * An application's lifecycle: {@code SUBMITTED → APPROVED | REJECTED | WAITLISTED}, {@code WAITLISTED → APPROVED
 * | REJECTED}, {@code APPROVED → ENROLLED → COMPLETED}, {@code WITHDRAWN} from any open state; seats, history and
 * events.
 */
@QuarkusTest
class ApplicationTransitionsTest extends WatchesTopics {

    private static final String STAFF = TestTokens.STAFF_SUBJECT;

    @Inject
    AgroalDataSource database;

    private final KafkaTestConsumer applications = watch(APPLICATION_TOPIC);

    @Test
    void an_approved_application_is_enrolled_and_completed_and_holds_its_seat() {
        String intakeId = openIntake(noRules(), 10);
        String id = newApplication(intakeId);

        decide(TestTokens.staff(), id, "approve", "Stämmer väl med programmet.")
                .statusCode(200)
                .header("ETag", org.hamcrest.Matchers.notNullValue())
                .body("status", equalTo("APPROVED"));
        assertThat(seatsTaken(intakeId)).isEqualTo(1);
        ProgrammesApi.readIntake(null, intakeId)
                .statusCode(200)
                .body("seatsTaken", equalTo(1))
                .body("seatsLeft", equalTo(9));
        decide(TestTokens.staff(), id, "enroll", null).statusCode(200).body("status", equalTo("ENROLLED"));
        decide(TestTokens.staff(), id, "complete", "Genomfört").statusCode(200).body("status", equalTo("COMPLETED"));

        assertThat(status(id)).isEqualTo("COMPLETED");
        assertThat(seatsTaken(intakeId)).isEqualTo(1);
        history(TestTokens.staff(), id)
                .statusCode(200)
                .body("from", contains(null, "SUBMITTED", "APPROVED", "ENROLLED"))
                .body("to", contains("SUBMITTED", "APPROVED", "ENROLLED", "COMPLETED"))
                .body("reason", contains(null, "Stämmer väl med programmet.", null, "Genomfört"))
                .body("by", contains(STAFF, STAFF, STAFF, STAFF));
        assertEvents(id, "submitted", "approved", "enrolled", "completed");
    }

    @Test
    void a_waitlisted_application_may_be_approved_later() {
        String intakeId = openIntake(noRules(), 10);
        String id = newApplication(intakeId);

        decide(TestTokens.staff(), id, "waitlist", "Fullt just nu")
                .statusCode(200)
                .body("status", equalTo("WAITLISTED"));
        assertThat(seatsTaken(intakeId)).isZero();
        decide(TestTokens.staff(), id, "approve", null).statusCode(200).body("status", equalTo("APPROVED"));

        assertThat(status(id)).isEqualTo("APPROVED");
        assertThat(seatsTaken(intakeId)).isEqualTo(1);
        history(TestTokens.staff(), id)
                .statusCode(200)
                .body("to", contains("SUBMITTED", "WAITLISTED", "APPROVED"))
                .body("[1].from", equalTo("SUBMITTED"))
                .body("[1].reason", equalTo("Fullt just nu"))
                .body("[2].from", equalTo("WAITLISTED"));
        assertEvents(id, "submitted", "waitlisted", "approved");
    }

    @Test
    void a_submitted_or_waitlisted_application_may_be_rejected() {
        String intakeId = openIntake(noRules(), 10);
        String submitted = newApplication(intakeId);
        String waitlisted = newApplication(intakeId);
        decide(TestTokens.staff(), waitlisted, "waitlist", null).statusCode(200);

        decide(TestTokens.staff(), submitted, "reject", "Utanför inriktningen")
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        decide(TestTokens.staff(), waitlisted, "reject", null).statusCode(200).body("status", equalTo("REJECTED"));

        assertThat(status(submitted)).isEqualTo("REJECTED");
        assertThat(status(waitlisted)).isEqualTo("REJECTED");
        assertThat(seatsTaken(intakeId)).isZero();
        history(TestTokens.staff(), submitted)
                .statusCode(200)
                .body("to", contains("SUBMITTED", "REJECTED"))
                .body("[1].reason", equalTo("Utanför inriktningen"));
        history(TestTokens.staff(), waitlisted)
                .statusCode(200)
                .body("to", contains("SUBMITTED", "WAITLISTED", "REJECTED"));
        assertEvents(submitted, "submitted", "rejected");
        assertEvents(waitlisted, "submitted", "waitlisted", "rejected");
    }

    @Test
    void the_member_withdraws_its_submitted_application() {
        TestCompany company = memberCompany(database);
        String intakeId = openIntake(noRules(), 10);
        String id = apply(company.memberToken(), intakeId, application(company.organisationNumber()))
                .statusCode(201)
                .extract()
                .path("id");

        decide(company.memberToken(), id, "withdraw", "Vi hinner inte i höst")
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));

        assertThat(status(id)).isEqualTo("WITHDRAWN");
        history(company.memberToken(), id)
                .statusCode(200)
                .body("to", contains("SUBMITTED", "WITHDRAWN"))
                .body("[1].from", equalTo("SUBMITTED"))
                .body("[1].reason", equalTo("Vi hinner inte i höst"))
                .body("[1].by", equalTo("member-" + company.id()));
        assertEvents(id, "submitted", "withdrawn");
    }

    @Test
    void a_waitlisted_application_may_be_withdrawn() {
        String intakeId = openIntake(noRules(), 10);
        String id = newApplication(intakeId);
        decide(TestTokens.staff(), id, "waitlist", null).statusCode(200);

        decide(TestTokens.staff(), id, "withdraw", null).statusCode(200).body("status", equalTo("WITHDRAWN"));

        assertThat(status(id)).isEqualTo("WITHDRAWN");
        assertThat(seatsTaken(intakeId)).isZero();
        history(TestTokens.staff(), id).statusCode(200).body("to", contains("SUBMITTED", "WAITLISTED", "WITHDRAWN"));
        assertEvents(id, "submitted", "waitlisted", "withdrawn");
    }

    @Test
    void withdrawing_an_approved_or_enrolled_application_gives_its_seat_back() {
        String intakeId = openIntake(noRules(), 2);
        String approved = newApplication(intakeId);
        String enrolled = newApplication(intakeId);
        decide(TestTokens.staff(), approved, "approve", null).statusCode(200);
        decide(TestTokens.staff(), enrolled, "approve", null).statusCode(200);
        decide(TestTokens.staff(), enrolled, "enroll", null).statusCode(200);
        assertThat(seatsTaken(intakeId)).isEqualTo(2);

        decide(TestTokens.staff(), approved, "withdraw", "Företaget har sålts")
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        assertThat(seatsTaken(intakeId)).isEqualTo(1);
        decide(TestTokens.staff(), enrolled, "withdraw", null).statusCode(200).body("status", equalTo("WITHDRAWN"));
        assertThat(seatsTaken(intakeId)).isZero();
        ProgrammesApi.readIntake(null, intakeId).statusCode(200).body("seatsLeft", equalTo(2));

        // The seats given back are there to take.
        String next = newApplication(intakeId);
        decide(TestTokens.staff(), next, "approve", null).statusCode(200);
        assertThat(seatsTaken(intakeId)).isEqualTo(1);

        history(TestTokens.staff(), approved)
                .statusCode(200)
                .body("to", contains("SUBMITTED", "APPROVED", "WITHDRAWN"));
        history(TestTokens.staff(), enrolled)
                .statusCode(200)
                .body("to", contains("SUBMITTED", "APPROVED", "ENROLLED", "WITHDRAWN"));
        assertEvents(approved, "submitted", "approved", "withdrawn");
        assertEvents(enrolled, "submitted", "approved", "enrolled", "withdrawn");
    }

    @Test
    void a_move_its_state_does_not_allow_is_answered_409_naming_the_state_and_changes_nothing() {
        String intakeId = openIntake(noRules(), 10);
        String rejected = newApplication(intakeId);
        decide(TestTokens.staff(), rejected, "reject", null).statusCode(200);
        String completed = newApplication(intakeId);
        decide(TestTokens.staff(), completed, "approve", null).statusCode(200);
        decide(TestTokens.staff(), completed, "enroll", null).statusCode(200);
        decide(TestTokens.staff(), completed, "complete", null).statusCode(200);
        String submitted = newApplication(intakeId);
        String withdrawn = newApplication(intakeId);
        decide(TestTokens.staff(), withdrawn, "withdraw", null).statusCode(200);
        assertEvents(rejected, "submitted", "rejected");
        assertEvents(completed, "submitted", "approved", "enrolled", "completed");
        assertEvents(withdrawn, "submitted", "withdrawn");

        assertIllegal(rejected, "approve", "REJECTED");
        assertIllegal(completed, "withdraw", "COMPLETED");
        assertIllegal(submitted, "enroll", "SUBMITTED");
        assertIllegal(submitted, "complete", "SUBMITTED");
        assertIllegal(withdrawn, "approve", "WITHDRAWN");
        assertIllegal(completed, "approve", "COMPLETED");

        assertThat(List.of(status(rejected), status(completed), status(submitted), status(withdrawn)))
                .containsExactly("REJECTED", "COMPLETED", "SUBMITTED", "WITHDRAWN");
        assertThat(seatsTaken(intakeId)).isEqualTo(1);
        history(TestTokens.staff(), submitted).statusCode(200).body("$", hasSize(1));
        applications.assertNoEvent(
                e -> List.of(rejected, completed, submitted, withdrawn).contains(e.key())
                        && !e.ceType().endsWith(".submitted"),
                Duration.ofSeconds(2));
    }

    @Test
    void only_staff_decide_on_applications() {
        TestCompany company = memberCompany(database);
        String intakeId = openIntake(noRules(), 10);
        String id = apply(company.memberToken(), intakeId, application(company.organisationNumber()))
                .statusCode(201)
                .extract()
                .path("id");

        decide(company.memberToken(), id, "approve", null)
                .statusCode(403)
                .body("type", equalTo(PROBLEMS + "forbidden"));
        decide(company.memberToken(), id, "enroll", null).statusCode(403);
        decide(TestTokens.partner("techtank"), id, "approve", null).statusCode(403);
        decide(null, id, "approve", null).statusCode(401);

        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertThat(seatsTaken(intakeId)).isZero();
        history(TestTokens.staff(), id).statusCode(200).body("$", hasSize(1)).body("[0].from", nullValue());
    }

    // ---------------------------------------------------------------- helpers

    /** Staff submit an application for a company the register does not know (declared, in Karlskrona). */
    private static String newApplication(String intakeId) {
        return submitted(
                intakeId, declaredApplication(TestOrganisationNumbers.next(), KARLSKRONA, 20, "SMALL", "25.110"));
    }

    private void assertIllegal(String applicationId, String action, String state) {
        decide(TestTokens.staff(), applicationId, action, null)
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "illegal-application-transition"))
                .body("detail", containsString(state))
                // Words for people, not a Java collection's toString.
                .body("detail", not(containsString("[")));
    }

    /** The application's events, in order, are these facts, each valid against its contract. */
    private void assertEvents(String applicationId, String... facts) {
        List<ReceivedEvent> events =
                applications.awaitEvents(facts.length, e -> applicationId.equals(e.key()), Duration.ofSeconds(30));
        assertThat(events)
                .extracting(ReceivedEvent::ceType)
                .containsExactly(java.util.Arrays.stream(facts)
                        .map(fact -> APPLICATION_TYPE + fact)
                        .toArray(String[]::new));
        for (ReceivedEvent event : events) {
            assertThat(event.ceSubject()).isEqualTo(applicationId);
            assertContract(event);
            String fact = event.ceType().substring(APPLICATION_TYPE.length());
            assertThat(event.json().path("status").asText())
                    .isEqualTo(fact.equals("submitted") ? "SUBMITTED" : fact.toUpperCase(java.util.Locale.ROOT));
        }
    }

    private String status(String applicationId) {
        return TestSql.queryForString(database, "select status from application where id = ?::uuid", applicationId);
    }

    private long seatsTaken(String intakeId) {
        return TestSql.queryForLong(database, "select seats_taken from intake where id = ?::uuid", intakeId);
    }
}
