package se.techtank.programmes;

import java.util.Map;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.TestTokens;
import se.techtank.programmes.ProgrammesApi.TestCompany;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static se.techtank.programmes.ProgrammesApi.KARLSKRONA;
import static se.techtank.programmes.ProgrammesApi.MALMO;
import static se.techtank.programmes.ProgrammesApi.application;
import static se.techtank.programmes.ProgrammesApi.enrolled;
import static se.techtank.programmes.ProgrammesApi.logActivity;
import static se.techtank.programmes.ProgrammesApi.memberCompanyIn;
import static se.techtank.programmes.ProgrammesApi.noRules;
import static se.techtank.programmes.ProgrammesApi.openIntakeOf;
import static se.techtank.programmes.ProgrammesApi.publishedProgrammeWithRules;
import static se.techtank.programmes.ProgrammesApi.statistics;
import static se.techtank.programmes.ProgrammesApi.submitted;

/** Programme statistics for Techtank (staff) and for a municipality (its own companies only). */
@QuarkusTest
class StatisticsTest {

    @Inject
    AgroalDataSource database;

    /**
     * A programme with three applications: two Karlskrona companies (one enrolled with 3.5 hours, one submitted)
     * and a Malmö company (submitted, 1 application of a company that applied to a second intake too).
     */
    private String programmeWithKnownCounts() {
        String programmeId = publishedProgrammeWithRules(noRules());
        String intakeId = openIntakeOf(programmeId, 10);
        String secondIntakeId = openIntakeOf(programmeId, 10);
        TestCompany enrolledCompany = memberCompanyIn(database, KARLSKRONA);
        TestCompany waiting = memberCompanyIn(database, KARLSKRONA);
        TestCompany malmo = memberCompanyIn(database, MALMO);
        String enrolledId = enrolled(intakeId, enrolledCompany.organisationNumber());
        logActivity(TestTokens.staff(), enrolledId, Map.of("date", "2026-11-20", "kind", "ANALYSIS", "hours", 3.5))
                .statusCode(201);
        submitted(intakeId, application(waiting.organisationNumber()));
        submitted(intakeId, application(malmo.organisationNumber()));
        submitted(secondIntakeId, application(malmo.organisationNumber()));
        return programmeId;
    }

    private static String of(String programmeId) {
        return "find { it.programmeId == '" + programmeId + "' }.";
    }

    @Test
    void staff_get_the_figures_of_every_programme_including_one_with_known_counts() {
        String programmeId = programmeWithKnownCounts();
        String mine = of(programmeId);

        statistics(TestTokens.staff(), Map.of())
                .statusCode(200)
                .body(mine + "code", not(nullValue()))
                .body(mine + "name", not(nullValue()))
                .body(mine + "applications", equalTo(4))
                .body(mine + "applicationsByStatus.ENROLLED", equalTo(1))
                .body(mine + "applicationsByStatus.SUBMITTED", equalTo(3))
                .body(mine + "applicationsByStatus.size()", equalTo(2))
                .body(mine + "companies", equalTo(3))
                .body(mine + "hours.toFloat()", equalTo(3.5f));
        // Staff may ask for one municipality.
        statistics(TestTokens.staff(), Map.of("municipality", MALMO))
                .statusCode(200)
                .body(mine + "applications", equalTo(2))
                .body(mine + "applicationsByStatus.SUBMITTED", equalTo(2))
                .body(mine + "companies", equalTo(1))
                .body(mine + "hours.toFloat()", equalTo(0f));
    }

    @Test
    void a_municipality_gets_the_figures_of_its_own_companies_only() {
        String programmeId = programmeWithKnownCounts();
        String mine = of(programmeId);

        statistics(TestTokens.municipality(KARLSKRONA), Map.of())
                .statusCode(200)
                .body(mine + "applications", equalTo(2))
                .body(mine + "applicationsByStatus.ENROLLED", equalTo(1))
                .body(mine + "applicationsByStatus.SUBMITTED", equalTo(1))
                .body(mine + "companies", equalTo(2))
                .body(mine + "hours.toFloat()", equalTo(3.5f));
        statistics(TestTokens.municipality(KARLSKRONA), Map.of("municipality", KARLSKRONA))
                .statusCode(200)
                .body(mine + "applications", equalTo(2));
        statistics(TestTokens.municipality(MALMO), Map.of())
                .statusCode(200)
                .body(mine + "applications", equalTo(2))
                .body(mine + "companies", equalTo(1));
    }

    @Test
    void a_municipality_may_not_see_another_municipality_and_members_and_partners_see_none() {
        programmeWithKnownCounts();

        statistics(TestTokens.municipality(KARLSKRONA), Map.of("municipality", MALMO))
                .statusCode(403);
        statistics(TestTokens.member(java.util.UUID.randomUUID()), Map.of()).statusCode(403);
        statistics(TestTokens.partner("techtank"), Map.of()).statusCode(403);
        statistics(null, Map.of()).statusCode(401);
    }

    @Test
    void a_municipality_code_that_is_none_is_400() {
        statistics(TestTokens.staff(), Map.of("municipality", "99"))
                .statusCode(400)
                .body("errors.field", hasItem("municipality"));
        statistics(TestTokens.staff(), Map.of("municipality", "9999")).statusCode(400);
        statistics(TestTokens.municipality(KARLSKRONA), Map.of("municipality", "abcd"))
                .statusCode(400);
        statistics(TestTokens.staff(), Map.of("municipality", "  "))
                .statusCode(200)
                .body("applications", everyItem(not(nullValue())));
    }
}
