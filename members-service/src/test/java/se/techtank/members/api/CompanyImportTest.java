package se.techtank.members.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.Contracts;
import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.KafkaTestConsumer.ReceivedEvent;
import se.techtank.platform.testing.TestOrganisationNumbers;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;
import se.techtank.platform.testing.WatchesTopics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Bulk import of companies from CSV: per-row outcomes, the rows stored, the events, the file's errors. */
@QuarkusTest
class CompanyImportTest extends WatchesTopics {

    private static final String PROBLEMS = "https://api.techtank.se/problems/";
    private static final String REGISTERED = "se.techtank.members.company.registered";
    private static final String UPDATED = "se.techtank.members.company.updated";

    @Inject
    @DataSource("platform")
    AgroalDataSource database;

    private final KafkaTestConsumer companyTopic = watch("members.company.v1");

    @Test
    void valid_rows_are_created_and_invalid_and_duplicate_rows_are_reported_with_their_fields() {
        String valid = TestOrganisationNumbers.next();
        String badMunicipality = TestOrganisationNumbers.next();
        String badSni = TestOrganisationNumbers.next();
        String noName = TestOrganisationNumbers.next();
        String wrongCheckDigit = valid.substring(0, 10) + ((valid.charAt(10) - '0' + 1) % 10);
        String csv = """
                \uFEFForganisationNumber;name;municipalityCode;primarySni;secondarySni;numberOfEmployees;website;street;postalCode;city
                %s;Olofströms Pressverktyg AB;1060;25500;28.41|25.62;42;https://www.pressverktyg.example.se;Industrivägen 4;29338;Olofström
                %s;Felaktigt Nummer AB;1060;;;;;;;
                %s;Fel Kommun AB;1160;;;;;;;

                %s;Fel SNI AB;1081;04.100;2;-3;ftp://example.se;;2933;
                %s;;1082;;;;;;;
                %s;Samma Nummer Igen AB;1060;;;;;;;
                """.formatted(valid, wrongCheckDigit, badMunicipality, badSni, noName, valid.replace("-", ""));

        ValidatableResponse response = importFile(TestTokens.staff(), csv)
                .statusCode(200)
                .body("totals.rows", equalTo(6))
                .body("totals.created", equalTo(1))
                .body("totals.rejected", equalTo(5))
                .body("rows.row", contains(2, 3, 4, 6, 7, 8))
                .body("rows.outcome", contains("CREATED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED"))
                .body("rows[0].organisationNumber", equalTo(valid))
                .body("rows[0].companyId", notNullValue())
                .body("rows[0].errors", nullValue())
                .body("rows[1].organisationNumber", equalTo(wrongCheckDigit))
                .body("rows[1].companyId", nullValue())
                .body("rows[1].errors.field", contains("organisationNumber"))
                .body("rows[2].errors.field", contains("municipalityCode"))
                .body(
                        "rows[3].errors.field",
                        containsInAnyOrder(
                                "primarySni", "secondarySni", "numberOfEmployees", "website", "postalCode", "city"))
                .body("rows[4].errors.field", contains("name"))
                .body("rows[5].organisationNumber", equalTo(valid))
                .body("rows[5].errors.field", contains("organisationNumber"))
                .body("rows[5].errors[0].message", containsString("duplicate in file"));
        String id = response.extract().path("rows[0].companyId");

        assertThat(TestSql.queryForString(
                        database,
                        "select concat_ws('/', id, name, municipality_code, primary_sni, array_to_string(secondary_sni, '|'),"
                                + " number_of_employees, size_class, website, address_street, address_postal_code,"
                                + " address_city) from public.company where organisation_number = ?",
                        valid))
                .isEqualTo(id + "/Olofströms Pressverktyg AB/1060/25.500/28.41|25.62/42/SMALL/"
                        + "https://www.pressverktyg.example.se/Industrivägen 4/293 38/Olofström");
        for (String rejected : List.of(wrongCheckDigit, badMunicipality, badSni, noName)) {
            assertThat(companiesWith(rejected)).as(rejected).isZero();
        }
        ReceivedEvent event = companyTopic.awaitEvent(e -> id.equals(e.key()));
        assertThat(event.ceType()).isEqualTo(REGISTERED);
        Contracts.assertValid(event.header("ce_dataschema"), event.value());
        assertThat(event.json().get("name").asText()).isEqualTo("Olofströms Pressverktyg AB");
        companyTopic.assertNoEvent(
                e -> "Samma Nummer Igen AB".equals(e.json().path("name").asText()), Duration.ofSeconds(1));
    }

    @Test
    void a_comma_separated_file_with_quoted_values_is_read_like_a_semicolon_separated_one() {
        String first = TestOrganisationNumbers.next();
        String second = TestOrganisationNumbers.next();
        String csv = """
                name,organisationNumber,municipalityCode,numberOfEmployees
                "Verkstad, Karlshamn AB",%s,1082,300
                "Sölvesborgs ""Stål"" AB",%s,1083,
                """.formatted(first, second);

        importFile(TestTokens.staff(), csv)
                .statusCode(200)
                .body("rows.outcome", contains("CREATED", "CREATED"))
                .body("rows.organisationNumber", contains(first, second));

        assertThat(nameOf(first)).isEqualTo("Verkstad, Karlshamn AB");
        assertThat(nameOf(second)).isEqualTo("Sölvesborgs \"Stål\" AB");
        assertThat(TestSql.queryForString(
                        database, "select size_class from public.company where organisation_number = ?", first))
                .isEqualTo("LARGE");
    }

    @Test
    void importing_the_same_file_twice_changes_nothing_the_second_time_and_publishes_nothing() {
        List<String> numbers =
                List.of(TestOrganisationNumbers.next(), TestOrganisationNumbers.next(), TestOrganisationNumbers.next());
        String csv =
                "organisationNumber,name,municipalityCode,primarySni,secondarySni,numberOfEmployees,street,postalCode,city\n"
                        + numbers.get(0) + ",Ronneby Svets AB,1081,25.620,,8,,,\n"
                        + numbers.get(1)
                        + ",Karlskrona Marinteknik AB,1080,30.110,33.150|28.110,75,Varvsgatan 1,371 30,Karlskrona\n"
                        + numbers.get(2) + ",Skånska Plast AB,1214,,,,,,\n";
        List<String> ids = importFile(TestTokens.staff(), csv)
                .statusCode(200)
                .body("totals.created", equalTo(3))
                .extract()
                .path("rows.companyId");
        companyTopic.awaitEvents(3, e -> ids.contains(e.key()), KafkaTestConsumer.DEFAULT_TIMEOUT);

        importFile(TestTokens.staff(), csv)
                .statusCode(200)
                .body("totals.unchanged", equalTo(3))
                .body("rows.outcome", everyItem(equalTo("UNCHANGED")))
                .body("rows.companyId", equalTo(ids));

        companyTopic.assertNoEvent(e -> ids.contains(e.key()), Duration.ofSeconds(3));
        assertThat(TestSql.queryForLong(
                        database,
                        "select count(*) from public.company where version = 0 and organisation_number in (?, ?, ?)",
                        numbers.toArray()))
                .isEqualTo(3);
    }

    @Test
    void a_changed_row_replaces_the_profile_of_the_registered_company_and_publishes_company_updated() {
        String organisationNumber = TestOrganisationNumbers.next();
        String id = given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "organisationNumber",
                        organisationNumber,
                        "name",
                        "Ronneby Plåt AB",
                        "municipalityCode",
                        "1081",
                        "website",
                        "https://plat.example.se"))
                .when()
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        importFile(
                        TestTokens.staff(),
                        "organisationNumber;name;municipalityCode;primarySni;numberOfEmployees\n"
                                + organisationNumber.replace("-", "") + ";Ronneby Plåt & Laser AB;1081;25.110;12\n")
                .statusCode(200)
                .body("totals.updated", equalTo(1))
                .body("rows[0].outcome", equalTo("UPDATED"))
                .body("rows[0].companyId", equalTo(id));

        assertThat(TestSql.queryForString(
                        database,
                        "select concat_ws('/', name, primary_sni, number_of_employees, coalesce(website, 'none'), version)"
                                + " from public.company where id = ?::uuid",
                        id))
                .isEqualTo("Ronneby Plåt & Laser AB/25.110/12/none/1");
        ReceivedEvent event = companyTopic.awaitEvent(e -> id.equals(e.key()) && UPDATED.equals(e.ceType()));
        assertThat(event.header("ce_dataschema"))
                .isEqualTo("https://api.techtank.se/contracts/members/company.updated.v1.json");
        Contracts.assertValid(event.header("ce_dataschema"), event.value());
        assertThat(event.json().get("name").asText()).isEqualTo("Ronneby Plåt & Laser AB");
        assertThat(event.json().get("sizeClass").asText()).isEqualTo("SMALL");
        assertThat(event.json().has("website")).isFalse();
    }

    @Test
    void only_staff_may_import() {
        String organisationNumber = TestOrganisationNumbers.next();
        String csv = "organisationNumber;name;municipalityCode\n" + organisationNumber + ";Obehörig AB;1082\n";

        importFile(TestTokens.member(UUID.randomUUID()), csv).statusCode(403).contentType("application/problem+json");
        importFile(TestTokens.municipality("1082"), csv).statusCode(403).contentType("application/problem+json");
        given().contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .when()
                .post("/api/v1/companies/import")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");

        assertThat(companiesWith(organisationNumber)).isZero();
    }

    @Test
    void a_body_that_is_not_csv_is_refused_with_415() {
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body(Map.of("organisationNumber", TestOrganisationNumbers.next()))
                .when()
                .post("/api/v1/companies/import")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unsupported-media-type"));
    }

    @Test
    void unknown_or_missing_columns_reject_the_whole_file_naming_them() {
        String organisationNumber = TestOrganisationNumbers.next();

        importFile(
                        TestTokens.staff(),
                        "organisationNumber;name;municipalityCode;phone;e-mail\n" + organisationNumber
                                + ";Okänd Kolumn AB;1060;0454-123;a@b.se\n")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "invalid-request"))
                .body("errors.field", contains("phone", "e-mail"))
                .body("detail", containsString("phone"));
        importFile(TestTokens.staff(), "organisationNumber,name\n" + organisationNumber + ",Utan Kommun AB\n")
                .statusCode(400)
                .body("errors.field", contains("municipalityCode"))
                .body("errors[0].message", equalTo("required column missing"));
        importFile(TestTokens.staff(), "").statusCode(400).body("errors.field", contains("file"));

        assertThat(companiesWith(organisationNumber)).isZero();
    }

    @Test
    void a_file_that_is_not_utf8_or_not_well_formed_csv_is_refused() {
        String organisationNumber = TestOrganisationNumbers.next();
        byte[] latin1 = ("organisationNumber;name;municipalityCode\n" + organisationNumber
                        + ";Sölvesborgs Stål AB;1083\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        given().auth()
                .oauth2(TestTokens.staff())
                .contentType("text/csv")
                .body(latin1)
                .when()
                .post("/api/v1/companies/import")
                .then()
                .statusCode(400)
                .body("detail", containsString("UTF-8"));
        importFile(
                        TestTokens.staff(),
                        "organisationNumber;name;municipalityCode\n" + organisationNumber + ";\"Oavslutat AB;1083\n")
                .statusCode(400)
                .body("detail", containsString("well-formed CSV"));

        assertThat(companiesWith(organisationNumber)).isZero();
    }

    @Test
    void a_file_over_the_row_limit_is_refused_with_413_before_anything_is_imported() {
        String first = TestOrganisationNumbers.next();
        StringBuilder csv = new StringBuilder("organisationNumber,name,municipalityCode\n");
        csv.append(first).append(",Första Raden AB,1060\n");
        String row = "0,x,0\n";
        csv.append(row.repeat(50_000));

        importFile(TestTokens.staff(), csv.toString())
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "import-too-large"))
                .body("detail", containsString("50000"));

        assertThat(companiesWith(first)).isZero();
    }

    private static ValidatableResponse importFile(String token, String csv) {
        return given().auth()
                .oauth2(token)
                .contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .when()
                .post("/api/v1/companies/import")
                .then();
    }

    private long companiesWith(String organisationNumber) {
        return TestSql.queryForLong(
                database, "select count(*) from public.company where organisation_number = ?", organisationNumber);
    }

    private String nameOf(String organisationNumber) {
        return TestSql.queryForString(
                database, "select name from public.company where organisation_number = ?", organisationNumber);
    }
}
