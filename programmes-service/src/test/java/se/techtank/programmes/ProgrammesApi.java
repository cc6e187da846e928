package se.techtank.programmes;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import se.techtank.platform.testing.CloudEventFixture;
import se.techtank.platform.testing.Contracts;
import se.techtank.platform.testing.KafkaTestConsumer.ReceivedEvent;
import se.techtank.platform.testing.TestOrganisationNumbers;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The calls the programme and application tests make, and their fixtures, each with fresh data of its own. */
public final class ProgrammesApi {

    public static final String PROBLEMS = "https://api.techtank.se/problems/";
    public static final String PROGRAMME_TOPIC = "programmes.programme.v1";
    public static final String APPLICATION_TOPIC = "programmes.application.v1";
    public static final String PROGRAMME_TYPE = "se.techtank.programmes.programme.";
    public static final String APPLICATION_TYPE = "se.techtank.programmes.application.";

    /** Karlskrona, Blekinge (county 10, served by techtank). */
    public static final String KARLSKRONA = "1080";
    /** Malmö, Skåne (county 12, served by iuc-syd). */
    public static final String MALMO = "1280";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private ProgrammesApi() {}

    // ---------------------------------------------------------------- programmes

    /** A programme code no other test uses, e.g. {@code ROBOT-1A2B3C4D5E}. */
    public static String uniqueCode(String prefix) {
        return prefix + "-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    }

    /** A valid programme body (national, Vinnova, automation) with these rules; change what a test needs. */
    public static Map<String, Object> programme(String code, Map<String, Object> eligibility) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", Map.of("sv", "Robotlyftet " + code, "en", "The Robot Lift " + code));
        body.put("description", Map.of("sv", "Automation för små och medelstora tillverkare."));
        body.put("owner", "IUC_SVERIGE");
        body.put("funders", List.of("VINNOVA"));
        body.put("focusAreas", List.of("AUTOMATION"));
        if (eligibility != null) {
            body.put("eligibility", eligibility);
        }
        return body;
    }

    /** No eligibility rules: every company may apply. */
    public static Map<String, Object> noRules() {
        return Map.of();
    }

    public static ValidatableResponse createProgramme(String token, Map<String, Object> body) {
        return as(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/programmes")
                .then()
                .log()
                .ifValidationFails();
    }

    public static ValidatableResponse publishProgramme(String token, String programmeId) {
        return as(token)
                .when()
                .post("/api/v1/programmes/" + programmeId + "/publish")
                .then()
                .log()
                .ifValidationFails();
    }

    public static ValidatableResponse readProgramme(String token, String programmeId) {
        return as(token)
                .when()
                .get("/api/v1/programmes/" + programmeId)
                .then()
                .log()
                .ifValidationFails();
    }

    /** Creates a draft (as staff); returns its id. */
    public static String draftProgramme(Map<String, Object> body) {
        return createProgramme(TestTokens.staff(), body)
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Creates (as staff) and publishes the programme; returns its id. */
    public static String publishedProgramme(Map<String, Object> body) {
        String id = draftProgramme(body);
        publishProgramme(TestTokens.staff(), id).statusCode(200);
        return id;
    }

    /** A published programme with a fresh code and these rules; returns its id. */
    public static String publishedProgrammeWithRules(Map<String, Object> eligibility) {
        return publishedProgramme(programme(uniqueCode("PROG"), eligibility));
    }

    // ---------------------------------------------------------------- intakes

    /** A valid intake body: run by techtank and iuc-syd for Blekinge and Skåne, with this window and seats. */
    public static Map<String, Object> intake(int seats, OffsetDateTime opens, OffsetDateTime closes) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Omgång " + UUID.randomUUID().toString().substring(0, 6));
        body.put("operatingPartners", List.of("techtank", "iuc-syd"));
        body.put("counties", List.of("10", "12"));
        body.put("applicationOpens", opens.toString());
        body.put("applicationCloses", closes.toString());
        LocalDate starts = closes.toLocalDate().plusDays(14);
        body.put("startsOn", starts.toString());
        body.put("endsOn", starts.plusMonths(6).toString());
        body.put("seats", seats);
        return body;
    }

    /** An intake whose window opened an hour ago and closes in 30 days. */
    public static Map<String, Object> intakeInWindow(int seats) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        return intake(seats, now.minusHours(1), now.plusDays(30));
    }

    /** An intake whose window opens in 10 days (the window job leaves it planned). */
    public static Map<String, Object> futureIntake(int seats) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        return intake(seats, now.plusDays(10), now.plusDays(40));
    }

    public static ValidatableResponse planIntake(String token, String programmeId, Map<String, Object> body) {
        return as(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/programmes/" + programmeId + "/intakes")
                .then()
                .log()
                .ifValidationFails();
    }

    public static ValidatableResponse openIntake(String token, String intakeId) {
        return as(token)
                .when()
                .post("/api/v1/intakes/" + intakeId + "/open")
                .then()
                .log()
                .ifValidationFails();
    }

    public static ValidatableResponse closeIntake(String token, String intakeId) {
        return as(token)
                .when()
                .post("/api/v1/intakes/" + intakeId + "/close")
                .then()
                .log()
                .ifValidationFails();
    }

    public static ValidatableResponse readIntake(String token, String intakeId) {
        return as(token).when().get("/api/v1/intakes/" + intakeId).then().log().ifValidationFails();
    }

    /**
     * Plans an intake of the (published) programme whose window is open now, with {@code seats} seats, and opens
     * it; returns its id. The window job may open it first (its window has opened): then it is open all the same.
     */
    public static String openIntakeOf(String programmeId, int seats) {
        String intakeId = planIntake(TestTokens.staff(), programmeId, intakeInWindow(seats))
                .statusCode(201)
                .extract()
                .path("id");
        int status = openIntake(TestTokens.staff(), intakeId).extract().statusCode();
        if (status != 200) {
            readIntake(TestTokens.staff(), intakeId)
                    .statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("OPEN"));
        }
        return intakeId;
    }

    /** A published programme with these rules and one open intake of {@code seats} seats; returns the intake's id. */
    public static String openIntake(Map<String, Object> eligibility, int seats) {
        return openIntakeOf(publishedProgrammeWithRules(eligibility), seats);
    }

    // ---------------------------------------------------------------- companies (the read model)

    /** A company as the member register describes it (what eligibility uses). */
    public record TestCompany(
            UUID id,
            String organisationNumber,
            String name,
            String municipalityCode,
            Integer numberOfEmployees,
            String sizeClass,
            String primarySni,
            String membershipStatus) {

        /** The token of a person at this member company. */
        public String memberToken() {
            return TestTokens.member(id);
        }
    }

    /** A company with a fresh organisation number; the caller then {@link #register}s it. */
    public static TestCompany newCompany(
            String municipality, Integer employees, String sizeClass, String primarySni, String membership) {
        String organisationNumber = TestOrganisationNumbers.next();
        return new TestCompany(
                UUID.randomUUID(),
                organisationNumber,
                "Verkstad " + organisationNumber,
                municipality,
                employees,
                sizeClass,
                primarySni,
                membership);
    }

    /** A small active member manufacturer in Karlskrona (25 employees, SNI 25.110), in the read model. */
    public static TestCompany memberCompany(DataSource database) {
        return register(database, newCompany(KARLSKRONA, 25, "SMALL", "25.110", "ACTIVE"));
    }

    /** A small active member manufacturer in {@code municipality}, in the read model. */
    public static TestCompany memberCompanyIn(DataSource database, String municipality) {
        return register(database, newCompany(municipality, 25, "SMALL", "25.110", "ACTIVE"));
    }

    /**
     * Publishes the company on members.company.v1 as members-service would, and waits until the read model has
     * it.
     */
    public static TestCompany register(DataSource database, TestCompany company) {
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("companyId", company.id().toString());
        state.put("organisationNumber", company.organisationNumber());
        state.put("legalForm", "LIMITED_COMPANY");
        state.put("name", company.name());
        state.put("municipalityCode", company.municipalityCode());
        state.put("inBlekinge", company.municipalityCode().startsWith("10"));
        if (company.primarySni() != null) {
            state.put("primarySni", company.primarySni());
            state.put("sniSection", "C");
        }
        state.put("secondarySni", List.of());
        if (company.numberOfEmployees() != null) {
            state.put("numberOfEmployees", company.numberOfEmployees());
        }
        if (company.sizeClass() != null) {
            state.put("sizeClass", company.sizeClass());
        }
        if (company.membershipStatus() != null) {
            state.put(
                    "membership",
                    Map.of(
                            "status", company.membershipStatus(),
                            "since", "2026-01-01",
                            "validUntil", "2026-12-31",
                            "feeTier", "TIER_2"));
        }
        state.put("needs", List.of());
        state.put("createdAt", now);
        state.put("modifiedAt", now);
        CloudEventFixture.on("members.company.v1")
                .from("/members-service")
                .type("se.techtank.members.company.updated", "contracts/members/company.updated.v1.json")
                .subject(company.id())
                .data(json(state))
                .send();
        await("company " + company.organisationNumber() + " in the read model")
                .atMost(WAIT)
                .until(() -> Objects.equals(
                        company.id().toString(),
                        TestSql.queryForString(
                                database,
                                "select id::text from company where organisation_number = ?",
                                company.organisationNumber())));
        assertThat(TestSql.queryForString(
                        database,
                        "select concat_ws('/', coalesce(membership_status, '-'), coalesce(number_of_employees::text, '-'),"
                                + " coalesce(size_class, '-'), coalesce(primary_sni, '-')) from company where id = ?::uuid",
                        company.id()))
                .as("the read model's eligibility facts")
                .isEqualTo(String.join(
                        "/",
                        orDash(company.membershipStatus()),
                        orDash(company.numberOfEmployees()),
                        orDash(company.sizeClass()),
                        orDash(company.primarySni())));
        return company;
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }

    // ---------------------------------------------------------------- applications

    /** An application for the company by organisation number only (the register's facts are judged). */
    public static Map<String, Object> application(String organisationNumber) {
        Map<String, Object> company = new HashMap<>();
        company.put("organisationNumber", organisationNumber);
        Map<String, Object> body = new HashMap<>();
        body.put("company", company);
        body.put(
                "contact",
                Map.of(
                        "name", "Anna Berg",
                        "email", "anna." + UUID.randomUUID().toString().substring(0, 8) + "@verkstad.example.se",
                        "language", "SV"));
        body.put("motivation", "Vi vill automatisera svetsningen.");
        return body;
    }

    /** An application for a company the register does not know, with its declared facts. */
    public static Map<String, Object> declaredApplication(
            String organisationNumber, String municipality, Integer employees, String sizeClass, String sniCode) {
        Map<String, Object> body = application(organisationNumber);
        @SuppressWarnings("unchecked")
        Map<String, Object> company = (Map<String, Object>) body.get("company");
        company.put("name", "Deklarerad AB " + organisationNumber);
        company.put("municipalityCode", municipality);
        if (employees != null) {
            company.put("numberOfEmployees", employees);
        }
        if (sizeClass != null) {
            company.put("sizeClass", sizeClass);
        }
        if (sniCode != null) {
            company.put("sniCode", sniCode);
        }
        return body;
    }

    /** The body with a staff override of failed rules. */
    public static Map<String, Object> withOverride(Map<String, Object> body, String reason) {
        body.put("eligibilityOverride", Map.of("reason", reason));
        return body;
    }

    public static ValidatableResponse apply(String token, String intakeId, Map<String, Object> body) {
        return as(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/intakes/" + intakeId + "/applications")
                .then()
                .log()
                .ifValidationFails();
    }

    public static ValidatableResponse applyWithKey(
            String token, String intakeId, String idempotencyKey, Map<String, Object> body) {
        return as(token)
                .header("Idempotency-Key", idempotencyKey)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/intakes/" + intakeId + "/applications")
                .then()
                .log()
                .ifValidationFails();
    }

    public static ValidatableResponse checkEligibility(String token, String intakeId, Map<String, Object> body) {
        return as(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/intakes/" + intakeId + "/eligibility-checks")
                .then()
                .log()
                .ifValidationFails();
    }

    /** Staff submit an application for a company the register knows or not; returns the application's id. */
    public static String submitted(String intakeId, Map<String, Object> body) {
        return apply(TestTokens.staff(), intakeId, body)
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** {@code approve}, {@code reject}, {@code waitlist}, {@code enroll}, {@code complete} or {@code withdraw}. */
    public static ValidatableResponse decide(String token, String applicationId, String action, String reason) {
        RequestSpecification request = as(token).contentType(ContentType.JSON);
        request = reason == null ? request.body("{}") : request.body(Map.of("reason", reason));
        return request.when()
                .post("/api/v1/applications/" + applicationId + "/" + action)
                .then()
                .log()
                .ifValidationFails();
    }

    public static ValidatableResponse readApplication(String token, String applicationId) {
        return as(token)
                .when()
                .get("/api/v1/applications/" + applicationId)
                .then()
                .log()
                .ifValidationFails();
    }

    public static ValidatableResponse history(String token, String applicationId) {
        return as(token)
                .when()
                .get("/api/v1/applications/" + applicationId + "/history")
                .then()
                .log()
                .ifValidationFails();
    }

    public static ValidatableResponse listApplications(String token, Map<String, ?> parameters) {
        return as(token)
                .queryParams(parameters)
                .when()
                .get("/api/v1/applications")
                .then()
                .log()
                .ifValidationFails();
    }

    // ---------------------------------------------------------------- companies with needs

    /** A need as members-service's needs assessment gives it, for the company event's {@code needs}. */
    public static Map<String, Object> need(String focusArea, int priority) {
        return Map.of("focusArea", focusArea, "priority", priority, "assessedOn", "2026-10-01");
    }

    /**
     * Publishes the company with these current needs on members.company.v1 and waits until the read model has
     * them.
     */
    public static TestCompany registerWithNeeds(
            DataSource database, TestCompany company, List<Map<String, Object>> needs) {
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("companyId", company.id().toString());
        state.put("organisationNumber", company.organisationNumber());
        state.put("legalForm", "LIMITED_COMPANY");
        state.put("name", company.name());
        state.put("municipalityCode", company.municipalityCode());
        state.put("inBlekinge", company.municipalityCode().startsWith("10"));
        state.put("primarySni", company.primarySni());
        state.put("sniSection", "C");
        state.put("secondarySni", List.of());
        state.put("numberOfEmployees", company.numberOfEmployees());
        state.put("sizeClass", company.sizeClass());
        state.put(
                "membership",
                Map.of(
                        "status", company.membershipStatus(),
                        "since", "2026-01-01",
                        "validUntil", "2026-12-31",
                        "feeTier", "TIER_2"));
        state.put("needs", needs);
        state.put("createdAt", now);
        state.put("modifiedAt", now);
        CloudEventFixture.on("members.company.v1")
                .from("/members-service")
                .type("se.techtank.members.company.updated", "contracts/members/company.updated.v1.json")
                .subject(company.id())
                .data(json(state))
                .send();
        await("company " + company.organisationNumber() + " with its needs in the read model")
                .atMost(WAIT)
                .until(() -> TestSql.queryForLong(
                                database,
                                "select count(*) from company where id = ?::uuid and needs is not null"
                                        + " and jsonb_array_length(needs::jsonb) = ?::int",
                                company.id(),
                                needs.size())
                        == 1);
        return company;
    }

    // ---------------------------------------------------------------- participation

    /** Staff submit an application for the company, approve and enroll it; returns its id. */
    public static String enrolled(String intakeId, String organisationNumber) {
        String id = submitted(intakeId, application(organisationNumber));
        decide(TestTokens.staff(), id, "approve", null).statusCode(200);
        decide(TestTokens.staff(), id, "enroll", null).statusCode(200);
        return id;
    }

    public static ValidatableResponse logActivity(String token, String applicationId, Object body) {
        return as(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/applications/" + applicationId + "/activities")
                .then()
                .log()
                .ifValidationFails();
    }

    public static ValidatableResponse activities(String token, String applicationId) {
        return as(token)
                .when()
                .get("/api/v1/applications/" + applicationId + "/activities")
                .then()
                .log()
                .ifValidationFails();
    }

    public static ValidatableResponse linkMeetings(String token, String intakeId, Object body) {
        return as(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/v1/intakes/" + intakeId + "/meetings")
                .then()
                .log()
                .ifValidationFails();
    }

    public static ValidatableResponse meetings(String token, String intakeId) {
        return as(token)
                .when()
                .get("/api/v1/intakes/" + intakeId + "/meetings")
                .then()
                .log()
                .ifValidationFails();
    }

    /**
     * events-service's {@code registration.attended} for someone of the company {@code organisationNumber} (null:
     * a private person) at the meeting, from {@code start} to {@code end}; the caller sends it.
     */
    public static CloudEventFixture attended(
            UUID registrationId, UUID meetingId, String organisationNumber, OffsetDateTime start, OffsetDateTime end) {
        Map<String, Object> meeting = new LinkedHashMap<>();
        meeting.put("title", Map.of("sv", "Robotträff " + meetingId.toString().substring(0, 6)));
        meeting.put("start", start.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        meeting.put("end", end.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        meeting.put("timeZone", "Europe/Stockholm");
        meeting.put("venue", Map.of("name", "Techtank, Karlskrona"));
        meeting.put("municipalityCode", KARLSKRONA);
        meeting.put("status", "PUBLISHED");
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("registrationId", registrationId.toString());
        state.put("meetingId", meetingId.toString());
        state.put("status", "ATTENDED");
        state.put(
                "attendee",
                Map.of(
                        "name", "Deltagare " + registrationId.toString().substring(0, 6),
                        "email", "deltagare." + registrationId.toString().substring(0, 8) + "@verkstad.example.se",
                        "language", "sv"));
        state.put("cancellationLink", "https://events.techtank.se/cancel/" + registrationId);
        if (organisationNumber != null) {
            state.put("organisationNumber", organisationNumber);
        }
        state.put("checkInCode", "ABC234");
        state.put("meeting", meeting);
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        state.put("registeredAt", now);
        state.put("modifiedAt", now);
        state.put("anonymised", false);
        return CloudEventFixture.on("events.registration.v1")
                .from("/events-service")
                .type("se.techtank.events.registration.attended", "contracts/events/registration.attended.v1.json")
                .subject(registrationId)
                .data(json(state));
    }

    /** Waits until {@code consumer} has processed the event {@code eventId} (it is in platform.inbox). */
    public static void awaitProcessed(DataSource database, String consumer, String eventId) {
        await("event " + eventId + " processed by " + consumer)
                .atMost(WAIT)
                .until(() -> TestSql.queryForLong(
                                database,
                                "select count(*) from platform.inbox where consumer = ? and event_id = ?",
                                consumer,
                                eventId)
                        == 1);
    }

    // ---------------------------------------------------------------- reports, statistics, recommendations

    public static ValidatableResponse report(String token, String programmeId) {
        return as(token)
                .when()
                .get("/api/v1/programmes/" + programmeId + "/report")
                .then()
                .log()
                .ifValidationFails();
    }

    public static ValidatableResponse reportCsv(String token, String programmeId) {
        return as(token)
                .accept("text/csv")
                .when()
                .get("/api/v1/programmes/" + programmeId + "/report.csv")
                .then()
                .log()
                .ifValidationFails();
    }

    public static ValidatableResponse statistics(String token, Map<String, ?> parameters) {
        return as(token)
                .queryParams(parameters)
                .when()
                .get("/api/v1/statistics/programmes")
                .then()
                .log()
                .ifValidationFails();
    }

    public static ValidatableResponse recommendations(String token, Map<String, ?> parameters) {
        return as(token)
                .queryParams(parameters)
                .when()
                .get("/api/v1/recommendations")
                .then()
                .log()
                .ifValidationFails();
    }

    // ---------------------------------------------------------------- erasure

    public static ValidatableResponse eraseApplicant(String token, Object body) {
        return as(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/applicants/erase")
                .then()
                .log()
                .ifValidationFails();
    }

    /** A contact event as members-service publishes it on members.contact.v1; the caller sends it. */
    public static CloudEventFixture contactEvent(UUID contactId, String fact, String email) {
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        boolean erased = fact.equals("erased");
        boolean removed = fact.equals("removed");
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("contactId", contactId.toString());
        state.put("companyId", UUID.randomUUID().toString());
        if (!erased && !removed) {
            state.put("name", "Kontakt Person");
            state.put("email", email);
        }
        state.put("language", "sv");
        state.put("consents", Map.of("MEETING_INVITATIONS", Map.of("given", false, "changedAt", now)));
        state.put("erased", erased);
        if (erased) {
            state.put("erasedAt", now);
        }
        state.put("removed", removed);
        state.put("createdAt", now);
        state.put("modifiedAt", now);
        return CloudEventFixture.on("members.contact.v1")
                .from("/members-service")
                .type("se.techtank.members.contact." + fact, "contracts/members/contact." + fact + ".v1.json")
                .subject(contactId)
                .data(json(state));
    }

    // ---------------------------------------------------------------- events

    /** Asserts the event's payload against its contract, contracts/programmes/{aggregate}.{fact}.v1.json. */
    public static void assertContract(ReceivedEvent event) {
        String type = event.ceType();
        assertThat(type).startsWith("se.techtank.programmes.");
        String aggregateAndFact = type.substring("se.techtank.programmes.".length());
        Contracts.assertValid("contracts/programmes/" + aggregateAndFact + ".v1.json", event.value());
    }

    // ---------------------------------------------------------------- plumbing

    /** A request as the token's bearer; anonymous when {@code token} is null. */
    public static RequestSpecification as(String token) {
        RequestSpecification request = given().log().ifValidationFails();
        return token == null ? request : request.auth().oauth2(token);
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
