package se.techtank.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
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
 * <p>The dates are relative to the day the stack starts, so that the meetings are upcoming: weekly in the
 * weeks ahead, on Tuesdays and Thursdays, never in the Christmas weeks or July.
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
    static final String MEMBERS_NETWORK = "medlemstraff-produktionsledare";
    static final String PROBLEMS = "https://api.techtank.se/problems/";

    /** How long a members-only registration waits for the member company to reach events-service's read model. */
    private static final Duration MEMBERSHIP_WAIT = Duration.ofSeconds(20);

    /** The five Blekinge municipalities, in code order. */
    static final Map<String, String> MUNICIPALITIES = Map.of(
            "1060", "Olofström", "1080", "Karlskrona", "1081", "Ronneby", "1082", "Karlshamn", "1083", "Sölvesborg");

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

    // Two people from each demo company (one company has three), e-mails at the company's example.se domain.
    static final Person ANNA_BERG = person("Anna Berg", "pressverktyg", "559201-1943");
    static final Person JOHAN_LINDQVIST = person("Johan Lindqvist", "pressverktyg", "559201-1943");
    static final Person MARIA_NILSSON = person("Maria Nilsson", "holjeplat", "559214-8869");
    static final Person PER_SVENSSON = person("Per Svensson", "holjeplat", "559214-8869");
    static final Person ERIK_JOHANSSON = person("Erik Johansson", "marinteknik", "559287-8622");
    static final Person SARA_LUNDGREN = person("Sara Lundgren", "marinteknik", "559287-8622");
    static final Person TOM_BECKER = new Person("Tom Becker", "tom.becker@marinteknik.example.se", "559287-8622", "en");
    static final Person KARIN_HOLM = person("Karin Holm", "lyckebygjuteri", "556712-5538");
    static final Person MIKAEL_ANDERSSON = person("Mikael Andersson", "lyckebygjuteri", "556712-5538");
    static final Person LENA_EK = person("Lena Ek", "ronnebyplast", "559033-5500");
    static final Person FREDRIK_SJOBERG = person("Fredrik Sjöberg", "ronnebyplast", "559033-5500");
    static final Person EMMA_KARLSSON = person("Emma Karlsson", "kallingeyt", "556844-0464");
    static final Person OSKAR_PERSSON = person("Oskar Persson", "kallingeyt", "556844-0464");
    static final Person INGRID_OLSSON = person("Ingrid Olsson", "hamnmekaniska", "559160-7311");
    static final Person JONAS_BERGSTROM = person("Jonas Bergström", "hamnmekaniska", "559160-7311");
    static final Person HELENA_AXELSSON = person("Helena Axelsson", "morrumstra", "556593-4774");
    static final Person DANIEL_NYBERG = person("Daniel Nyberg", "morrumstra", "556593-4774");
    static final Person SOFIA_HAKANSSON = person("Sofia Håkansson", "elmotorverkstad", "559375-2842");
    static final Person MAGNUS_STRAND = person("Magnus Strand", "elmotorverkstad", "559375-2842");
    static final Person CAMILLA_PETERSSON = person("Camilla Petersson", "listerlivsmedel", "556478-7579");
    static final Person ANDERS_WALLIN = person("Anders Wallin", "listerlivsmedel", "556478-7579");

    private DemoMeetings() {}

    private static Person person(String name, String domain, String organisationNumber) {
        String local = name.toLowerCase(java.util.Locale.ROOT)
                .replace('å', 'a')
                .replace('ä', 'a')
                .replace('ö', 'o')
                .replace(' ', '.');
        return new Person(name, local + "@" + domain + ".example.se", organisationNumber, "sv");
    }

    private static Registration reg(Person person) {
        return new Registration(person, null, null);
    }

    private static Registration reg(Person person, String dietaryRequirements, String message) {
        return new Registration(person, dietaryRequirements, message);
    }

    private static List<Map<String, String>> businessOffice(String municipalityCode) {
        String town = MUNICIPALITIES.get(municipalityCode);
        String domain = town.toLowerCase(java.util.Locale.ROOT)
                .replace('å', 'a')
                .replace('ä', 'a')
                .replace('ö', 'o');
        return List.of(Map.of("name", "Näringslivskontoret " + town, "email", "naringsliv@" + domain + ".example.se"));
    }

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

    /** The demo meetings as planned on {@code today}, soonest first. */
    static List<Plan> plans(LocalDate today) {
        // Tuesday, Thursday, Tuesday, ... from a week ahead: a branschträff most weeks.
        DayOfWeek[] days = {
            DayOfWeek.TUESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.TUESDAY
        };
        LocalDate[] dates = new LocalDate[days.length];
        LocalDate cursor = today.plusDays(7);
        for (int i = 0; i < days.length; i++) {
            dates[i] = workingDay(cursor, days[i]);
            cursor = dates[i].plusDays(1);
        }
        LocalDateTime opens = today.minusDays(14).atTime(9, 0);
        String series = "Branschträffar hösten " + dates[0].getYear();
        String breakfast = " Frukost serveras från 07:15.";
        String breakfastEn = " Breakfast is served from 07:15.";

        List<Plan> plans = new ArrayList<>();
        plans.add(branschtraff(
                "1060",
                series,
                dates[0],
                opens,
                "Branschträff Olofström: automation i pressverkstaden",
                "Industry meeting Olofström: automation in the press shop",
                "Frukostmöte för tillverkande företag i Olofström om automation i mindre verkstäder: hur man kommer"
                        + " igång med en robotcell, vad det kostar och vilket stöd som finns. Två företag berättar om"
                        + " sina erfarenheter, och Techtank och Näringslivskontoret Olofström presenterar höstens"
                        + " insatser." + breakfast,
                "Breakfast meeting for manufacturers in Olofström on automation in smaller workshops: getting"
                        + " started with a robot cell, what it costs and what support there is. Two companies share"
                        + " their experience, and Techtank and the Olofström business office present this season's"
                        + " activities." + breakfastEn,
                "Folkets hus Olofström, konferenssalen",
                "Östergatan 14, 293 34 Olofström",
                List.of("AUTOMATION", "DIGITALISATION"),
                List.of(
                        reg(ANNA_BERG, "Vegetarisk", null),
                        reg(JOHAN_LINDQVIST),
                        reg(MARIA_NILSSON, null, "Vi funderar på en robotcell för kantpressen."),
                        reg(PER_SVENSSON))));
        plans.add(new Plan(
                MEMBERS_NETWORK,
                "NETWORKING",
                "Medlemsträff: produktionsledarnätverket",
                "Members' meeting: the production managers' network",
                "Nätverksträff för produktionsledare i Techtanks medlemsföretag: erfarenhetsutbyte om"
                        + " ständiga förbättringar, bemanning och leveransprecision, i en liten grupp. Endast för"
                        + " medlemsföretag; Techtank bekräftar varje anmälan.",
                "Networking meeting for production managers of Techtank's member companies: sharing experience"
                        + " of continuous improvement, staffing and delivery precision, in a small group. Member"
                        + " companies only; Techtank confirms each registration.",
                "1082",
                null,
                List.of(),
                "Techtank, mötesrummet Hamnen",
                "Drottninggatan 52, 374 35 Karlshamn",
                dates[1].atTime(15, 0),
                dates[1].atTime(17, 30),
                20,
                2,
                opens,
                dates[1].minusDays(2).atTime(23, 59),
                "MEMBERS_ONLY",
                true,
                List.of("COMPETENCE_DEVELOPMENT", "AUTOMATION"),
                List.of(
                        reg(JONAS_BERGSTROM),
                        reg(DANIEL_NYBERG, "Laktosfri", null),
                        reg(FREDRIK_SJOBERG, null, "Gärna en punkt om skiftscheman."))));
        plans.add(branschtraff(
                "1080",
                series,
                dates[2],
                opens,
                "Branschträff Karlskrona: nya marknader för marin- och försvarsleverantörer",
                "Industry meeting Karlskrona: new markets for marine and defence suppliers",
                "Hur blir man underleverantör till de stora marina och försvarsindustriella företagen? Vi går"
                        + " igenom upphandling, certifieringskrav och exportstöd, och ger tid att träffa andra"
                        + " leverantörer i regionen. I samarbete med Näringslivskontoret Karlskrona." + breakfast,
                "How does a company become a supplier to the large marine and defence manufacturers? We cover"
                        + " procurement, certification requirements and export support, with time to meet other"
                        + " suppliers in the region. With the Karlskrona business office." + breakfastEn,
                "Stumholmens konferenshus",
                "Stumholmsvägen 3, 371 36 Karlskrona",
                List.of("NEW_MARKETS", "INNOVATION"),
                List.of(reg(ERIK_JOHANSSON), reg(SARA_LUNDGREN, "Glutenfri", null), reg(KARIN_HOLM))));
        LocalDate lean = dates[3];
        plans.add(new Plan(
                LEANKONFERENS,
                "CONFERENCE",
                "Leankonferens Blekinge",
                "Lean Conference Blekinge",
                "En dag om lean i tillverkande företag: ledarskap på golvet, ständiga förbättringar och"
                        + " flödeseffektivitet, med föreläsningar, studiebesök i en verkstad som arbetat med lean i"
                        + " tio år och workshop i små grupper. Platserna är få för att workshopen ska fungera; när"
                        + " konferensen är fullbokad hamnar du på väntelistan och får besked så fort en plats blir"
                        + " ledig. Lunch och fika ingår.",
                "A day on lean in manufacturing: leadership on the shop floor, continuous improvement and flow"
                        + " efficiency, with talks, a visit to a workshop that has worked with lean for ten years and"
                        + " a workshop in small groups. Seats are few so that the workshop works; once the conference"
                        + " is full you join the waitlist and hear from us as soon as a seat frees up. Lunch and"
                        + " coffee included.",
                "1080",
                null,
                businessOffice("1080"),
                "Konferens Trossö",
                "Ronnebygatan 20, 371 33 Karlskrona",
                lean.atTime(9, 0),
                lean.atTime(16, 0),
                12,
                2,
                opens,
                lean.minusDays(3).atTime(23, 59),
                "PUBLIC",
                false,
                List.of("AUTOMATION", "COMPETENCE_DEVELOPMENT", "SUSTAINABILITY"),
                List.of(
                        reg(ANNA_BERG, "Vegetarisk", null),
                        reg(ERIK_JOHANSSON),
                        reg(KARIN_HOLM),
                        reg(LENA_EK, null, "Vi har börjat med 5S och vill komma vidare."),
                        reg(EMMA_KARLSSON),
                        reg(INGRID_OLSSON),
                        reg(HELENA_AXELSSON, "Vegansk", null),
                        reg(SOFIA_HAKANSSON),
                        reg(MARIA_NILSSON),
                        reg(CAMILLA_PETERSSON),
                        reg(JOHAN_LINDQVIST),
                        reg(MIKAEL_ANDERSSON),
                        // The conference is full from here: these three are on the waitlist, in this order.
                        reg(DANIEL_NYBERG, "Laktosfri", null),
                        reg(TOM_BECKER, null, "I would like to join the workshop in English if possible."),
                        reg(OSKAR_PERSSON))));
        plans.add(branschtraff(
                "1081",
                series,
                dates[4],
                opens,
                "Branschträff Ronneby: hållbara material och cirkulär plast",
                "Industry meeting Ronneby: sustainable materials and circular plastics",
                "Återvunnen och biobaserad plast, materialval som sänker klimatavtrycket och de nya kraven på"
                        + " hållbarhetsredovisning i leverantörskedjan, med exempel från regionens plast- och"
                        + " ytbehandlingsföretag. I samarbete med Näringslivskontoret Ronneby." + breakfast,
                "Recycled and bio-based plastics, material choices that lower the climate footprint and the new"
                        + " sustainability reporting requirements in the supply chain, with examples from the"
                        + " region's plastics and surface treatment companies. With the Ronneby business office."
                        + breakfastEn,
                "Brunnsparkens konferens",
                "Brunnsvägen 5, 372 36 Ronneby",
                List.of("SUSTAINABILITY", "SMART_MATERIALS"),
                List.of(reg(LENA_EK), reg(FREDRIK_SJOBERG), reg(EMMA_KARLSSON, "Vegetarisk", null))));
        plans.add(branschtraff(
                "1082",
                series,
                dates[5],
                opens,
                "Branschträff Karlshamn: kompetensförsörjning i industrin",
                "Industry meeting Karlshamn: skills supply in industry",
                "Hur hittar och behåller vi tekniker och operatörer? Yrkeshögskolan, gymnasiets industritekniska"
                        + " program och Arbetsförmedlingen berättar om hur företag kan samarbeta med dem, och två"
                        + " företag om hur de arbetar med lärlingar och intern utbildning. I samarbete med"
                        + " Näringslivskontoret Karlshamn." + breakfast,
                "How do we find and keep technicians and operators? The higher vocational school, the upper"
                        + " secondary industrial programme and the Public Employment Service explain how companies"
                        + " can work with them, and two companies how they train apprentices and staff. With the"
                        + " Karlshamn business office." + breakfastEn,
                "Väggaparken konferens",
                "Väggavägen 1, 374 35 Karlshamn",
                List.of("COMPETENCE_SUPPLY", "COMPETENCE_DEVELOPMENT"),
                List.of(
                        reg(INGRID_OLSSON),
                        reg(JONAS_BERGSTROM, null, "Vi söker två CNC-operatörer till våren."),
                        reg(HELENA_AXELSSON),
                        reg(MAGNUS_STRAND, "Glutenfri", null))));
        plans.add(branschtraff(
                "1083",
                series,
                dates[6],
                opens,
                "Branschträff Sölvesborg: digitalisering för mindre verkstäder",
                "Industry meeting Sölvesborg: digitalisation for small workshops",
                "Från papperslappar till uppkopplad produktion: affärssystem, produktionsuppföljning och enkla"
                        + " sensorer som ger snabb nytta i små företag. I samarbete med Näringslivskontoret"
                        + " Sölvesborg." + breakfast,
                "From paper notes to connected production: business systems, production monitoring and simple"
                        + " sensors that pay off quickly in small companies. With the Sölvesborg business office."
                        + breakfastEn,
                "Hamnmagasinet Sölvesborg",
                "Hamngatan 8, 294 31 Sölvesborg",
                List.of("DIGITALISATION", "INNOVATION"),
                List.of(reg(SOFIA_HAKANSSON), reg(ANDERS_WALLIN, null, "Vi kommer två från produktionen."))));
        return plans;
    }

    /** A branschträff: a public breakfast meeting 07:30–09:30 with the municipality's business office. */
    private static Plan branschtraff(
            String municipalityCode,
            String series,
            LocalDate date,
            LocalDateTime opens,
            String titleSv,
            String titleEn,
            String descriptionSv,
            String descriptionEn,
            String venueName,
            String venueAddress,
            List<String> focusAreas,
            List<Registration> registrations) {
        return new Plan(
                "branschtraff-" + municipalityCode,
                "INDUSTRY_MEETING",
                titleSv,
                titleEn,
                descriptionSv,
                descriptionEn,
                municipalityCode,
                series,
                businessOffice(municipalityCode),
                venueName,
                venueAddress,
                date.atTime(LocalTime.of(7, 30)),
                date.atTime(LocalTime.of(9, 30)),
                40,
                3,
                opens,
                date.minusDays(2).atTime(23, 59),
                "PUBLIC",
                false,
                focusAreas,
                registrations);
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
