package se.techtank.programmes;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.KafkaTestConsumer.ReceivedEvent;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;
import se.techtank.platform.testing.WatchesTopics;
import se.techtank.programmes.ProgrammesApi.TestCompany;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static se.techtank.programmes.ProgrammesApi.APPLICATION_TOPIC;
import static se.techtank.programmes.ProgrammesApi.APPLICATION_TYPE;
import static se.techtank.programmes.ProgrammesApi.application;
import static se.techtank.programmes.ProgrammesApi.assertContract;
import static se.techtank.programmes.ProgrammesApi.contactEvent;
import static se.techtank.programmes.ProgrammesApi.decide;
import static se.techtank.programmes.ProgrammesApi.eraseApplicant;
import static se.techtank.programmes.ProgrammesApi.memberCompany;
import static se.techtank.programmes.ProgrammesApi.noRules;
import static se.techtank.programmes.ProgrammesApi.openIntake;
import static se.techtank.programmes.ProgrammesApi.readApplication;
import static se.techtank.programmes.ProgrammesApi.submitted;

/** The right to erasure for applicants' contact persons: by staff on request, and from members-service. */
@QuarkusTest
class ErasureTest extends WatchesTopics {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource database;

    private final KafkaTestConsumer applications = watch(APPLICATION_TOPIC);

    @Test
    void staff_erase_an_applicant_by_e_mail_in_any_letter_case_and_the_published_events_naming_them_go() {
        TestCompany company = memberCompany(database);
        String intakeId = openIntake(noRules(), 5);
        Map<String, Object> body = application(company.organisationNumber());
        String email = contactEmail(body);
        String id = submitted(intakeId, body);
        decide(TestTokens.staff(), id, "approve", "Passar bra").statusCode(200);
        // Both earlier events are published before the erasure.
        await().atMost(WAIT)
                .until(() -> TestSql.queryForLong(
                                database,
                                "select count(*) from platform.outbox where aggregate_type = 'application'"
                                        + " and aggregate_id = ? and sent_at is not null",
                                id)
                        == 2);

        eraseApplicant(TestTokens.staff(), Map.of("email", email.toUpperCase(Locale.ROOT)))
                .statusCode(200)
                .body("applications", equalTo(1));

        assertThat(TestSql.queryForString(
                        database,
                        "select concat_ws('/', coalesce(contact_name, '-'), coalesce(contact_email, '-'),"
                                + " coalesce(contact_email_hash, '-'), coalesce(motivation, '-'),"
                                + " (anonymised_at is not null)::text, status) from application where id = ?::uuid",
                        id))
                .isEqualTo("-/-/-/-/true/APPROVED");
        readApplication(TestTokens.staff(), id)
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("company.organisationNumber", equalTo(company.organisationNumber()))
                .body("contact", nullValue())
                .body("motivation", nullValue());

        ReceivedEvent anonymised = applications.awaitEvent(
                e -> id.equals(e.key()) && (APPLICATION_TYPE + "anonymised").equals(e.ceType()));
        assertContract(anonymised);
        assertThat(anonymised.json().has("contact")).isFalse();
        assertThat(anonymised.value()).doesNotContainIgnoringCase(email).doesNotContain("Anna Berg");
        // The submitted and approved events, which named the person, are gone from the outbox.
        assertThat(TestSql.queryForLong(
                        database,
                        "select count(*) from platform.outbox where aggregate_type = 'application'"
                                + " and aggregate_id = ? and event_type not like '%.anonymised'",
                        id))
                .isZero();
        assertThat(TestSql.queryForLong(
                        database,
                        "select count(*) from platform.outbox where aggregate_id = ? and payload::text ilike ?",
                        id,
                        "%" + email + "%"))
                .isZero();

        // Again: nothing left to erase, and nothing published again.
        eraseApplicant(TestTokens.staff(), Map.of("email", email))
                .statusCode(200)
                .body("applications", equalTo(0));
        assertThat(TestSql.queryForLong(
                        database,
                        "select count(*) from platform.outbox where aggregate_id = ? and event_type like '%.anonymised'",
                        id))
                .isEqualTo(1);
    }

    @Test
    void only_the_applicants_applications_lose_their_contact() {
        TestCompany company = memberCompany(database);
        String intakeId = openIntake(noRules(), 5);
        String secondIntakeId = openIntake(noRules(), 5);
        Map<String, Object> body = application(company.organisationNumber());
        String email = contactEmail(body);
        String first = submitted(intakeId, body);
        String second = submitted(secondIntakeId, body);
        String someoneElse =
                submitted(intakeId, application(memberCompany(database).organisationNumber()));

        eraseApplicant(TestTokens.staff(), Map.of("email", email))
                .statusCode(200)
                .body("applications", equalTo(2));

        assertThat(anonymised(first)).isEqualTo("true");
        assertThat(anonymised(second)).isEqualTo("true");
        assertThat(anonymised(someoneElse)).isEqualTo("false");
        readApplication(TestTokens.staff(), someoneElse).statusCode(200).body("contact.name", equalTo("Anna Berg"));
    }

    @Test
    void an_address_that_is_none_is_422_and_only_staff_may_erase() {
        TestCompany company = memberCompany(database);
        Map<String, Object> body = application(company.organisationNumber());
        String email = contactEmail(body);
        String id = submitted(openIntake(noRules(), 5), body);

        eraseApplicant(TestTokens.staff(), Map.of("email", "not-an-address"))
                .statusCode(422)
                .body("errors.field", hasItem("email"));
        eraseApplicant(TestTokens.staff(), Map.of()).statusCode(422).body("errors.field", hasItem("email"));
        eraseApplicant(company.memberToken(), Map.of("email", email)).statusCode(403);
        eraseApplicant(TestTokens.partner("techtank"), Map.of("email", email)).statusCode(403);
        eraseApplicant(TestTokens.municipality("1080"), Map.of("email", email)).statusCode(403);
        eraseApplicant(null, Map.of("email", email)).statusCode(401);

        assertThat(anonymised(id)).isEqualTo("false");
        readApplication(TestTokens.staff(), id).statusCode(200).body("contact.email", notNullValue());
    }

    @Test
    void a_contact_erased_in_members_service_leaves_the_applications_with_their_address() {
        TestCompany company = memberCompany(database);
        Map<String, Object> body = application(company.organisationNumber());
        String email = contactEmail(body);
        String id = submitted(openIntake(noRules(), 5), body);
        String untouched = submitted(openIntake(noRules(), 5), application(company.organisationNumber()));
        UUID contactId = UUID.randomUUID();

        // members-service may know the address in another letter case.
        contactEvent(contactId, "added", email.toUpperCase(Locale.ROOT)).send();
        await().atMost(WAIT)
                .until(() -> TestSql.queryForLong(
                                database, "select count(*) from contact_email where contact_id = ?::uuid", contactId)
                        == 1);
        assertThat(anonymised(id)).isEqualTo("false");
        contactEvent(contactId, "erased", null).send();
        await().atMost(WAIT).until(() -> "true".equals(anonymised(id)));

        assertThat(TestSql.queryForString(
                        database,
                        "select concat_ws('/', coalesce(contact_name, '-'), coalesce(contact_email, '-'),"
                                + " coalesce(motivation, '-')) from application where id = ?::uuid",
                        id))
                .isEqualTo("-/-/-");
        assertThat(anonymised(untouched)).isEqualTo("false");
        assertThat(TestSql.queryForLong(
                        database, "select count(*) from contact_email where contact_id = ?::uuid", contactId))
                .isZero();
        ReceivedEvent event = applications.awaitEvent(
                e -> id.equals(e.key()) && (APPLICATION_TYPE + "anonymised").equals(e.ceType()));
        assertContract(event);
        assertThat(event.json().has("contact")).isFalse();
        assertThat(event.value()).doesNotContainIgnoringCase(email);
    }

    @SuppressWarnings("unchecked")
    private static String contactEmail(Map<String, Object> body) {
        return (String) ((Map<String, Object>) body.get("contact")).get("email");
    }

    private String anonymised(String applicationId) {
        return TestSql.queryForString(
                database,
                "select (anonymised_at is not null)::text from application where id = ?::uuid",
                applicationId);
    }
}
