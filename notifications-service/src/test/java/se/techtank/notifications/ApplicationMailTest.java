package se.techtank.notifications;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.CloudEventFixture;
import se.techtank.platform.testing.TestOrganisationNumbers;
import se.techtank.platform.testing.TestSql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.techtank.notifications.NotificationFixtures.email;
import static se.techtank.notifications.RegistrationMailTest.awaitOneMessage;
import static se.techtank.notifications.RegistrationMailTest.part;

/** Application news mailed to the contact person named on the application, with the programme's name. */
@QuarkusTest
class ApplicationMailTest {

    @Inject
    AgroalDataSource database;

    @Test
    void a_submitted_application_is_mailed_in_english_with_the_programme_and_intake_names() throws Exception {
        UUID programmeId = UUID.randomUUID();
        UUID intakeId = UUID.randomUUID();
        programme(programmeId, intakeId);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestSql.queryForLong(
                                database, "select count(*) from programme where id = ?::uuid", programmeId.toString())
                        == 1);
        UUID applicationId = UUID.randomUUID();
        String address = email("applicant");

        application("submitted", "SUBMITTED", applicationId, programmeId, intakeId, address);

        MimeMessage message = awaitOneMessage(address);
        assertThat(message.getSubject()).isEqualTo("We have received the application to Robotlyftet (Autumn 2027)");
        assertThat(part(message, "text/plain")).contains("Hello Eva Sökande,").contains("Blekinge Robot AB");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "SENT"
                        .equals(TestSql.queryForString(
                                database,
                                "select status from delivery where application_id = ?::uuid"
                                        + " and kind = 'APPLICATION_SUBMITTED'",
                                applicationId.toString())));
    }

    @Test
    void an_anonymised_application_leaves_no_contact_in_the_delivery_log() {
        UUID programmeId = UUID.randomUUID();
        UUID intakeId = UUID.randomUUID();
        UUID applicationId = UUID.randomUUID();
        String address = email("forgotten");
        application("approved", "APPROVED", applicationId, programmeId, intakeId, address);
        awaitOneMessage(address);

        CloudEventFixture.on("programmes.application.v1")
                .from("/programmes-service")
                .type(
                        "se.techtank.programmes.application.anonymised",
                        "contracts/programmes/application.anonymised.v1.json")
                .subject(applicationId)
                .time(OffsetDateTime.now())
                .data(applicationJson("APPROVED", applicationId, programmeId, intakeId, null))
                .send();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestSql.queryForLong(
                                database,
                                "select count(*) from delivery where application_id = ?::uuid and address is null",
                                applicationId.toString())
                        == 1);
        for (String table : List.of("delivery")) {
            assertThat(TestSql.queryForLong(
                            database,
                            "select count(*) from " + table + " t where t::text ilike ? or t::text ilike ?",
                            "%" + address + "%",
                            "%Sökande%"))
                    .isZero();
        }
    }

    private static void programme(UUID programmeId, UUID intakeId) {
        CloudEventFixture.on("programmes.programme.v1")
                .from("/programmes-service")
                .type("se.techtank.programmes.programme.published", "contracts/programmes/programme.published.v1.json")
                .subject(programmeId)
                .time(OffsetDateTime.now())
                .data("""
                        {"programmeId":"%s","code":"ROBOTLYFTET","name":{"sv":"Robotlyftet","en":"Robotlyftet"},
                         "description":{"sv":"Automation för små företag."},"owner":"IUC_SVERIGE",
                         "funders":["VINNOVA"],"focusAreas":["AUTOMATION"],"eligibility":{},"status":"PUBLISHED",
                         "intakes":[{"intakeId":"%s","name":"Autumn 2027","operatingPartners":["techtank"],
                           "counties":["10"],"applicationOpensAt":"2027-01-01T00:00:00Z",
                           "applicationClosesAt":"2027-03-01T00:00:00Z","startsOn":"2027-09-01",
                           "endsOn":"2028-06-30","seats":10,"seatsTaken":0,"status":"OPEN"}],
                         "modifiedAt":"2026-12-01T10:00:00Z"}
                        """.formatted(programmeId, intakeId))
                .send();
    }

    private static void application(
            String fact, String status, UUID applicationId, UUID programmeId, UUID intakeId, String address) {
        CloudEventFixture.on("programmes.application.v1")
                .from("/programmes-service")
                .type(
                        "se.techtank.programmes.application." + fact,
                        "contracts/programmes/application." + fact + ".v1.json")
                .subject(applicationId)
                .time(OffsetDateTime.now())
                .data(applicationJson(status, applicationId, programmeId, intakeId, address))
                .send();
    }

    private static String applicationJson(
            String status, UUID applicationId, UUID programmeId, UUID intakeId, String address) {
        String contact = address == null
                ? ""
                : ",\"contact\":{\"name\":\"Eva Sökande\",\"email\":\"%s\",\"language\":\"EN\"}".formatted(address);
        return """
                {"applicationId":"%s","programmeId":"%s","programmeCode":"ROBOTLYFTET","intakeId":"%s",
                 "company":{"organisationNumber":"%s","name":"Blekinge Robot AB","municipalityCode":"1082",
                            "factsSource":"REGISTER"},
                 "submittedBy":{"role":"MEMBER"},"status":"%s",
                 "eligibility":{"rules":[],"unknown":false},
                 "submittedAt":"2026-12-01T10:00:00Z","modifiedAt":"2026-12-01T10:00:00Z"%s}
                """.formatted(applicationId, programmeId, intakeId, TestOrganisationNumbers.next(), status, contact);
    }
}
