package se.techtank.notifications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.CloudEventFixture;
import se.techtank.platform.testing.TestOrganisationNumbers;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Partner webhooks: the subscription API (who may do what, which URLs and event types), Standard Webhooks
 * signatures (verified here independently, also after a rotation), retries, 410, and which partner an event
 * reaches. The receiver is {@link WebhookReceiver}; temporary failures are tried again within a second.
 */
@QuarkusTest
@TestProfile(WebhookTest.ShortRetries.class)
class WebhookTest {

    public static class ShortRetries implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "techtank.notifications.webhooks.retry-delay", "PT0.2S",
                    "techtank.notifications.webhooks.max-retry-delay", "PT1S",
                    "techtank.notifications.webhooks.timeout", "PT5S");
        }
    }

    private static final String PATH = "/api/v1/webhook-subscriptions";
    private static final String APPLICATIONS = "se.techtank.programmes.application.*";
    private static final String INTAKE_OPENED = "se.techtank.programmes.programme.intake-opened";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource database;

    private final WebhookReceiver receiver = WebhookReceiver.get();

    @Test
    void a_ping_is_signed_with_the_secret_and_after_a_rotation_with_both_secrets() throws Exception {
        String partner = newPartner();
        String path = "/hook/" + UUID.randomUUID();
        JsonNode created = create(TestTokens.partner(partner), receiver.url(path), List.of(INTAKE_OPENED))
                .statusCode(201)
                .body("partnerId", equalTo(partner))
                .body("secret", startsWith("whsec_"))
                .extract()
                .as(JsonNode.class);
        String id = created.get("id").asText();
        String secret = created.get("secret").asText();
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(24);
        read(TestTokens.partner(partner), id).statusCode(200).body("secret", nullValue());

        ping(TestTokens.partner(partner), id);
        WebhookReceiver.Received first = awaitRequests(path, 1).get(0);
        assertThat(first.contentType()).startsWith("application/json");
        assertThat(Math.abs(Long.parseLong(first.timestamp()) - Instant.now().getEpochSecond()))
                .isLessThan(300);
        assertThat(signatures(first)).hasSize(1);
        assertThat(verifies(secret, first)).isTrue();
        assertThat(TestSql.queryForString(database, "select id::text from delivery where id = ?::uuid", first.id()))
                .isEqualTo(first.id());
        JsonNode event = JSON.readTree(first.body());
        assertThat(event.get("type").asText()).isEqualTo("se.techtank.notifications.webhook.ping");
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("data").path("subscriptionId").asText()).isEqualTo(id);

        String rotated = RestAssured.given()
                .auth()
                .oauth2(TestTokens.partner(partner))
                .post(PATH + "/" + id + "/rotate-secret")
                .then()
                .statusCode(200)
                .body("previousSecretValidUntil", notNullValue())
                .extract()
                .path("secret");
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);

        ping(TestTokens.partner(partner), id);
        WebhookReceiver.Received second = awaitRequests(path, 2).get(1);
        assertThat(signatures(second)).hasSize(2);
        assertThat(verifies(rotated, second)).isTrue();
        assertThat(verifies(secret, second)).isTrue();
        assertThat(verifies(WebhookTestSecrets.other(), second)).isFalse();
    }

    @Test
    void a_receiver_failing_three_times_gets_the_event_on_the_fourth_attempt_once() {
        String partner = newPartner();
        String path = "/hook/" + UUID.randomUUID();
        String id = createdId(TestTokens.partner(partner), receiver.url(path, 500, 500, 500, 200));

        ping(TestTokens.partner(partner), id);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "SENT"
                        .equals(TestSql.queryForString(
                                database, "select status from delivery where subscription_id = ?::uuid", id)));
        assertThat(TestSql.queryForLong(database, "select attempts from delivery where subscription_id = ?::uuid", id))
                .isEqualTo(4);
        List<WebhookReceiver.Received> requests = receiver.at(path);
        assertThat(requests).hasSize(4);
        assertThat(requests.stream().map(WebhookReceiver.Received::id).distinct())
                .hasSize(1);
        assertThat(TestSql.queryForString(
                        database, "select last_error from delivery where subscription_id = ?::uuid", id))
                .isNull();
    }

    @Test
    void a_partner_reads_the_deliveries_to_its_own_webhooks_only() {
        String mine = newPartner();
        String theirs = newPartner();
        String myId = createdId(TestTokens.partner(mine), receiver.url("/hook/" + UUID.randomUUID()));
        String theirId = createdId(TestTokens.partner(theirs), receiver.url("/hook/" + UUID.randomUUID()));
        ping(TestTokens.partner(mine), myId);
        ping(TestTokens.partner(theirs), theirId);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSql.queryForLong(
                                database,
                                "select count(*) from delivery where subscription_id in (?::uuid, ?::uuid)"
                                        + " and status = 'SENT'",
                                myId,
                                theirId)
                        == 2);
        String theirDelivery = TestSql.queryForString(
                database, "select id::text from delivery where subscription_id = ?::uuid", theirId);

        RestAssured.given()
                .auth()
                .oauth2(TestTokens.partner(mine))
                .get("/api/v1/deliveries")
                .then()
                .statusCode(200)
                .body("totalItems", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].recipient.subscriptionId", org.hamcrest.Matchers.equalTo(myId))
                .body("items[0].channel", org.hamcrest.Matchers.equalTo("WEBHOOK"));
        RestAssured.given()
                .auth()
                .oauth2(TestTokens.partner(mine))
                .get("/api/v1/deliveries/" + theirDelivery)
                .then()
                .statusCode(404);
        RestAssured.given()
                .auth()
                .oauth2(TestTokens.staff())
                .get("/api/v1/deliveries/" + theirDelivery)
                .then()
                .statusCode(200)
                .body("recipient.subscriptionId", org.hamcrest.Matchers.equalTo(theirId));
    }

    @Test
    void a_receiver_answering_410_fails_the_delivery_and_disables_the_subscription() {
        String partner = newPartner();
        String path = "/hook/" + UUID.randomUUID();
        String url = receiver.url(path, 410);
        String id = createdId(TestTokens.partner(partner), url);

        ping(TestTokens.partner(partner), id);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "FAILED"
                        .equals(TestSql.queryForString(
                                database, "select status from delivery where subscription_id = ?::uuid", id)));
        read(TestTokens.partner(partner), id)
                .statusCode(200)
                .body("enabled", equalTo(false))
                .body("disabledReason", startsWith("The receiver answered 410"));
        assertThat(receiver.at(path)).hasSize(1);
        assertThat(TestSql.queryForString(
                        database, "select last_error from delivery where subscription_id = ?::uuid", id))
                .isEqualTo("HTTP 410")
                .doesNotContain("127.0.0.1");
    }

    @Test
    void urls_that_are_not_https_or_reach_private_networks_are_refused() {
        String token = TestTokens.partner(newPartner());
        for (String url : List.of(
                "https://10.0.0.1/hook",
                "https://192.168.1.20/hook",
                "https://localhost/x",
                "https://127.0.0.1/x",
                "https://169.254.169.254/latest",
                "https://[fd00::1]/hook",
                "https://0.0.0.0/x",
                "http://example.com/hook")) {
            create(token, url, List.of(APPLICATIONS))
                    .statusCode(422)
                    .body("type", equalTo("https://api.techtank.se/problems/webhook-url-not-allowed"))
                    .body("errors.field", hasItem("url"));
        }
    }

    @Test
    void an_unknown_event_type_is_refused_with_the_field_named() {
        create(
                        TestTokens.partner(newPartner()),
                        receiver.url("/hook/" + UUID.randomUUID()),
                        List.of("se.techtank.members.company.membership-activated"))
                .statusCode(422)
                .body("type", equalTo("https://api.techtank.se/problems/validation-failed"))
                .body("errors.field", hasItem("eventTypes"));
    }

    @Test
    void another_partners_subscription_is_not_found() {
        String owner = newPartner();
        String id = createdId(TestTokens.partner(owner), receiver.url("/hook/" + UUID.randomUUID()));
        String stranger = TestTokens.partner(newPartner());

        read(stranger, id).statusCode(404);
        RestAssured.given()
                .auth()
                .oauth2(stranger)
                .delete(PATH + "/" + id)
                .then()
                .statusCode(404);
        RestAssured.given()
                .auth()
                .oauth2(stranger)
                .post(PATH + "/" + id + "/ping")
                .then()
                .statusCode(404);
        RestAssured.given()
                .auth()
                .oauth2(stranger)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItem(id)));
        read(TestTokens.partner(owner), id).statusCode(200);
        read(TestTokens.staff(), id).statusCode(200).body("partnerId", equalTo(owner));
    }

    @Test
    void members_and_municipalities_may_not_subscribe_anonymous_callers_are_unknown_and_staff_name_the_partner() {
        String url = receiver.url("/hook/" + UUID.randomUUID());
        create(TestTokens.member(UUID.randomUUID()), url, List.of(APPLICATIONS)).statusCode(403);
        create(TestTokens.municipality("1082"), url, List.of(APPLICATIONS)).statusCode(403);
        RestAssured.given()
                .auth()
                .oauth2(TestTokens.municipality("1082"))
                .get(PATH)
                .then()
                .statusCode(403);
        RestAssured.given()
                .contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of(APPLICATIONS)))
                .post(PATH)
                .then()
                .statusCode(401);
        RestAssured.given().get(PATH).then().statusCode(401);

        String partner = newPartner();
        RestAssured.given()
                .auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body(Map.of("partnerId", partner, "url", url, "eventTypes", List.of(APPLICATIONS)))
                .post(PATH)
                .then()
                .statusCode(201)
                .body("partnerId", equalTo(partner));
        create(TestTokens.staff(), url, List.of(APPLICATIONS))
                .statusCode(422)
                .body("errors.field", hasItem("partnerId"));
    }

    @Test
    void a_change_needs_the_current_etag_and_a_delete_stops_the_subscription() {
        String token = TestTokens.partner(newPartner());
        String id = createdId(token, receiver.url("/hook/" + UUID.randomUUID()));
        String newUrl = receiver.url("/hook/" + UUID.randomUUID());
        Map<String, Object> body = Map.of("url", newUrl, "eventTypes", List.of(INTAKE_OPENED), "enabled", true);

        RestAssured.given()
                .auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .put(PATH + "/" + id)
                .then()
                .statusCode(428);
        RestAssured.given()
                .auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"7\"")
                .body(body)
                .put(PATH + "/" + id)
                .then()
                .statusCode(412);
        RestAssured.given()
                .auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(body)
                .put(PATH + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("url", equalTo(newUrl))
                .body("eventTypes", equalTo(List.of(INTAKE_OPENED)));

        RestAssured.given().auth().oauth2(token).delete(PATH + "/" + id).then().statusCode(204);
        read(token, id).statusCode(404);
    }

    @Test
    void an_application_reaches_the_partner_serving_the_companys_county_and_the_submitter_only() {
        // techtank serves county 10 (Blekinge): application.properties' partner-counties.
        String techtankPath = "/hook/" + UUID.randomUUID();
        createdId(TestTokens.partner("techtank"), receiver.url(techtankPath), List.of(APPLICATIONS));
        String submitter = newPartner();
        String submitterPath = "/hook/" + UUID.randomUUID();
        createdId(TestTokens.partner(submitter), receiver.url(submitterPath), List.of(APPLICATIONS));

        String elsewhere = application("approved", "APPROVED", "1280", submitter);
        String blekinge = application("submitted", "SUBMITTED", "1082", null);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> receiver.at(techtankPath).stream()
                        .anyMatch(r -> r.body().contains(blekinge)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> receiver.at(submitterPath).stream()
                        .anyMatch(r -> r.body().contains(elsewhere)));
        assertThat(receiver.at(techtankPath)).noneMatch(r -> r.body().contains(elsewhere));
        assertThat(receiver.at(submitterPath)).noneMatch(r -> r.body().contains(blekinge));
        assertThat(TestSql.queryForLong(
                        database,
                        "select count(*) from delivery where source_key = ? and channel = 'WEBHOOK'"
                                + " and kind = 'PARTNER_WEBHOOK'",
                        blekinge))
                .isGreaterThanOrEqualTo(1);

        WebhookReceiver.Received received = receiver.at(techtankPath).stream()
                .filter(r -> r.body().contains(blekinge))
                .findFirst()
                .orElseThrow();
        assertThat(received.body())
                .contains("\"type\":\"se.techtank.programmes.application.submitted\"")
                .contains("\"datacontenttype\":\"application/json\"")
                .contains("\"municipalityCode\":\"1082\"");
    }

    @Test
    void an_opened_intake_reaches_its_operating_partners() {
        String operator = newPartner();
        String path = "/hook/" + UUID.randomUUID();
        createdId(TestTokens.partner(operator), receiver.url(path), List.of(INTAKE_OPENED));
        String bystander = newPartner();
        String bystanderPath = "/hook/" + UUID.randomUUID();
        createdId(TestTokens.partner(bystander), receiver.url(bystanderPath), List.of(INTAKE_OPENED));

        String eventId = intakeOpened(operator);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> receiver.at(path).stream().anyMatch(r -> r.body().contains(eventId)));
        assertThat(receiver.at(bystanderPath)).isEmpty();
    }

    @Test
    void an_anonymised_application_leaves_no_contact_in_its_webhook_deliveries() {
        String partner = newPartner();
        String path = "/hook/" + UUID.randomUUID();
        String subscription = createdId(TestTokens.partner(partner), receiver.url(path), List.of(APPLICATIONS));
        UUID applicationId = UUID.randomUUID();
        String contact = ",\"contact\":{\"name\":\"Hanna Krok\",\"email\":\"%s\",\"language\":\"SV\"}"
                .formatted(NotificationFixtures.email("hook-contact"));
        application("approved", "APPROVED", applicationId, "1280", partner, contact);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "SENT"
                        .equals(TestSql.queryForString(
                                database,
                                "select status from delivery where subscription_id = ?::uuid",
                                subscription)));
        assertThat(receiver.at(path).get(0).body()).contains("Hanna Krok");

        application("anonymised", "APPROVED", applicationId, "1280", partner, "");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSql.queryForLong(
                                database,
                                "select count(*) from delivery where subscription_id = ?::uuid and model = '{}'::jsonb",
                                subscription)
                        == 1);
        assertThat(TestSql.queryForLong(
                        database, "select count(*) from delivery d where d::text ilike ?", "%Hanna Krok%"))
                .isZero();
    }

    // --- helpers

    private static String newPartner() {
        return "partner-" + UUID.randomUUID();
    }

    private static ValidatableResponse create(String token, String url, List<String> eventTypes) {
        return RestAssured.given()
                .auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", eventTypes))
                .post(PATH)
                .then();
    }

    private static String createdId(String token, String url) {
        return createdId(token, url, List.of(INTAKE_OPENED));
    }

    private static String createdId(String token, String url, List<String> eventTypes) {
        return create(token, url, eventTypes).statusCode(201).extract().path("id");
    }

    private static ValidatableResponse read(String token, String id) {
        return RestAssured.given().auth().oauth2(token).get(PATH + "/" + id).then();
    }

    private static void ping(String token, String id) {
        RestAssured.given()
                .auth()
                .oauth2(token)
                .post(PATH + "/" + id + "/ping")
                .then()
                .statusCode(202)
                .body("eventId", notNullValue());
    }

    private List<WebhookReceiver.Received> awaitRequests(String path, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at(path).size() >= count);
        return receiver.at(path);
    }

    private static List<String> signatures(WebhookReceiver.Received received) {
        return List.of(received.signature().split(" "));
    }

    /** Standard Webhooks verification, as a receiver would write it (not the service's code). */
    private static boolean verifies(String secret, WebhookReceiver.Received received) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signed = received.id() + "." + received.timestamp() + "." + received.body();
        byte[] expected = mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        for (String signature : signatures(received)) {
            String[] parts = signature.split(",", 2);
            if (parts.length == 2
                    && "v1".equals(parts[0])
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                return true;
            }
        }
        return false;
    }

    private static String application(String fact, String status, String municipalityCode, String partnerId) {
        return application(fact, status, UUID.randomUUID(), municipalityCode, partnerId, "");
    }

    private static String application(
            String fact, String status, UUID applicationId, String municipalityCode, String partnerId, String extra) {
        String submittedBy = partnerId == null
                ? "{\"role\":\"MEMBER\"}"
                : "{\"role\":\"PARTNER\",\"partnerId\":\"%s\"}".formatted(partnerId);
        return CloudEventFixture.on("programmes.application.v1")
                .from("/programmes-service")
                .type(
                        "se.techtank.programmes.application." + fact,
                        "contracts/programmes/application." + fact + ".v1.json")
                .subject(applicationId)
                .time(OffsetDateTime.now())
                .data("""
                        {"applicationId":"%s","programmeId":"%s","programmeCode":"ROBOTLYFTET","intakeId":"%s",
                         "company":{"organisationNumber":"%s","name":"Hook Test AB","municipalityCode":"%s",
                                    "factsSource":"REGISTER"},
                         "submittedBy":%s,"status":"%s",
                         "eligibility":{"rules":[],"unknown":false},
                         "submittedAt":"2026-12-01T10:00:00Z","modifiedAt":"2026-12-01T10:00:00Z"%s}
                        """.formatted(
                                applicationId,
                                UUID.randomUUID(),
                                UUID.randomUUID(),
                                TestOrganisationNumbers.next(),
                                municipalityCode,
                                submittedBy,
                                status,
                                extra))
                .send();
    }

    private static String intakeOpened(String operator) {
        UUID programmeId = UUID.randomUUID();
        UUID intakeId = UUID.randomUUID();
        return CloudEventFixture.on("programmes.programme.v1")
                .from("/programmes-service")
                .type(
                        "se.techtank.programmes.programme.intake-opened",
                        "contracts/programmes/programme.intake-opened.v1.json")
                .subject(programmeId)
                .time(OffsetDateTime.now())
                .data("""
                        {"programmeId":"%s","intakeId":"%s","code":"HOOKS","name":{"sv":"Krokar","en":"Hooks"},
                         "description":{"sv":"Test."},"owner":"IUC_SVERIGE",
                         "funders":["VINNOVA"],"focusAreas":["AUTOMATION"],"eligibility":{},"status":"PUBLISHED",
                         "intakes":[{"intakeId":"%s","name":"Spring 2027","operatingPartners":["%s"],
                           "counties":["99"],"applicationOpensAt":"2027-01-01T00:00:00Z",
                           "applicationClosesAt":"2027-03-01T00:00:00Z","startsOn":"2027-09-01",
                           "endsOn":"2028-06-30","seats":10,"seatsTaken":0,"status":"OPEN"}],
                         "modifiedAt":"2026-12-01T10:00:00Z"}
                        """.formatted(programmeId, intakeId, intakeId, operator))
                .send();
    }
}
