package se.techtank.programmes;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.TestTokens;
import se.techtank.programmes.ProgrammesApi.TestCompany;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static se.techtank.programmes.ProgrammesApi.KARLSKRONA;
import static se.techtank.programmes.ProgrammesApi.as;
import static se.techtank.programmes.ProgrammesApi.need;
import static se.techtank.programmes.ProgrammesApi.newCompany;
import static se.techtank.programmes.ProgrammesApi.noRules;
import static se.techtank.programmes.ProgrammesApi.openIntakeOf;
import static se.techtank.programmes.ProgrammesApi.programme;
import static se.techtank.programmes.ProgrammesApi.publishedProgramme;
import static se.techtank.programmes.ProgrammesApi.recommendations;
import static se.techtank.programmes.ProgrammesApi.registerWithNeeds;
import static se.techtank.programmes.ProgrammesApi.uniqueCode;

/**
 * The reads reused per database snapshot (the catalogue, the open intakes) take one connection per request:
 * with one connection left in the pool they are answered. Read on a second connection, the snapshot would
 * wait for the connection the request's own session holds, and under load as many requests as the pool has
 * connections would wait on each other until the acquisition timeout. (The pool has two: Flyway needs two
 * at start; the test holds one.)
 */
@QuarkusTest
@TestProfile(OneConnectionTest.OneConnection.class)
class OneConnectionTest {

    public static class OneConnection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.max-size", "2",
                    "quarkus.datasource.jdbc.acquisition-timeout", "5S");
        }
    }

    @Inject
    AgroalDataSource database;

    @Test
    void the_catalogue_and_recommendations_are_answered_with_one_connection_left() throws SQLException {
        String code = uniqueCode("ONE");
        Map<String, Object> body = programme(code, noRules());
        body.put("focusAreas", List.of("AUTOMATION"));
        String id = publishedProgramme(body);
        String intake = openIntakeOf(id, 5);
        TestCompany company = registerWithNeeds(
                database, newCompany(KARLSKRONA, 25, "SMALL", "25.110", "ACTIVE"), List.of(need("AUTOMATION", 5)));

        try (Connection held = database.getConnection()) {
            held.isValid(1);
            as(null).queryParam("q", code)
                    .when()
                    .get("/api/v1/programmes")
                    .then()
                    .statusCode(200)
                    .body("items.id", contains(id));
            recommendations(TestTokens.staff(), Map.of("companyId", company.id()))
                    .statusCode(200)
                    .body("intakeId", hasItem(intake));
        }
    }
}
