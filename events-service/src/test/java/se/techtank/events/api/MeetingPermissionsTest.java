package se.techtank.events.api;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;
import se.techtank.platform.testing.WatchesTopics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static se.techtank.events.api.MeetingTest.uniqueSeries;
import static se.techtank.events.api.MeetingTest.update;
import static se.techtank.events.api.MeetingsApi.MEETING_TOPIC;
import static se.techtank.events.api.MeetingsApi.PROBLEMS;
import static se.techtank.events.api.MeetingsApi.meeting;
import static se.techtank.events.api.MeetingsApi.plan;
import static se.techtank.events.api.MeetingsApi.publish;
import static se.techtank.events.api.MeetingsApi.published;
import static se.techtank.events.api.MeetingsApi.read;

/**
 * Who may plan, see and manage meetings: staff everything; a municipality's business office its own
 * municipality's meetings; everyone else the published ones. A draft the caller may not see is not found.
 */
@QuarkusTest
class MeetingPermissionsTest extends WatchesTopics {

    private static final Duration QUIET = Duration.ofSeconds(2);

    @Inject
    AgroalDataSource database;

    private final KafkaTestConsumer meetingTopic = watch(MEETING_TOPIC);

    @Test
    void anonymous_callers_members_and_partners_cannot_plan() {
        String series = uniqueSeries();
        Map<String, Object> body = inSeries(series, "1082");

        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/meetings")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unauthenticated"));
        plan(TestTokens.member(UUID.randomUUID()), body)
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "forbidden"));
        plan(TestTokens.partner("iuc-kronoberg"), body).statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));

        assertThat(meetingsInSeries(series)).isZero();
    }

    @Test
    void a_municipality_plans_in_its_own_municipality_only() {
        String series = uniqueSeries();
        String karlshamn = TestTokens.municipality("1082");

        String id = plan(karlshamn, inSeries(series, "1082"))
                .statusCode(201)
                .body("municipalityCode", equalTo("1082"))
                .body("status", equalTo("DRAFT"))
                .extract()
                .path("id");
        plan(karlshamn, inSeries(series, "1080"))
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "forbidden"));

        assertThat(TestSql.queryForString(
                        database,
                        "select string_agg(municipality_code || ' ' || status, ',') from meeting where series = ?",
                        series))
                .isEqualTo("1082 DRAFT");
        // It manages what it planned: reads, changes and publishes it.
        read(karlshamn, id).statusCode(200).body("status", equalTo("DRAFT"));
        publish(karlshamn, id).statusCode(200).body("status", equalTo("PUBLISHED"));
        assertThat(row(id, "status")).isEqualTo("PUBLISHED");
    }

    @Test
    void a_municipality_cannot_move_its_meeting_into_another_municipality() {
        String karlshamn = TestTokens.municipality("1082");
        Map<String, Object> body = inSeries(uniqueSeries(), "1082");
        var created = plan(karlshamn, body).statusCode(201).extract();
        String id = created.path("id");

        body.put("municipalityCode", "1080");
        update(karlshamn, id, created.header("ETag"), body).statusCode(403);

        assertThat(row(id, "municipality_code")).isEqualTo("1082");
    }

    @Test
    void another_municipalitys_draft_is_not_found() {
        Map<String, Object> body = inSeries(uniqueSeries(), "1082");
        var created =
                plan(TestTokens.municipality("1082"), body).statusCode(201).extract();
        String id = created.path("id");
        String karlskrona = TestTokens.municipality("1080");

        read(karlskrona, id)
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "not-found"));
        body.put("title", Map.of("sv", "Kapad av Karlskrona"));
        update(karlskrona, id, created.header("ETag"), body)
                .statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
        publish(karlskrona, id).statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));

        assertThat(row(id, "status || ' ' || title_sv")).isEqualTo("DRAFT Branschträff Karlshamn");
        meetingTopic.assertNoEvent(e -> id.equals(e.key()), QUIET);
    }

    @Test
    void another_municipality_sees_a_published_meeting_but_cannot_manage_it() {
        Map<String, Object> body = inSeries(uniqueSeries(), "1082");
        String id = published(body);
        String karlskrona = TestTokens.municipality("1080");

        read(karlskrona, id).statusCode(200).body("status", equalTo("PUBLISHED"));
        given().auth()
                .oauth2(karlskrona)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Inte vår"))
                .when()
                .post("/api/v1/meetings/" + id + "/cancel")
                .then()
                .statusCode(404);

        assertThat(row(id, "status")).isEqualTo("PUBLISHED");
    }

    @Test
    void anonymous_callers_see_published_meetings_but_not_drafts() {
        String draft = plan(TestTokens.staff(), inSeries(uniqueSeries(), "1082"))
                .statusCode(201)
                .extract()
                .path("id");
        String publishedId = published(inSeries(uniqueSeries(), "1082"));

        read(null, draft)
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "not-found"));
        read(TestTokens.member(UUID.randomUUID()), draft).statusCode(404);
        read(null, publishedId)
                .statusCode(200)
                .body("id", equalTo(publishedId))
                .body("status", equalTo("PUBLISHED"))
                .body("seatsLeft", equalTo(20));

        // Anonymous callers cannot publish either.
        given().when().post("/api/v1/meetings/" + draft + "/publish").then().statusCode(401);
        assertThat(row(draft, "status")).isEqualTo("DRAFT");
    }

    private static Map<String, Object> inSeries(String series, String municipality) {
        Map<String, Object> body = meeting(20);
        body.put("series", series);
        body.put("municipalityCode", municipality);
        return body;
    }

    private String row(String meetingId, String expression) {
        return TestSql.queryForString(database, "select " + expression + " from meeting where id = ?::uuid", meetingId);
    }

    private long meetingsInSeries(String series) {
        return TestSql.queryForLong(database, "select count(*) from meeting where series = ?", series);
    }
}
