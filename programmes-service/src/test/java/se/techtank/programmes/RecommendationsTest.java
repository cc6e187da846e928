package se.techtank.programmes;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;
import se.techtank.programmes.ProgrammesApi.TestCompany;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static se.techtank.programmes.ProgrammesApi.KARLSKRONA;
import static se.techtank.programmes.ProgrammesApi.closeIntake;
import static se.techtank.programmes.ProgrammesApi.draftProgramme;
import static se.techtank.programmes.ProgrammesApi.intakeInWindow;
import static se.techtank.programmes.ProgrammesApi.need;
import static se.techtank.programmes.ProgrammesApi.newCompany;
import static se.techtank.programmes.ProgrammesApi.noRules;
import static se.techtank.programmes.ProgrammesApi.openIntakeOf;
import static se.techtank.programmes.ProgrammesApi.planIntake;
import static se.techtank.programmes.ProgrammesApi.programme;
import static se.techtank.programmes.ProgrammesApi.publishedProgramme;
import static se.techtank.programmes.ProgrammesApi.recommendations;
import static se.techtank.programmes.ProgrammesApi.registerWithNeeds;
import static se.techtank.programmes.ProgrammesApi.uniqueCode;

/** Open intakes recommended to a company by its needs (priority 3 or more), best first, with the why. */
@QuarkusTest
class RecommendationsTest {

    @Inject
    AgroalDataSource database;

    @Inject
    MeterRegistry metrics;

    /** A Karlskrona member (25 employees) needing automation (5) and digitalisation (4), sustainability (2). */
    private TestCompany companyWithNeeds() {
        return registerWithNeeds(
                database,
                newCompany(KARLSKRONA, 25, "SMALL", "25.110", "ACTIVE"),
                List.of(need("AUTOMATION", 5), need("DIGITALISATION", 4), need("SUSTAINABILITY", 2)));
    }

    private static String programmeFor(List<String> focusAreas, Map<String, Object> rules, boolean publish) {
        Map<String, Object> body = programme(uniqueCode("REC"), rules);
        body.put("focusAreas", focusAreas);
        return publish ? publishedProgramme(body) : draftProgramme(body);
    }

    private static String intake(String intakeId) {
        return "find { it.intakeId == '" + intakeId + "' }";
    }

    @Test
    void open_intakes_are_ranked_by_the_needs_they_meet_with_the_matching_needs_and_eligibility() {
        TestCompany company = companyWithNeeds();
        String both = programmeFor(List.of("AUTOMATION", "DIGITALISATION"), noRules(), true);
        String bothIntake = openIntakeOf(both, 5);
        String automationOnly = programmeFor(List.of("AUTOMATION"), Map.of("maxEmployees", 10), true);
        String automationIntake = openIntakeOf(automationOnly, 5);
        String lowPriority = programmeFor(List.of("SUSTAINABILITY"), noRules(), true);
        String lowPriorityIntake = openIntakeOf(lowPriority, 5);

        JsonPath answer = recommendations(TestTokens.staff(), Map.of("companyId", company.id()))
                .statusCode(200)
                .body(intake(bothIntake) + ".programmeId", equalTo(both))
                .body(intake(bothIntake) + ".score", equalTo(9))
                .body(intake(bothIntake) + ".matchingNeeds.focusArea", equalTo(List.of("AUTOMATION", "DIGITALISATION")))
                .body(intake(bothIntake) + ".matchingNeeds.priority", equalTo(List.of(5, 4)))
                .body(intake(bothIntake) + ".eligible", equalTo(true))
                .body(intake(bothIntake) + ".seatsLeft", equalTo(5))
                .body(intake(automationIntake) + ".programmeId", equalTo(automationOnly))
                .body(intake(automationIntake) + ".score", equalTo(5))
                .body(intake(automationIntake) + ".matchingNeeds", hasSize(1))
                .body(intake(automationIntake) + ".matchingNeeds[0].focusArea", equalTo("AUTOMATION"))
                .body(intake(automationIntake) + ".eligible", equalTo(false))
                .body(
                        intake(automationIntake) + ".eligibility.find { it.rule == 'MAX_EMPLOYEES' }.outcome",
                        equalTo("FAILED"))
                .body("intakeId", not(hasItem(lowPriorityIntake)))
                .body("programmeId", not(hasItem(lowPriority)))
                .extract()
                .jsonPath();

        List<String> intakes = answer.getList("intakeId");
        List<Integer> scores = answer.getList("score", Integer.class);
        assertThat(intakes.indexOf(bothIntake)).isLessThan(intakes.indexOf(automationIntake));
        assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(scores).allSatisfy(score -> assertThat(score).isGreaterThanOrEqualTo(3));
    }

    @Test
    void the_open_intakes_are_read_once_while_nothing_changes_and_any_change_is_in_the_next_answer() {
        TestCompany company = companyWithNeeds();
        String programme = programmeFor(List.of("AUTOMATION"), noRules(), true);
        String first = openIntakeOf(programme, 5);

        // Asked again with nothing written in between, the open intakes come from the first request's read
        // (ADR 0010). The outbox relay may still be marking the events sent, hence the await.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            double before = openIntakesReused();
            recommendations(TestTokens.staff(), Map.of("companyId", company.id()))
                    .statusCode(200)
                    .body(intake(first) + ".seatsLeft", equalTo(5));
            recommendations(TestTokens.staff(), Map.of("companyId", company.id()))
                    .statusCode(200)
                    .body(intake(first) + ".seatsLeft", equalTo(5));
            assertThat(openIntakesReused()).isGreaterThan(before);
        });

        // Seats taken past the service, and an intake opened, are in the very next answer.
        assertThat(TestSql.execute(database, "update intake set seats_taken = 2 where id = ?::uuid", first))
                .isEqualTo(1);
        recommendations(TestTokens.staff(), Map.of("companyId", company.id()))
                .statusCode(200)
                .body(intake(first) + ".seatsLeft", equalTo(3));
        String second = openIntakeOf(programme, 5);
        recommendations(TestTokens.staff(), Map.of("companyId", company.id()))
                .statusCode(200)
                .body("intakeId", hasItem(second));
    }

    private double openIntakesReused() {
        var counter = metrics.find("snapshot_cache")
                .tags("cache", "open-intakes", "result", "hit")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void a_draft_programmes_intake_and_a_closed_intake_are_not_recommended() {
        TestCompany company = companyWithNeeds();
        String draft = programmeFor(List.of("AUTOMATION"), noRules(), false);
        String draftIntake = planIntake(TestTokens.staff(), draft, intakeInWindow(5))
                .statusCode(201)
                .extract()
                .path("id");
        String published = programmeFor(List.of("AUTOMATION"), noRules(), true);
        String closedIntake = openIntakeOf(published, 5);
        closeIntake(TestTokens.staff(), closedIntake).statusCode(200);
        String openIntake = openIntakeOf(published, 5);

        recommendations(TestTokens.staff(), Map.of("companyId", company.id()))
                .statusCode(200)
                .body("intakeId", hasItem(openIntake))
                .body("intakeId", not(hasItem(draftIntake)))
                .body("intakeId", not(hasItem(closedIntake)))
                .body("programmeId", not(hasItem(draft)));
    }

    @Test
    void a_company_without_needs_of_priority_three_gets_none() {
        TestCompany company = registerWithNeeds(
                database, newCompany(KARLSKRONA, 25, "SMALL", "25.110", "ACTIVE"), List.of(need("AUTOMATION", 2)));
        openIntakeOf(programmeFor(List.of("AUTOMATION"), noRules(), true), 5);

        recommendations(TestTokens.staff(), Map.of("companyId", company.id()))
                .statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void a_member_gets_its_own_companys_and_no_one_elses_and_a_partner_only_those_in_its_counties() {
        TestCompany company = companyWithNeeds();
        TestCompany other = companyWithNeeds();
        String intakeId = openIntakeOf(programmeFor(List.of("AUTOMATION"), noRules(), true), 5);

        recommendations(company.memberToken(), Map.of()).statusCode(200).body("intakeId", hasItem(intakeId));
        recommendations(company.memberToken(), Map.of("companyId", company.id()))
                .statusCode(200)
                .body("intakeId", hasItem(intakeId));
        recommendations(company.memberToken(), Map.of("companyId", other.id())).statusCode(404);
        recommendations(TestTokens.partner("iuc-syd"), Map.of("companyId", company.id()))
                .statusCode(404);
        recommendations(TestTokens.partner("techtank"), Map.of("companyId", company.id()))
                .statusCode(200)
                .body("intakeId", hasItem(intakeId));
        recommendations(TestTokens.municipality(KARLSKRONA), Map.of("companyId", company.id()))
                .statusCode(403);
        recommendations(null, Map.of("companyId", company.id())).statusCode(401);
    }

    @Test
    void of_equal_scores_the_eligible_come_first_then_the_window_closing_soonest() {
        TestCompany company = registerWithNeeds(
                database,
                newCompany(KARLSKRONA, 25, "SMALL", "25.110", "ACTIVE"),
                List.of(need("COMPETENCE_SUPPLY", 3)));
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(1))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String notEligible = openIntakeClosingIn(
                programmeFor(List.of("COMPETENCE_SUPPLY"), Map.of("maxEmployees", 10), true), now, 5);
        String closingLate = openIntakeClosingIn(programmeFor(List.of("COMPETENCE_SUPPLY"), noRules(), true), now, 30);
        String closingSoon = openIntakeClosingIn(programmeFor(List.of("COMPETENCE_SUPPLY"), noRules(), true), now, 10);

        List<String> intakes = recommendations(company.memberToken(), Map.of())
                .statusCode(200)
                .body("score", org.hamcrest.Matchers.everyItem(equalTo(3)))
                .extract()
                .jsonPath()
                .getList("intakeId");

        assertThat(intakes).containsSubsequence(closingSoon, closingLate, notEligible);
    }

    private static String openIntakeClosingIn(String programmeId, java.time.OffsetDateTime now, int days) {
        String id = planIntake(
                        TestTokens.staff(), programmeId, ProgrammesApi.intake(5, now.minusHours(1), now.plusDays(days)))
                .statusCode(201)
                .extract()
                .path("id");
        int status = ProgrammesApi.openIntake(TestTokens.staff(), id).extract().statusCode();
        if (status != 200) {
            ProgrammesApi.readIntake(TestTokens.staff(), id).statusCode(200).body("status", equalTo("OPEN"));
        }
        return id;
    }

    @Test
    void a_company_id_that_is_no_uuid_or_missing_is_400_and_an_unknown_company_404() {
        recommendations(TestTokens.staff(), Map.of("companyId", "nope"))
                .statusCode(400)
                .body("errors.field", hasItem("companyId"));
        recommendations(TestTokens.staff(), Map.of()).statusCode(400).body("errors.field", hasItem("companyId"));
        recommendations(TestTokens.staff(), Map.of("companyId", java.util.UUID.randomUUID()))
                .statusCode(404);
    }
}
