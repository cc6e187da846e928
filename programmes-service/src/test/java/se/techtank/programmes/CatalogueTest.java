package se.techtank.programmes;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.KafkaTestConsumer.ReceivedEvent;
import se.techtank.platform.testing.TestOrganisationNumbers;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;
import se.techtank.platform.testing.WatchesTopics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static se.techtank.programmes.ProgrammesApi.PROBLEMS;
import static se.techtank.programmes.ProgrammesApi.PROGRAMME_TOPIC;
import static se.techtank.programmes.ProgrammesApi.PROGRAMME_TYPE;
import static se.techtank.programmes.ProgrammesApi.as;
import static se.techtank.programmes.ProgrammesApi.assertContract;
import static se.techtank.programmes.ProgrammesApi.createProgramme;
import static se.techtank.programmes.ProgrammesApi.decide;
import static se.techtank.programmes.ProgrammesApi.declaredApplication;
import static se.techtank.programmes.ProgrammesApi.draftProgramme;
import static se.techtank.programmes.ProgrammesApi.futureIntake;
import static se.techtank.programmes.ProgrammesApi.intakeInWindow;
import static se.techtank.programmes.ProgrammesApi.noRules;
import static se.techtank.programmes.ProgrammesApi.openIntakeOf;
import static se.techtank.programmes.ProgrammesApi.planIntake;
import static se.techtank.programmes.ProgrammesApi.programme;
import static se.techtank.programmes.ProgrammesApi.publishProgramme;
import static se.techtank.programmes.ProgrammesApi.publishedProgramme;
import static se.techtank.programmes.ProgrammesApi.readProgramme;
import static se.techtank.programmes.ProgrammesApi.submitted;
import static se.techtank.programmes.ProgrammesApi.uniqueCode;

/** The programme catalogue: drafts, publishing, the public list and its filters, changes, and the events. */
@QuarkusTest
class CatalogueTest extends WatchesTopics {

    @Inject
    AgroalDataSource database;

    @Inject
    MeterRegistry metrics;

    private final KafkaTestConsumer programmes = watch(PROGRAMME_TOPIC);

    @Test
    void a_draft_is_invisible_to_anonymous_callers_and_members_but_visible_to_staff() {
        String code = uniqueCode("DRAFT");
        String id = draftProgramme(programme(code, noRules()));

        readProgramme(null, id).statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
        readProgramme(TestTokens.member(UUID.randomUUID()), id).statusCode(404);
        readProgramme(TestTokens.staff(), id)
                .statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("code", equalTo(code));

        list(null, Map.of("q", code)).statusCode(200).body("items", empty());
        list(TestTokens.staff(), Map.of("q", code)).statusCode(200).body("items", empty());
        list(TestTokens.staff(), Map.of("q", code, "status", "DRAFT"))
                .statusCode(200)
                .body("items.id", containsInAnyOrder(id));
        // An anonymous caller asking for drafts still sees the published ones only.
        list(null, Map.of("q", code, "status", "DRAFT")).statusCode(200).body("items", empty());

        assertThat(TestSql.queryForString(database, "select status from programme where id = ?::uuid", id))
                .isEqualTo("DRAFT");
        programmes.assertNoEvent(e -> id.equals(e.key()), Duration.ofSeconds(2));
    }

    @Test
    void publishing_lists_the_programme_anonymously_with_its_intakes_and_publishes_programme_published() {
        String code = uniqueCode("PUBL");
        String id = draftProgramme(programme(code, Map.of("maxEmployees", 249, "sniSections", List.of("C"))));
        String intakeId = planIntake(TestTokens.staff(), id, futureIntake(12))
                .statusCode(201)
                .body("status", equalTo("PLANNED"))
                .body("seats", equalTo(12))
                .body("seatsLeft", equalTo(12))
                .extract()
                .path("id");

        publishProgramme(TestTokens.staff(), id)
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("status", equalTo("PUBLISHED"));

        readProgramme(null, id)
                .statusCode(200)
                .body("code", equalTo(code))
                .body("eligibility.maxEmployees", equalTo(249))
                .body("intakes.id", containsInAnyOrder(intakeId));
        list(null, Map.of("q", code))
                .statusCode(200)
                .body("items.id", containsInAnyOrder(id))
                .body("items[0].intakes.id", containsInAnyOrder(intakeId))
                .body("items[0].intakes[0].counties", containsInAnyOrder("10", "12"));
        ProgrammesApi.readIntake(null, intakeId).statusCode(200).body("programmeId", equalTo(id));
        assertThat(TestSql.queryForString(database, "select status from programme where id = ?::uuid", id))
                .isEqualTo("PUBLISHED");

        ReceivedEvent published = programmes.awaitEvent(e -> id.equals(e.key()));
        assertThat(published.ceType()).isEqualTo(PROGRAMME_TYPE + "published");
        assertThat(published.ceSubject()).isEqualTo(id);
        assertContract(published);
        assertThat(published.json().path("code").asText()).isEqualTo(code);
        assertThat(published.json().path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.json().path("intakes").findValuesAsText("intakeId"))
                .containsExactly(intakeId);
    }

    @Test
    void publishing_twice_is_answered_409_illegal_programme_transition() {
        String id = publishedProgramme(programme(uniqueCode("TWICE"), noRules()));
        programmes.awaitEvent(e -> id.equals(e.key()) && (PROGRAMME_TYPE + "published").equals(e.ceType()));

        publishProgramme(TestTokens.staff(), id)
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "illegal-programme-transition"))
                .body("detail", containsString("PUBLISHED"));

        programmes.assertNoEvent(e -> id.equals(e.key()), Duration.ofSeconds(2));
    }

    @Test
    void a_page_is_rendered_once_while_nothing_changes_and_afresh_after_any_change() {
        String code = uniqueCode("CACHE");
        String id = publishedProgramme(programme(code, noRules()));
        String intake = openIntakeOf(id, 3);

        // Asked again with nothing written in between, the page comes from the rendering of the first request
        // (ADR 0010). The outbox relay may still be marking the events sent, hence the await.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            double before = renderedPagesReused();
            list(null, Map.of("q", code)).body("items[0].intakes[0].seatsTaken", equalTo(0));
            list(null, Map.of("q", code)).body("items[0].intakes[0].seatsTaken", equalTo(0));
            assertThat(renderedPagesReused()).isGreaterThan(before);
        });

        // A seat taken is in the very next page, and so is a change made past the service.
        String application =
                submitted(intake, declaredApplication(TestOrganisationNumbers.next(), "1080", 25, "SMALL", "25.110"));
        decide(TestTokens.staff(), application, "approve", null).statusCode(200);
        list(null, Map.of("q", code))
                .body("items[0].intakes[0].seatsTaken", equalTo(1))
                .body("items[0].intakes[0].seatsLeft", equalTo(2));
        assertThat(TestSql.execute(database, "update programme set name_sv = 'Robotlyftet Syd' where id = ?::uuid", id))
                .isEqualTo(1);
        list(null, Map.of("q", code)).body("items[0].name.sv", equalTo("Robotlyftet Syd"));
        // Another caller's view is another page: staff asking for drafts do not get the public rendering.
        String draft = draftProgramme(programme(code + "D", noRules()));
        list(null, Map.of("q", code, "status", "DRAFT")).body("items.id", containsInAnyOrder(id));
        list(TestTokens.staff(), Map.of("q", code, "status", "DRAFT")).body("items.id", containsInAnyOrder(draft));
    }

    @Test
    void the_catalogue_answers_304_to_its_etag_until_something_changes() {
        String code = uniqueCode("ETAG");
        String id = publishedProgramme(programme(code, noRules()));
        String tag = list(null, Map.of("q", code))
                .statusCode(200)
                .header("Cache-Control", equalTo("public, no-cache"))
                .extract()
                .header("ETag");

        as(null).header("If-None-Match", tag)
                .queryParam("q", code)
                .when()
                .get("/api/v1/programmes")
                .then()
                .statusCode(304)
                .header("ETag", equalTo(tag))
                .body(org.hamcrest.Matchers.emptyString());

        assertThat(TestSql.execute(database, "update programme set name_sv = 'Nytt namn' where id = ?::uuid", id))
                .isEqualTo(1);
        as(null).header("If-None-Match", tag)
                .queryParam("q", code)
                .when()
                .get("/api/v1/programmes")
                .then()
                .statusCode(200)
                .header("ETag", org.hamcrest.Matchers.not(equalTo(tag)))
                .body("items[0].name.sv", equalTo("Nytt namn"));
    }

    private double renderedPagesReused() {
        var counter = metrics.find("snapshot_cache")
                .tags("cache", "programme-pages", "result", "hit")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void the_filters_each_select_the_programmes_that_match() {
        String family = uniqueCode("FLT");
        Map<String, Object> a = programme(family + "-A", noRules());
        a.put("focusAreas", List.of("AUTOMATION"));
        a.put("funders", List.of("VINNOVA"));
        String automation = publishedProgramme(a);
        Map<String, Object> blekingeIntake = intakeInWindow(5);
        blekingeIntake.put("counties", List.of("10"));
        String openId = planIntake(TestTokens.staff(), automation, blekingeIntake)
                .statusCode(201)
                .extract()
                .path("id");
        ProgrammesApi.openIntake(TestTokens.staff(), openId);
        ProgrammesApi.readIntake(null, openId).statusCode(200).body("status", equalTo("OPEN"));

        Map<String, Object> b = programme(family + "-B", noRules());
        b.put("focusAreas", List.of("SUSTAINABILITY"));
        b.put("funders", List.of("ESF", "REGION"));
        String sustainability = publishedProgramme(b);
        Map<String, Object> skaneIntake = futureIntake(5);
        skaneIntake.put("counties", List.of("12"));
        planIntake(TestTokens.staff(), sustainability, skaneIntake).statusCode(201);

        Map<String, Object> c = programme(family + "-C", noRules());
        c.put("focusAreas", List.of("DIGITALISATION"));
        c.put("funders", List.of("VINNOVA"));
        c.put("name", Map.of("sv", "Digitaliseringslyftet " + family, "en", "Digital lift " + family));
        String digitalisation = publishedProgramme(c);

        list(null, Map.of("q", family))
                .statusCode(200)
                .body("items.id", containsInAnyOrder(automation, sustainability, digitalisation));
        list(null, Map.of("q", family.toLowerCase(), "focusArea", "AUTOMATION"))
                .statusCode(200)
                .body("items.id", containsInAnyOrder(automation));
        list(null, Map.of("q", family, "funder", "ESF"))
                .statusCode(200)
                .body("items.id", containsInAnyOrder(sustainability));
        list(null, Map.of("q", family, "funder", "VINNOVA"))
                .statusCode(200)
                .body("items.id", containsInAnyOrder(automation, digitalisation));
        list(null, Map.of("q", family, "county", "12"))
                .statusCode(200)
                .body("items.id", containsInAnyOrder(sustainability));
        list(null, Map.of("q", family, "county", "10"))
                .statusCode(200)
                .body("items.id", containsInAnyOrder(automation));
        list(null, Map.of("q", family, "openIntake", "true"))
                .statusCode(200)
                .body("items.id", containsInAnyOrder(automation));
        list(null, Map.of("q", "Digitaliseringslyftet " + family))
                .statusCode(200)
                .body("items.id", containsInAnyOrder(digitalisation));
        list(null, Map.of("q", family + "-B"))
                .statusCode(200)
                .body("items.id", containsInAnyOrder(sustainability))
                .body("totalItems", equalTo(1));
    }

    @Test
    void bad_list_parameters_are_answered_400_naming_each_of_them() {
        list(null, Map.of("county", "99", "funder", "NOPE", "size", "0"))
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-request"))
                .body("errors.field", hasItems("county", "funder", "size"));
        list(null, Map.of("focusArea", "GARDENING", "openIntake", "maybe", "modifiedSince", "yesterday"))
                .statusCode(400)
                .body("errors.field", hasItems("focusArea", "openIntake", "modifiedSince"));
    }

    @Test
    void only_staff_create_programmes() {
        String code = uniqueCode("AUTH");
        createProgramme(null, programme(code, noRules())).statusCode(401);
        createProgramme(TestTokens.member(UUID.randomUUID()), programme(code, noRules()))
                .statusCode(403)
                .body("type", equalTo(PROBLEMS + "forbidden"));
        createProgramme(TestTokens.partner("iuc-syd"), programme(code, noRules()))
                .statusCode(403);

        assertThat(TestSql.queryForLong(database, "select count(*) from programme where code = ?", code))
                .isZero();
    }

    @Test
    void an_invalid_programme_is_answered_422_with_its_field_errors_and_nothing_is_saved() {
        String marker = "Ogiltigt " + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>();
        body.put("code", "lower case");
        body.put("name", Map.of("sv", " ", "en", marker));
        body.put("description", Map.of("sv", "Beskrivning"));
        body.put("owner", "");
        body.put("eligibility", Map.of("maxEmployees", 0, "counties", List.of("99"), "sizeClasses", List.of("HUGE")));

        createProgramme(TestTokens.staff(), body)
                .statusCode(422)
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors.field", hasItems("code", "name.sv", "owner", "eligibility.maxEmployees"))
                .body("errors.field", hasItem(containsString("eligibility.counties")))
                .body("errors.field", hasItem(containsString("eligibility.sizeClasses")));

        // An owner that is neither IUC_SVERIGE nor a partner.
        Map<String, Object> unknownOwner = programme(uniqueCode("OWNER"), noRules());
        unknownOwner.put("owner", "iuc-nowhere");
        createProgramme(TestTokens.staff(), unknownOwner).statusCode(422).body("errors.field", hasItem("owner"));

        assertThat(TestSql.queryForLong(database, "select count(*) from programme where name_en = ?", marker))
                .isZero();
        assertThat(TestSql.queryForLong(
                        database, "select count(*) from programme where code = ?", unknownOwner.get("code")))
                .isZero();
    }

    @Test
    void a_taken_code_is_answered_409_duplicate_programme_code() {
        String code = uniqueCode("DUP");
        draftProgramme(programme(code, noRules()));

        createProgramme(TestTokens.staff(), programme(code, noRules()))
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "duplicate-programme-code"));

        assertThat(TestSql.queryForLong(database, "select count(*) from programme where code = ?", code))
                .isEqualTo(1);
    }

    @Test
    void a_change_needs_the_current_etag_and_publishes_programme_updated() {
        String code = uniqueCode("CHG");
        Map<String, Object> body = programme(code, noRules());
        String id = publishedProgramme(body);
        programmes.awaitEvent(e -> id.equals(e.key()) && (PROGRAMME_TYPE + "published").equals(e.ceType()));
        body.put("name", Map.of("sv", "Produktionslyftet " + code, "en", "Production lift " + code));
        body.put("funders", List.of("VINNOVA", "TILLVAXTVERKET"));

        change(id, null, body).statusCode(428).body("type", equalTo(PROBLEMS + "if-match-required"));
        change(id, "\"99\"", body).statusCode(412).body("type", equalTo(PROBLEMS + "stale-version"));
        assertThat(TestSql.queryForString(database, "select name_sv from programme where id = ?::uuid", id))
                .isEqualTo("Robotlyftet " + code);

        String etag =
                readProgramme(TestTokens.staff(), id).statusCode(200).extract().header("ETag");
        String newEtag = change(id, etag, body)
                .statusCode(200)
                .body("name.sv", equalTo("Produktionslyftet " + code))
                .body("funders", containsInAnyOrder("VINNOVA", "TILLVAXTVERKET"))
                .extract()
                .header("ETag");
        assertThat(newEtag).isNotEqualTo(etag);
        assertThat(TestSql.queryForString(database, "select name_sv from programme where id = ?::uuid", id))
                .isEqualTo("Produktionslyftet " + code);
        // The old ETag is stale now.
        change(id, etag, body).statusCode(412);

        ReceivedEvent updated =
                programmes.awaitEvent(e -> id.equals(e.key()) && (PROGRAMME_TYPE + "updated").equals(e.ceType()));
        assertContract(updated);
        assertThat(updated.json().path("name").path("sv").asText()).isEqualTo("Produktionslyftet " + code);
        programmes.assertNoEvent(e -> id.equals(e.key()), Duration.ofSeconds(2));
    }

    @Test
    void archiving_closes_the_open_intakes_hides_them_from_the_list_and_publishes_programme_archived() {
        String code = uniqueCode("ARCH");
        String id = publishedProgramme(programme(code, noRules()));
        String intakeId = openIntakeOf(id, 5);

        as(TestTokens.staff())
                .when()
                .post("/api/v1/programmes/" + id + "/archive")
                .then()
                .statusCode(200)
                .body("status", equalTo("ARCHIVED"))
                .body("intakes[0].status", equalTo("CLOSED"));

        assertThat(TestSql.queryForString(database, "select status from intake where id = ?::uuid", intakeId))
                .isEqualTo("CLOSED");
        list(null, Map.of("q", code)).statusCode(200).body("items", empty());
        ReceivedEvent archived =
                programmes.awaitEvent(e -> id.equals(e.key()) && (PROGRAMME_TYPE + "archived").equals(e.ceType()));
        assertContract(archived);
        as(TestTokens.staff())
                .when()
                .post("/api/v1/programmes/" + id + "/archive")
                .then()
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "illegal-programme-transition"));
    }

    private static io.restassured.response.ValidatableResponse list(String token, Map<String, ?> parameters) {
        return as(token)
                .queryParams(parameters)
                .when()
                .get("/api/v1/programmes")
                .then()
                .log()
                .ifValidationFails();
    }

    private static io.restassured.response.ValidatableResponse change(
            String id, String ifMatch, Map<String, Object> body) {
        var request = as(TestTokens.staff()).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().put("/api/v1/programmes/" + id).then().log().ifValidationFails();
    }
}
