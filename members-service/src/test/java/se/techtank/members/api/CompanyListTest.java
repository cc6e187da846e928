package se.techtank.members.api;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.techtank.members.query.CompanyFilter;
import se.techtank.members.query.CompanyList;
import se.techtank.platform.paging.Page;
import se.techtank.platform.paging.PageRequest;
import se.techtank.platform.testing.TestOrganisationNumbers;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * Listing and searching companies. Each test names its companies with a token of its own and searches
 * for it, so that companies of other tests in the same database never count.
 */
@QuarkusTest
class CompanyListTest {

    @Inject
    AgroalDataSource database;

    @Inject
    MeterRegistry metrics;

    @Inject
    ObjectMapper json;

    @Inject
    CompanyList companyList;

    private String token;

    @BeforeEach
    void freshToken() {
        token = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    void search_is_case_and_accent_insensitive() {
        register("Sölvesborgs Stål AB " + token, "1083", null, null);
        register("Karlshamns Gjuteri AB " + token, "1082", null, null);

        list(TestTokens.staff(), Map.of("q", "SOLVESBORGS STAL AB " + token))
                .body("totalItems", equalTo(1))
                .body("items.name", contains("Sölvesborgs Stål AB " + token));
        list(TestTokens.staff(), Map.of("q", "stål ab " + token)).body("totalItems", equalTo(1));
    }

    @Test
    void search_finds_an_organisation_number_in_any_written_form() {
        String organisationNumber = TestOrganisationNumbers.next();
        registerWithNumber(organisationNumber, "Ronneby Svets AB " + token, "1081");

        list(TestTokens.staff(), Map.of("q", organisationNumber.replace("-", "")))
                .body("items.organisationNumber", contains(organisationNumber));
        list(TestTokens.staff(), Map.of("q", "16" + organisationNumber.replace("-", "")))
                .body("items.organisationNumber", contains(organisationNumber));
    }

    @Test
    void filters_combine() {
        register("A Verkstad " + token, "1082", "25.110", 12);
        register("B Verkstad " + token, "1082", "28.410", 12);
        register("C Verkstad " + token, "1082", "25.620", 300);
        register("D Verkstad " + token, "1081", "25.110", 12);

        list(TestTokens.staff(), Map.of("q", token, "municipality", "1082"))
                .body("items.name", contains("A Verkstad " + token, "B Verkstad " + token, "C Verkstad " + token));
        list(TestTokens.staff(), Map.of("q", token, "sni", "25"))
                .body("items.name", contains("A Verkstad " + token, "C Verkstad " + token, "D Verkstad " + token));
        list(TestTokens.staff(), Map.of("q", token, "sni", "25.11", "municipality", "1082", "sizeClass", "SMALL"))
                .body("items.name", contains("A Verkstad " + token));
        list(TestTokens.staff(), Map.of("q", token, "sizeClass", "LARGE"))
                .body("items.name", contains("C Verkstad " + token));
    }

    @Test
    void the_sni_filter_matches_a_prefix_of_the_primary_or_any_secondary_code() {
        post(Map.of(
                "organisationNumber",
                TestOrganisationNumbers.next(),
                "name",
                "Primary Svets " + token,
                "municipalityCode",
                "1083",
                "sni",
                Map.of("primary", "25.620")));
        post(Map.of(
                "organisationNumber",
                TestOrganisationNumbers.next(),
                "name",
                "Secondary Svets " + token,
                "municipalityCode",
                "1083",
                "sni",
                Map.of("primary", "46.690", "secondary", List.of("33.120", "25.62"))));

        list(TestTokens.staff(), Map.of("q", token, "sni", "25.62"))
                .body("items.name", contains("Primary Svets " + token, "Secondary Svets " + token));
        list(TestTokens.staff(), Map.of("q", token, "sni", "3"))
                .body("items.name", contains("Secondary Svets " + token));
        list(TestTokens.staff(), Map.of("q", token, "sni", "46.6")).body("totalItems", equalTo(1));
        list(TestTokens.staff(), Map.of("q", token, "sni", "25.621")).body("totalItems", equalTo(0));
    }

    @Test
    void modified_since_lists_what_changed_for_synchronisation() {
        register("Old " + token, "1060", null, null);
        OffsetDateTime between = OffsetDateTime.now(ZoneOffset.UTC);
        register("New " + token, "1060", null, null);

        list(TestTokens.staff(), Map.of("q", token, "modifiedSince", between.toString()))
                .body("items.name", contains("New " + token));
    }

    @Test
    void pages_and_sort_orders_are_stable() {
        register("Alfa " + token, "1080", null, null);
        register("Beta " + token, "1080", null, null);
        register("Gamma " + token, "1080", null, null);

        list(TestTokens.staff(), Map.of("q", token, "size", "2"))
                .body("items.name", contains("Alfa " + token, "Beta " + token))
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2));
        list(TestTokens.staff(), Map.of("q", token, "size", "2", "page", "1"))
                .body("items.name", contains("Gamma " + token));
        list(TestTokens.staff(), Map.of("q", token, "sort", "name,desc"))
                .body("items.name", contains("Gamma " + token, "Beta " + token, "Alfa " + token));
        list(TestTokens.staff(), Map.of("q", token, "sort", "modifiedAt,desc"))
                .body("items.name", contains("Gamma " + token, "Beta " + token, "Alfa " + token));
    }

    @Test
    void a_total_is_reused_while_nothing_changed_and_counted_again_after_any_change() throws Exception {
        register("Alfa " + token, "1080", null, null);
        register("Beta " + token, "1080", null, null);
        String gamma = register("Gamma " + token, "1080", null, null);
        Map<String, String> firstPage = Map.of("q", token, "size", "1");
        Map<String, String> secondPage = Map.of("q", token, "size", "1", "page", "1");

        // Paging through a full match with nothing written in between counts it once (ADR 0010). The outbox
        // relay may still be marking the three events sent, which changes the snapshot, hence the await.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            double before = rememberedTotals();
            list(TestTokens.staff(), firstPage).body("totalItems", equalTo(3));
            list(TestTokens.staff(), secondPage).body("totalItems", equalTo(3));
            assertThat(rememberedTotals()).isGreaterThan(before);
        });

        // A new company: the next page is counted again.
        register("Delta " + token, "1080", null, null);
        list(TestTokens.staff(), secondPage).body("totalItems", equalTo(4)).body("totalPages", equalTo(4));

        // A change made past the service (another replica, an operator's SQL) is seen just the same.
        try (Connection connection = database.getConnection();
                PreparedStatement rename =
                        connection.prepareStatement("update company set search_name = 'renamed' where id = ?")) {
            rename.setObject(1, UUID.fromString(gamma));
            assertThat(rename.executeUpdate()).isEqualTo(1);
        }
        list(TestTokens.staff(), secondPage).body("totalItems", equalTo(3)).body("totalPages", equalTo(3));
    }

    @Test
    void every_search_takes_its_turn_at_the_company_search_gate() {
        register("Gate Verkstad " + token, "1082", null, null);
        long before = searchesAdmitted();

        list(TestTokens.staff(), Map.of("q", token)).body("items.name", contains("Gate Verkstad " + token));
        list(TestTokens.municipality("1082"), Map.of("q", token)).body("totalItems", equalTo(1));

        assertThat(searchesAdmitted() - before).isEqualTo(2);
    }

    private long searchesAdmitted() {
        return metrics.find("admission_wait")
                .tags("gate", "company-search")
                .timer()
                .count();
    }

    private double rememberedTotals() {
        return metrics.find("snapshot_cache")
                .tags("cache", "company-totals", "result", "hit")
                .counter()
                .count();
    }

    @Test
    void a_list_shows_each_company_exactly_as_reading_it_does() throws Exception {
        List<String> ids = companiesOfEveryShape();

        String page = list(TestTokens.staff(), Map.of("q", token)).extract().asString();

        for (String id : ids) {
            assertThat(page)
                    .as("the list's item of " + id + " is what reading it answers")
                    .contains(read(id));
        }
        assertThat(page).startsWith("{\"items\":[{\"id\":\"");
    }

    @Test
    void a_list_is_written_byte_for_byte_as_jackson_writes_its_companies_whether_rendered_now_or_reused()
            throws Exception {
        List<String> ids = companiesOfEveryShape();
        Map<String, String> parameters = Map.of("q", token);

        double reusedBefore = reusedRenderings();
        byte[] rendered = list(TestTokens.staff(), parameters).extract().asByteArray();
        assertThat(reusedRenderings()).as("new rows are rendered").isEqualTo(reusedBefore);
        byte[] reused = list(TestTokens.staff(), parameters).extract().asByteArray();
        assertThat(reusedRenderings())
                .as("unchanged rows are not rendered again")
                .isEqualTo(reusedBefore + ids.size());

        // What Jackson wrote for the page of CompanyResponses before renderings were reused.
        Page<CompanyResponse> expected = companyList
                .summaries(
                        new CompanyFilter(token, null, null, null, null, null, null, null),
                        PageRequest.of(null, null, null, CompanyFilter.SORTABLE, "name,asc"))
                .map(CompanyResponse::of);
        assertThat(expected.items()).hasSize(ids.size());
        assertThat(new String(rendered, StandardCharsets.UTF_8))
                .isEqualTo(new String(json.writeValueAsBytes(expected), StandardCharsets.UTF_8));
        assertThat(reused).isEqualTo(rendered);

        // And each item as reading the company answers (the same JSON tree, and the same bytes).
        JsonNode items = json.readTree(reused).get("items");
        for (int i = 0; i < ids.size(); i++) {
            String read = read(items.get(i).get("id").asText());
            assertThat(items.get(i)).isEqualTo(json.readTree(read));
            assertThat(new String(reused, StandardCharsets.UTF_8)).contains(read);
        }
    }

    @Test
    void a_change_past_the_service_or_through_it_shows_in_the_very_next_list() {
        String alfa = register("Alfa " + token, "1080", null, null);
        String beta = register("Beta " + token, "1080", null, 12);
        Map<String, String> parameters = Map.of("q", token);
        list(TestTokens.staff(), parameters);
        double reusedBefore = reusedRenderings();
        list(TestTokens.staff(), parameters).body("items.name", contains("Alfa " + token, "Beta " + token));
        assertThat(reusedRenderings()).isEqualTo(reusedBefore + 2);

        // Past the service (another replica, an operator's SQL): the row has a new version.
        assertThat(TestSql.execute(
                        database, "update company set name = ? where id = ?::uuid", "Alfa omdöpt " + token, alfa))
                .isEqualTo(1);
        String afterSql = list(TestTokens.staff(), parameters)
                .body("items.name", contains("Alfa omdöpt " + token, "Beta " + token))
                .extract()
                .asString();
        assertThat(afterSql).contains(read(alfa)).contains(read(beta));

        // Through the API.
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .header("If-Match", CompanyProfileTest.read(beta).extract().header("ETag"))
                .body(Map.of("name", "Beta Verkstad " + token, "municipalityCode", "1081", "numberOfEmployees", 100))
                .when()
                .put("/api/v1/companies/" + beta)
                .then()
                .statusCode(200);
        String afterApi = list(TestTokens.staff(), parameters)
                .body("items.name", contains("Alfa omdöpt " + token, "Beta Verkstad " + token))
                .body("items[1].municipalityCode", equalTo("1081"))
                .body("items[1].sizeClass", equalTo("MEDIUM"))
                .extract()
                .asString();
        assertThat(afterApi).contains(read(alfa)).contains(read(beta));
    }

    @Test
    void inside_a_transaction_no_rendering_is_reused_or_remembered() throws Exception {
        // No request lists inside a transaction (CompanyService.list supports none), but the list may
        // be called inside one: there a row the transaction updated twice shows two contents under one xmin.
        String id = register("Alfa " + token, "1080", null, null);
        CompanyFilter filter = new CompanyFilter(token, null, null, null, null, null, null, null);
        PageRequest first = PageRequest.of(null, null, null, CompanyFilter.SORTABLE, "name,asc");
        list(TestTokens.staff(), Map.of("q", token)); // remembered outside, for the row's first version

        List<String> namesInside = QuarkusTransaction.requiringNew().call(() -> {
            TestSql.execute(database, "update company set name = ? where id = ?::uuid", "Första " + token, id);
            String once = listedName(companyList.page(filter, first, CompanyResponse::of));
            TestSql.execute(database, "update company set name = ? where id = ?::uuid", "Andra " + token, id);
            String twice = listedName(companyList.page(filter, first, CompanyResponse::of));
            return List.of(once, twice);
        });

        assertThat(namesInside).containsExactly("Första " + token, "Andra " + token);
        list(TestTokens.staff(), Map.of("q", token)).body("items.name", contains("Andra " + token));
        list(TestTokens.staff(), Map.of("q", token)).body("items.name", contains("Andra " + token));
    }

    private String listedName(Page<RawValue> page) throws Exception {
        assertThat(page.items()).hasSize(1);
        return json.readTree(json.writeValueAsBytes(page)).at("/items/0/name").asText();
    }

    /** Companies with every field, with some, and with only what registering requires; their ids. */
    private List<String> companiesOfEveryShape() throws Exception {
        String full = post(Map.of(
                "organisationNumber",
                TestOrganisationNumbers.next(),
                "name",
                "Ölands Präss & Svets AB " + token,
                "municipalityCode",
                "1060",
                "sni",
                Map.of("primary", "25500", "secondary", List.of("28.41", "33.120")),
                "numberOfEmployees",
                42,
                "website",
                "https://www.svets.example.se",
                "postalAddress",
                Map.of("street", "Industrivägen 4", "postalCode", "29338", "city", "Olofström")));
        String partial = post(Map.of(
                "organisationNumber",
                TestOrganisationNumbers.next(),
                "name",
                "Växjö Plast " + token,
                "municipalityCode",
                "0780",
                "sni",
                Map.of("primary", "22"),
                "numberOfEmployees",
                0,
                "postalAddress",
                Map.of("postalCode", "35230", "city", "Växjö")));
        String bare = register("Zeta " + token, "1082", null, null);
        try (Connection connection = database.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("update company set membership_status = 'APPLIED' where id = ?")) {
            statement.setObject(1, UUID.fromString(full));
            statement.executeUpdate();
        }
        return List.of(full, partial, bare);
    }

    @Test
    void every_search_takes_its_turn_at_the_company_search_gate_and_a_bad_one_does_not() {
        register("Alfa " + token, "1080", null, null);
        long before = searchTurns();
        list(TestTokens.staff(), Map.of("q", token)).body("items", org.hamcrest.Matchers.hasSize(1));
        assertThat(searchTurns()).as("one turn for the search").isEqualTo(before + 1);

        list(TestTokens.staff(), Map.of("size", "0"), 400);
        assertThat(searchTurns()).as("a refused request reads nothing").isEqualTo(before + 1);
    }

    private long searchTurns() {
        var turns = metrics.find("admission_wait").tag("gate", "company-search").timer();
        return turns == null ? 0 : turns.count();
    }

    private double reusedRenderings() {
        return metrics.find("row_version_cache")
                .tags("cache", "company-json", "result", "hit")
                .counter()
                .count();
    }

    private static String read(String id) {
        return CompanyProfileTest.read(id).extract().asString();
    }

    @Test
    void malformed_parameters_are_bad_requests_naming_each() {
        given().auth()
                .oauth2(TestTokens.staff())
                .queryParam("size", "101")
                .queryParam("page", "abc")
                .when()
                .get("/api/v1/companies")
                .then()
                .statusCode(400)
                .body("type", equalTo("https://api.techtank.se/problems/invalid-request"))
                .body("errors.field", containsInAnyOrder("page", "size"));
        list(TestTokens.staff(), Map.of("size", "101"), 400).body("errors.field", contains("size"));
        list(TestTokens.staff(), Map.of("sort", "password,asc"), 400).body("errors.field", contains("sort"));
        list(
                        TestTokens.staff(),
                        Map.of(
                                "municipality",
                                "99",
                                "sizeClass",
                                "HUGE",
                                "modifiedSince",
                                "yesterday",
                                "sni",
                                "x",
                                "size",
                                "0"),
                        400)
                .body("errors.field", containsInAnyOrder("municipality", "sizeClass", "modifiedSince", "sni", "size"));
    }

    @Test
    void a_municipality_lists_only_its_own_companies_and_a_member_only_its_own() {
        String inKarlshamn = register("Hamnen " + token, "1082", null, null);
        register("Bruket " + token, "1060", null, null);

        list(TestTokens.municipality("1082"), Map.of("q", token)).body("items.id", contains(inKarlshamn));
        list(TestTokens.municipality("1082"), Map.of("q", token, "municipality", "1060"))
                .body("items", empty())
                .body("totalItems", equalTo(0));
        list(TestTokens.member(UUID.fromString(inKarlshamn)), Map.of("q", token))
                .body("items.id", contains(inKarlshamn));
        list(TestTokens.member(UUID.randomUUID()), Map.of("q", token)).body("items", empty());
        list(TestTokens.partner("iuc-syd"), Map.of("q", token), 403);
        given().when().get("/api/v1/companies").then().statusCode(401);
    }

    private static ValidatableResponse list(String bearer, Map<String, String> parameters) {
        return list(bearer, parameters, 200);
    }

    private static ValidatableResponse list(String bearer, Map<String, String> parameters, int status) {
        return given().auth()
                .oauth2(bearer)
                .queryParams(parameters)
                .when()
                .get("/api/v1/companies")
                .then()
                .statusCode(status);
    }

    private static String register(String name, String municipality, String sni, Integer employees) {
        Map<String, Object> body = new HashMap<>();
        body.put("organisationNumber", TestOrganisationNumbers.next());
        body.put("name", name);
        body.put("municipalityCode", municipality);
        if (sni != null) {
            body.put("sni", Map.of("primary", sni));
        }
        if (employees != null) {
            body.put("numberOfEmployees", employees);
        }
        return post(body);
    }

    private static String registerWithNumber(String organisationNumber, String name, String municipality) {
        return post(Map.of("organisationNumber", organisationNumber, "name", name, "municipalityCode", municipality));
    }

    private static String post(Map<String, Object> body) {
        return given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
