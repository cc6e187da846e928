package se.techtank.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The demo meetings of the local stack, planned and published through events-service's public API with
 * the staff token, and registered for anonymously like people do on the web: the autumn series of five
 * branschträffar (one per Blekinge municipality, co-arranged with its business office), Leankonferens
 * Blekinge (full, with a waitlist) and a members-only networking meeting whose registrations wait for
 * approval.
 *
 * <p>What the meetings are (texts, places, seats, who registers) is {@code demo-meetings.json}, read by
 * {@link DemoMeetingFile}. The dates are relative to the day the stack starts, so that the meetings are
 * upcoming: weekly in the weeks ahead, on the weekdays the file names, never in the Christmas weeks or July.
 *
 * <p>Loading is idempotent like {@link DemoData}: the ids are kept in the {@code meetings} section of
 * {@code .local/demo-data.json} ({@code {"<key>": {"id": "<id>", "registrations": {"<e-mail>": "<id>"}}}});
 * a kept meeting that still answers 200 and is not over is reused and only the registrations missing
 * from the file are sent; one that answers 404 (the database was wiped) or is already over is planned
 * anew.
 */
final class DemoMeetings {

    static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    static final String LEANKONFERENS = "leankonferens-blekinge";
    static final String PROBLEMS = "https://api.techtank.se/problems/";

    /** How long a members-only registration waits for the member company to reach events-service's read model. */
    private static final Duration MEMBERSHIP_WAIT = Duration.ofSeconds(20);

    /** Someone from a demo company (or a private person, organisation number null). */
    record Person(String name, String email, String organisationNumber, String language) {}

    /** One registration to send: who, and what they write in the form. */
    record Registration(Person person, String dietaryRequirements, String message) {

        Map<String, Object> body() {
            Map<String, Object> attendee = new LinkedHashMap<>();
            attendee.put("name", person.name());
            attendee.put("email", person.email());
            attendee.put("language", person.language());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("attendee", attendee);
            if (person.organisationNumber() != null) {
                body.put("organisationNumber", person.organisationNumber());
            }
            if (dietaryRequirements != null) {
                body.put("dietaryRequirements", dietaryRequirements);
            }
            if (message != null) {
                body.put("message", message);
            }
            body.put("attendeeListConsent", true);
            return body;
        }
    }

    /** A demo meeting: its key in the store, the body of {@code POST /api/v1/meetings}, who registers. */
    record Plan(
            String key,
            String kind,
            String titleSv,
            String titleEn,
            String descriptionSv,
            String descriptionEn,
            String municipalityCode,
            String series,
            List<Map<String, String>> coOrganisers,
            String venueName,
            String venueAddress,
            LocalDateTime start,
            LocalDateTime end,
            int capacity,
            int maxPerCompany,
            LocalDateTime registrationOpens,
            LocalDateTime registrationCloses,
            String audience,
            boolean approvalRequired,
            List<String> focusAreas,
            List<Registration> registrations) {

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", kind);
            body.put("title", Map.of("sv", titleSv, "en", titleEn));
            body.put("description", Map.of("sv", descriptionSv, "en", descriptionEn));
            body.put("municipalityCode", municipalityCode);
            if (series != null) {
                body.put("series", series);
            }
            body.put("coOrganisers", coOrganisers);
            body.put("venue", Map.of("name", venueName, "address", venueAddress));
            body.put("start", start.toString());
            body.put("end", end.toString());
            body.put("capacity", capacity);
            body.put("maxPerCompany", maxPerCompany);
            body.put("registrationOpens", registrationOpens.toString());
            body.put("registrationCloses", registrationCloses.toString());
            body.put("audience", audience);
            body.put("approvalRequired", approvalRequired);
            body.put("focusAreas", focusAreas);
            return body;
        }

        boolean membersOnly() {
            return "MEMBERS_ONLY".equals(audience);
        }
    }

    /** What a load did, and the state of Leankonferens Blekinge afterwards. */
    record Result(
            Map<String, String> meetingIds,
            int created,
            int kept,
            int replaced,
            int registered,
            int registrationsKept,
            int registrationsRefused,
            Map<String, Integer> statuses,
            JsonNode leankonferens) {

        String leankonferensId() {
            return meetingIds.get(LEANKONFERENS);
        }
    }

    private DemoMeetings() {}

    /**
     * The first {@code day} on or after {@code from} outside the Christmas weeks (20 December – 6 January)
     * and the industrial holiday (July), when no one arranges a branschträff.
     */
    static LocalDate workingDay(LocalDate from, DayOfWeek day) {
        LocalDate date = from.with(TemporalAdjusters.nextOrSame(day));
        while (holiday(date)) {
            date = date.plusDays(1).with(TemporalAdjusters.nextOrSame(day));
        }
        return date;
    }

    static boolean holiday(LocalDate date) {
        return (date.getMonth() == Month.DECEMBER && date.getDayOfMonth() >= 20)
                || (date.getMonth() == Month.JANUARY && date.getDayOfMonth() <= 6)
                || date.getMonth() == Month.JULY;
    }

    /** The demo meetings of {@code demo-meetings.json} as planned on {@code today}, soonest first. */
    static List<Plan> plans(LocalDate today) {
        return plans(DemoMeetingFile.load(), today);
    }

    /**
     * Each meeting of the file on the next free weekday it names, in the file's order, from a week after
     * {@code today}; registration open from two weeks before {@code today} until a few days before it.
     */
    static List<Plan> plans(DemoMeetingFile file, LocalDate today) {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate cursor = today.plusDays(7);
        for (DemoMeetingFile.Meeting meeting : file.meetings()) {
            LocalDate date = workingDay(cursor, meeting.weekday());
            dates.add(date);
            cursor = date.plusDays(1);
        }
        LocalDateTime opens = today.minusDays(14).atTime(9, 0);
        String year = String.valueOf(dates.get(0).getYear());

        List<Plan> plans = new ArrayList<>();
        for (int i = 0; i < file.meetings().size(); i++) {
            DemoMeetingFile.Meeting meeting = file.meetings().get(i);
            LocalDate date = dates.get(i);
            plans.add(new Plan(
                    meeting.key(),
                    meeting.kind(),
                    meeting.titleSv(),
                    meeting.titleEn(),
                    meeting.descriptionSv(),
                    meeting.descriptionEn(),
                    meeting.municipalityCode(),
                    meeting.series() == null ? null : meeting.series().replace("{year}", year),
                    meeting.coOrganisers(),
                    meeting.venueName(),
                    meeting.venueAddress(),
                    date.atTime(meeting.start()),
                    date.atTime(meeting.end()),
                    meeting.capacity(),
                    meeting.maxPerCompany(),
                    opens,
                    date.minusDays(meeting.registrationClosesDaysBefore()).atTime(23, 59),
                    meeting.audience(),
                    meeting.approvalRequired(),
                    meeting.focusAreas(),
                    meeting.registrations()));
        }
        return plans;
    }

    /**
     * Plans and publishes the demo meetings that are missing and sends the registrations not sent yet.
     *
     * @param staff events-service with the staff token (plans and publishes)
     * @param anonymous events-service without a token (registers, as on the web)
     * @param membersRunning whether members-service runs, so a members-only registration may wait for the
     *     member company's active membership to reach events-service
     */
    static Result load(ApiClient staff, ApiClient anonymous, Path store, LocalDate today, boolean membersRunning)
            throws IOException, InterruptedException {
        ObjectNode root = DemoData.read(store);
        ObjectNode known = root.withObjectProperty("meetings");
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, Integer> statuses = new LinkedHashMap<>();
        int created = 0;
        int kept = 0;
        int replaced = 0;
        int registered = 0;
        int registrationsKept = 0;
        int refused = 0;
        for (Plan plan : plans(today)) {
            JsonNode meeting = null;
            String id = known.path(plan.key()).path("id").asText(null);
            if (id != null) {
                ApiClient.Response found = staff.get("/api/v1/meetings/" + id);
                if (found.status() == 200) {
                    meeting = found.json();
                    if (isOver(meeting)) {
                        meeting = null; // kept for weeks: the demo meetings are meant to be upcoming
                        replaced++;
                    }
                } else if (found.status() != 404) {
                    throw found.unexpected();
                }
            }
            ObjectNode entry;
            if (meeting == null) {
                ApiClient.Response planned = staff.post("/api/v1/meetings", plan.body());
                if (planned.status() != 201) {
                    throw planned.unexpected();
                }
                id = DemoData.idOf(planned);
                meeting = planned.json();
                entry = known.putObject(plan.key()); // replaces any entry of a wiped or past meeting
                entry.put("id", id);
                DemoData.write(store, root);
                created++;
            } else {
                entry = (ObjectNode) known.get(plan.key());
                kept++;
            }
            if ("DRAFT".equals(meeting.path("status").asText())) {
                ApiClient.Response published = staff.post("/api/v1/meetings/" + id + "/publish", Map.of());
                if (published.status() != 200) {
                    throw published.unexpected();
                }
            }
            ObjectNode sent = entry.withObjectProperty("registrations");
            for (Registration registration : plan.registrations()) {
                String email = registration.person().email();
                if (sent.has(email)) {
                    registrationsKept++;
                    continue;
                }
                ApiClient.Response response =
                        register(anonymous, id, registration, plan.membersOnly() && membersRunning);
                String problem = response.problemType();
                if (response.status() == 201) {
                    JsonNode answer = response.json();
                    sent.put(email, DemoData.idOf(response));
                    DemoData.write(store, root);
                    statuses.merge(answer.path("status").asText("?"), 1, Integer::sum);
                    registered++;
                } else if (response.status() == 409 && problem.equals(PROBLEMS + "duplicate-registration")) {
                    registrationsKept++; // sent by a run that did not get to write its id
                } else if (response.status() == 409
                        || (response.status() == 422 && problem.equals(PROBLEMS + "members-only"))) {
                    refused++; // closed, cancelled by hand, or no active member company: nothing to add
                } else {
                    throw response.unexpected();
                }
            }
            ids.put(plan.key(), id);
        }
        DemoData.write(store, root);
        JsonNode lean =
                anonymous.get("/api/v1/meetings/" + ids.get(LEANKONFERENS)).json();
        return new Result(ids, created, kept, replaced, registered, registrationsKept, refused, statuses, lean);
    }

    /**
     * Registers anonymously. For a members-only meeting, the member company's active membership reaches
     * events-service through Kafka shortly after the approval in members-service: until then the answer is
     * 422 members-only, so it tries again for a while.
     */
    private static ApiClient.Response register(
            ApiClient anonymous, String meetingId, Registration registration, boolean awaitMembership)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + MEMBERSHIP_WAIT.toNanos();
        while (true) {
            ApiClient.Response response =
                    anonymous.post("/api/v1/meetings/" + meetingId + "/registrations", registration.body());
            boolean notYetMember =
                    response.status() == 422 && response.problemType().equals(PROBLEMS + "members-only");
            if (!notYetMember || !awaitMembership || System.nanoTime() > deadline) {
                return response;
            }
            Thread.sleep(250);
        }
    }

    private static boolean isOver(JsonNode meeting) {
        try {
            return OffsetDateTime.parse(meeting.path("end").asText()).isBefore(OffsetDateTime.now());
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
