package se.techtank.events.api;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import se.techtank.events.EventsTestInfrastructure;
import se.techtank.events.domain.MeetingTime;
import se.techtank.platform.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

/**
 * The iCalendar of one meeting and the feed, read back with ical4j (a reader we did not write): valid
 * RFC 5545, stable UIDs, Stockholm times right on either side of a daylight-saving change, SEQUENCE and
 * STATUS following reschedules and cancellations.
 */
@QuarkusTest
class CalendarTest extends EventsTestInfrastructure {

    private static final String UID_SUFFIX = "@events.techtank.se";

    @TestHTTPResource("/")
    URL base;

    @Test
    void a_meeting_is_one_event_whose_uid_stays_the_same() {
        String id = MeetingsApi.publishedMeeting(40);

        ValidatableResponse response =
                calendarOf(id, null).header("Content-Disposition", "attachment; filename=\"meeting-" + id + ".ics\"");
        Calendar first = parse(response.extract().asByteArray());
        Calendar second = parse(calendarOf(id, null).extract().asByteArray());

        VEvent event = onlyEvent(first);
        assertThat(value(event, "UID")).isEqualTo(id + UID_SUFFIX);
        assertThat(value(onlyEvent(second), "UID")).isEqualTo(value(event, "UID"));
        assertThat(value(first, "VERSION")).isEqualTo("2.0");
        assertThat(value(first, "METHOD")).isEqualTo("PUBLISH");
        assertThat(value(first, "CALSCALE")).isEqualTo("GREGORIAN");
        assertThat(value(first, "PRODID")).isNotBlank();
        assertThat(value(first, "X-WR-CALNAME")).isEqualTo("Branschträff Karlshamn");
        assertThat(value(event, "SUMMARY")).isEqualTo("Branschträff Karlshamn");
        assertThat(value(event, "DESCRIPTION")).isEqualTo("Frukostmöte om automation.");
        assertThat(value(event, "LOCATION")).isEqualTo("Väggaparken konferens, Väggavägen 1, 374 35 Karlshamn");
        assertThat(value(event, "STATUS")).isEqualTo("CONFIRMED");
        assertThat(value(event, "SEQUENCE")).isEqualTo("0");
        assertThat(event.getProperty("URL")).isEmpty();
        assertThat(value(event, "DTSTAMP")).endsWith("Z");
        assertThat(value(event, "CREATED")).endsWith("Z");
        assertThat(value(event, "LAST-MODIFIED")).endsWith("Z");
        assertThat(end(event)).isEqualTo(start(event).plus(Duration.ofHours(2)));
    }

    @Test
    void a_summer_start_is_at_plus_two_hours_and_a_winter_start_at_plus_one() {
        String summer = MeetingsApi.published(at(MeetingsApi.meeting(40), LocalDateTime.parse("2027-07-15T08:00")));
        String winter = MeetingsApi.published(at(MeetingsApi.meeting(40), LocalDateTime.parse("2027-01-14T08:00")));

        byte[] summerBody = calendarOf(summer, null).extract().asByteArray();
        byte[] winterBody = calendarOf(winter, null).extract().asByteArray();

        assertThat(start(onlyEvent(parse(summerBody)))).isEqualTo(Instant.parse("2027-07-15T06:00:00Z"));
        assertThat(start(onlyEvent(parse(winterBody)))).isEqualTo(Instant.parse("2027-01-14T07:00:00Z"));
        // Local wall-clock times with the zone, not UTC: calendars keep 08:00 at 08:00.
        assertThat(unfolded(summerBody)).contains("DTSTART;TZID=Europe/Stockholm:20270715T080000\r\n");
        assertThat(unfolded(winterBody)).contains("DTEND;TZID=Europe/Stockholm:20270114T100000\r\n");
    }

    @Test
    void meetings_on_the_daylight_saving_weekends_keep_their_local_times() {
        String saturdayBefore =
                MeetingsApi.published(at(MeetingsApi.meeting(40), LocalDateTime.parse("2027-10-30T10:00")));
        String autumnSunday =
                MeetingsApi.published(at(MeetingsApi.meeting(40), LocalDateTime.parse("2027-10-31T10:00")));
        String springSunday =
                MeetingsApi.published(at(MeetingsApi.meeting(40), LocalDateTime.parse("2027-03-28T10:00")));
        // 01:00–04:00 local on the night the clocks go back: four hours, not three.
        Map<String, Object> overnight = at(MeetingsApi.meeting(40), LocalDateTime.parse("2027-10-31T01:00"));
        overnight.put("end", "2027-10-31T04:00");
        String acrossTheChange = MeetingsApi.published(overnight);

        assertThat(start(onlyEvent(calendar(saturdayBefore)))).isEqualTo(Instant.parse("2027-10-30T08:00:00Z"));
        assertThat(start(onlyEvent(calendar(autumnSunday)))).isEqualTo(Instant.parse("2027-10-31T09:00:00Z"));
        assertThat(start(onlyEvent(calendar(springSunday)))).isEqualTo(Instant.parse("2027-03-28T08:00:00Z"));
        VEvent night = onlyEvent(calendar(acrossTheChange));
        assertThat(start(night)).isEqualTo(Instant.parse("2027-10-30T23:00:00Z"));
        assertThat(end(night)).isEqualTo(Instant.parse("2027-10-31T03:00:00Z"));
    }

    @Test
    void rescheduling_raises_the_sequence_and_keeps_the_uid() {
        Map<String, Object> body = at(MeetingsApi.meeting(40), LocalDateTime.parse("2027-09-16T08:00"));
        String id = MeetingsApi.published(body);
        VEvent before = onlyEvent(calendar(id));
        assertThat(value(before, "SEQUENCE")).isEqualTo("0");

        String etag = MeetingsApi.read(TestTokens.staff(), id)
                .statusCode(200)
                .extract()
                .header("ETag");
        at(body, LocalDateTime.parse("2027-09-23T09:00"));
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(body)
                .when()
                .put("/api/v1/meetings/" + id)
                .then()
                .statusCode(200);

        VEvent after = onlyEvent(calendar(id));
        assertThat(value(after, "UID")).isEqualTo(id + UID_SUFFIX);
        assertThat(value(after, "SEQUENCE")).isEqualTo("1");
        assertThat(value(after, "STATUS")).isEqualTo("CONFIRMED");
        assertThat(start(after)).isEqualTo(Instant.parse("2027-09-23T07:00:00Z"));
        assertThat(end(after)).isEqualTo(Instant.parse("2027-09-23T09:00:00Z"));
    }

    @Test
    void a_cancelled_meeting_is_marked_cancelled_in_its_calendar_and_in_the_feed() {
        String series = uniqueSeries();
        String id = MeetingsApi.published(inSeries(MeetingsApi.meeting(40), series));

        cancel(id, "Föreläsaren är sjuk.");

        VEvent event = onlyEvent(calendar(id));
        assertThat(value(event, "STATUS")).isEqualTo("CANCELLED");
        assertThat(value(event, "SEQUENCE")).isEqualTo("1");
        assertThat(value(event, "UID")).isEqualTo(id + UID_SUFFIX);
        assertThat(value(event, "SUMMARY")).isEqualTo("Inställt: Branschträff Karlshamn");
        assertThat(value(event, "DESCRIPTION")).startsWith("Inställt: Föreläsaren är sjuk.");
        VEvent inFeed = onlyEvent(feed(Map.of("series", series)));
        assertThat(value(inFeed, "UID")).isEqualTo(id + UID_SUFFIX);
        assertThat(value(inFeed, "STATUS")).isEqualTo("CANCELLED");
        assertThat(value(inFeed, "SEQUENCE")).isEqualTo("1");
    }

    @Test
    void the_feed_has_the_public_meetings_of_the_municipality_and_no_drafts() {
        String series = uniqueSeries();
        String karlshamn = MeetingsApi.published(inSeries(MeetingsApi.meeting(40), series));
        Map<String, Object> inKarlskrona = inSeries(MeetingsApi.meeting(40), series);
        inKarlskrona.put("municipalityCode", "1080");
        String karlskrona = MeetingsApi.published(inKarlskrona);
        String draft = MeetingsApi.plan(TestTokens.staff(), inSeries(MeetingsApi.meeting(40), series))
                .statusCode(201)
                .extract()
                .path("id");
        LocalDateTime today = LocalDate.now(MeetingTime.ZONE).atTime(8, 0);
        String endedLastWeek = MeetingsApi.published(at(inSeries(MeetingsApi.meeting(40), series), today.minusDays(7)));
        String endedLongAgo =
                MeetingsApi.published(at(inSeries(MeetingsApi.meeting(40), series), today.minusDays(120)));

        Calendar inMunicipality = feed(Map.of("municipality", "1082", "series", series));
        Calendar wholeSeries = feed(Map.of("series", series));

        assertThat(uids(inMunicipality)).containsExactly(endedLastWeek + UID_SUFFIX, karlshamn + UID_SUFFIX);
        assertThat(uids(wholeSeries))
                .containsExactlyInAnyOrder(endedLastWeek + UID_SUFFIX, karlshamn + UID_SUFFIX, karlskrona + UID_SUFFIX)
                .doesNotContain(draft + UID_SUFFIX, endedLongAgo + UID_SUFFIX);
        assertThat(value(inMunicipality, "X-WR-CALNAME")).isEqualTo("Techtank: " + series + " (1082)");
        assertThat(value(inMunicipality, "REFRESH-INTERVAL")).isEqualTo("PT1H");
    }

    @Test
    void the_feed_without_filters_has_no_drafts() {
        String draft = MeetingsApi.plan(TestTokens.staff(), MeetingsApi.meeting(40))
                .statusCode(201)
                .extract()
                .path("id");

        Calendar all = parse(given().auth()
                .oauth2(TestTokens.staff())
                .when()
                .get("/api/v1/calendar.ics")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());

        assertThat(value(all, "X-WR-CALNAME")).isEqualTo("Techtank: träffar och konferenser");
        assertThat(uids(all)).doesNotContain(draft + UID_SUFFIX);
        all.<VEvent>getComponents("VEVENT")
                .forEach(event -> assertThat(value(event, "STATUS")).isIn("CONFIRMED", "CANCELLED"));
    }

    @Test
    void the_feed_narrows_to_a_kind_and_an_online_meeting_is_located_at_its_link() {
        String series = uniqueSeries();
        MeetingsApi.published(inSeries(MeetingsApi.meeting(40), series));
        Map<String, Object> online = inSeries(MeetingsApi.meeting(40), series);
        online.put("kind", "WEBINAR");
        online.remove("venue");
        online.put("onlineLink", "https://meet.example.se/webbinarium?id=7,8;x");
        String webinar = MeetingsApi.published(online);

        VEvent event = onlyEvent(feed(Map.of("series", series, "kind", "WEBINAR")));

        assertThat(value(event, "UID")).isEqualTo(webinar + UID_SUFFIX);
        assertThat(value(event, "LOCATION")).isEqualTo("https://meet.example.se/webbinarium?id=7,8;x");
        assertThat(value(event, "URL")).isEqualTo("https://meet.example.se/webbinarium?id=7,8;x");
    }

    @Test
    void an_unknown_meeting_or_a_draft_of_someone_else_is_a_404_problem() {
        String draft = MeetingsApi.plan(TestTokens.staff(), MeetingsApi.meeting(40))
                .statusCode(201)
                .extract()
                .path("id");

        for (String id : List.of(UUID.randomUUID().toString(), draft)) {
            given().accept("text/calendar")
                    .when()
                    .get("/api/v1/meetings/" + id + "/calendar.ics")
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo(MeetingsApi.PROBLEMS + "not-found"))
                    .body("status", equalTo(404));
        }
        calendarOf(draft, TestTokens.municipality("1080"), 404);
        VEvent forOrganiser = onlyEvent(parse(
                calendarOf(draft, TestTokens.municipality("1082")).extract().asByteArray()));
        assertThat(value(forOrganiser, "STATUS")).isEqualTo("TENTATIVE");
    }

    @Test
    void the_calendars_answer_text_calendar_to_whatever_accept_a_calendar_client_sends() throws Exception {
        String id = MeetingsApi.published(MeetingsApi.meeting(40));
        // A calendar subscription sends no Accept, */*, text/calendar (sometimes with a charset) or a browser's.
        List<String> accepts = List.of(
                "",
                "*/*",
                "text/calendar",
                "text/calendar; charset=utf-8",
                "text/calendar, */*;q=0.5",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        // The JDK's client sends no Accept unless told: RestAssured always adds one.
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("api/v1/meetings/" + id + "/calendar.ics", "api/v1/calendar.ics")) {
            for (String accept : accepts) {
                var request = HttpRequest.newBuilder(base.toURI().resolve(path));
                if (!accept.isEmpty()) {
                    request.header("Accept", accept);
                }
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                String what = path + " with Accept '" + accept + "'";
                assertThat(response.statusCode()).as(what).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type"))
                        .as(what)
                        .hasValueSatisfying(type -> assertThat(type).matches("text/calendar; ?charset=UTF-8"));
                assertThat(parse(response.body()).<VEvent>getComponents("VEVENT"))
                        .as(what)
                        .isNotEmpty();
            }
        }
    }

    @Test
    void a_bad_municipality_code_or_kind_is_a_400_problem() {
        given().queryParam("municipality", "10820")
                .when()
                .get("/api/v1/calendar.ics")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(MeetingsApi.PROBLEMS + "invalid-request"))
                .body("errors[0].field", equalTo("municipality"));
        given().queryParam("kind", "PARTY")
                .when()
                .get("/api/v1/calendar.ics")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"));
    }

    @Test
    void long_swedish_texts_are_folded_and_read_back_unchanged() {
        String title = "Räksmörgås, ölkorv; \\ allt om åäö – ÅÄÖ 🚀 för små företag i Blekinge";
        String description = ("Välkommen till höstens branschträff! Vi pratar om automation, digitalisering; "
                                + "hållbarhet och kompetensförsörjning. Frågor? Mejla oss.\n")
                        .repeat(12)
                + "Sökväg: C:\\Företag\\Å\n\nSista raden – med € och 🚀🚀🚀.";
        Map<String, Object> body = MeetingsApi.meeting(40);
        body.put("title", Map.of("sv", title));
        body.put("description", Map.of("sv", description));
        body.put("venue", Map.of("name", "Östra Piren, sal Ö", "address", "Ågatan 12; plan 3, 371 33 Karlskrona"));
        String id = MeetingsApi.published(body);

        byte[] raw = calendarOf(id, null).extract().asByteArray();
        VEvent event = onlyEvent(parse(raw));

        assertThat(new String(raw, StandardCharsets.UTF_8)).contains("\r\n ");
        assertThat(value(event, "SUMMARY")).isEqualTo(title);
        assertThat(value(event, "DESCRIPTION")).isEqualTo(description);
        assertThat(value(event, "LOCATION")).isEqualTo("Östra Piren, sal Ö, Ågatan 12; plan 3, 371 33 Karlskrona");
    }

    // ---- calls and parsing

    private static Map<String, Object> at(Map<String, Object> body, LocalDateTime start) {
        body.put("start", start.toString());
        body.put("end", start.plusHours(2).toString());
        body.remove("registrationCloses");
        return body;
    }

    private static Map<String, Object> inSeries(Map<String, Object> body, String series) {
        body.put("series", series);
        return body;
    }

    /** A series no other test uses, so that a feed filtered by it holds this test's meetings only. */
    private static String uniqueSeries() {
        return "Kalendertest " + UUID.randomUUID();
    }

    private static void cancel(String id, String reason) {
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", reason))
                .when()
                .post("/api/v1/meetings/" + id + "/cancel")
                .then()
                .statusCode(200);
    }

    private static ValidatableResponse calendarOf(String id, String token) {
        return calendarOf(id, token, 200)
                .contentType(startsWith("text/calendar"))
                .header("Content-Type", matchesPattern("text/calendar; ?charset=UTF-8"));
    }

    private static ValidatableResponse calendarOf(String id, String token, int status) {
        var request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.when()
                .get("/api/v1/meetings/" + id + "/calendar.ics")
                .then()
                .statusCode(status);
    }

    private static Calendar calendar(String id) {
        return parse(calendarOf(id, null).extract().asByteArray());
    }

    private static Calendar feed(Map<String, String> parameters) {
        return parse(given().queryParams(parameters)
                .when()
                .get("/api/v1/calendar.ics")
                .then()
                .statusCode(200)
                .header("Content-Type", matchesPattern("text/calendar; ?charset=UTF-8"))
                .extract()
                .asByteArray());
    }

    /**
     * Checks the content lines as RFC 5545 wants them (CRLF after each, at most 75 octets, each line whole
     * UTF-8, so no fold split a character), then parses with ical4j and validates.
     */
    private static Calendar parse(byte[] body) {
        String text = decode(body);
        assertThat(text).endsWith("\r\n").doesNotContain("\r\n\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        int start = 0;
        for (int i = 0; i + 1 < body.length; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n') {
                byte[] line = Arrays.copyOfRange(body, start, i);
                assertThat(line.length).as("octets of line %s", decode(line)).isLessThanOrEqualTo(75);
                decode(line);
                start = i + 2;
            }
        }
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(text));
            assertThat(calendar.validate().getEntries()).as("ical4j validation").isEmpty();
            return calendar;
        } catch (IOException | ParserException e) {
            throw new AssertionError("ical4j cannot parse:\n" + text, e);
        }
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("Not whole UTF-8: " + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }

    private static String unfolded(byte[] body) {
        return decode(body).replace("\r\n ", "");
    }

    private static VEvent onlyEvent(Calendar calendar) {
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static List<String> uids(Calendar calendar) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .map(event -> value(event, "UID"))
                .toList();
    }

    private static String value(VEvent event, String property) {
        Optional<Property> found = event.getProperty(property);
        return found.map(Property::getValue).orElseThrow(() -> new AssertionError("No " + property));
    }

    private static String value(Calendar calendar, String property) {
        Optional<Property> found = calendar.getProperty(property);
        return found.map(Property::getValue).orElseThrow(() -> new AssertionError("No " + property));
    }

    private static Instant start(VEvent event) {
        return Instant.from((Temporal) event.getDateTimeStart().getDate());
    }

    private static Instant end(VEvent event) {
        return Instant.from((Temporal) event.getDateTimeEnd().getDate());
    }
}
