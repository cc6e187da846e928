package se.techtank.local;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo programmes of the local stack, through programmes-service's public API: the six programmes of
 * the domain, with intakes open now (Kickstart Hållbarhet, Robotlyftet full with two waitlisted, SuPr-nod
 * Syd and SPIK with IUC Syd), Produktionslyftet planned and Omställningslyftet archived; applications by
 * staff for demo companies, one by IUC Syd for a Malmö company the register does not know, and one company
 * enrolled. A programme that exists already (a kept database) is left as it is.
 */
final class DemoProgrammes {

    static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    /** A Malmö company the member register does not know: IUC Syd declares its facts. */
    static final String DECLARED_COMPANY = "559123-4561";

    private DemoProgrammes() {}

    record Result(int programmes, int created, int applications) {}

    private record Spec(
            String code,
            String sv,
            String en,
            String description,
            List<String> funders,
            List<String> focusAreas,
            Map<String, Object> eligibility) {}

    static Result load(ApiClient staff, ApiClient partner, List<String> companies, LocalDate today)
            throws IOException, InterruptedException {
        List<Spec> specs = List.of(
                new Spec(
                        "KICKSTART_HALLBARHET",
                        "Kickstart Hållbarhet",
                        "Kickstart Sustainability",
                        "Ett första steg mot hållbar produktion: kartläggning och handlingsplan.",
                        List.of("VINNOVA"),
                        List.of("SUSTAINABILITY"),
                        Map.of("maxEmployees", 249)),
                new Spec(
                        "ROBOTLYFTET",
                        "Robotlyftet",
                        "The Robot Lift",
                        "Automation och robotisering för små och medelstora tillverkare.",
                        List.of("VINNOVA"),
                        List.of("AUTOMATION"),
                        Map.of("maxEmployees", 249, "sniSections", List.of("C"))),
                new Spec(
                        "PRODUKTIONSLYFTET",
                        "Produktionslyftet",
                        "The Production Lift",
                        "Lean och ständiga förbättringar, 18 månader med coach.",
                        List.of("VINNOVA"),
                        List.of("AUTOMATION", "INNOVATION"),
                        Map.of("sniSections", List.of("C"))),
                new Spec(
                        "OMSTALLNINGSLYFTET",
                        "Omställningslyftet",
                        "The Transition Lift",
                        "Stöd till företag i omställning, 2022–2023.",
                        List.of("TILLVAXTVERKET"),
                        List.of("SUSTAINABILITY"),
                        Map.of()),
                new Spec(
                        "SUPR",
                        "SuPr-nod Syd",
                        "SuPr node South",
                        "Smart produktion i Skåne och Blekinge, med IUC Syd.",
                        List.of("VINNOVA"),
                        List.of("DIGITALISATION"),
                        Map.of("counties", List.of("10", "12"))),
                new Spec(
                        "SPIK",
                        "SPIK",
                        "SPIK",
                        "Kompetensutveckling i Skåne och Blekinge (ESF).",
                        List.of("ESF"),
                        List.of("COMPETENCE_DEVELOPMENT", "COMPETENCE_SUPPLY"),
                        Map.of("counties", List.of("10", "12"))));
        int created = 0;
        int applications = 0;
        for (Spec spec : specs) {
            if (exists(staff, spec.code())) {
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", spec.code());
            body.put("name", Map.of("sv", spec.sv(), "en", spec.en()));
            body.put("description", Map.of("sv", spec.description()));
            body.put("owner", "IUC_SVERIGE");
            body.put("funders", spec.funders());
            body.put("focusAreas", spec.focusAreas());
            body.put("eligibility", spec.eligibility());
            String id = id(expect(staff.post("/api/v1/programmes", body), 201));
            expect(staff.post("/api/v1/programmes/" + id + "/publish", Map.of()), 200);
            created++;
            applications += switch (spec.code()) {
                case "KICKSTART_HALLBARHET" -> {
                    String intake = openIntake(
                            staff, id, "Hösten " + today.getYear(), today, 15, List.of("10"), List.of("techtank"));
                    yield apply(staff, intake, companies, 0, 2, new ArrayList<>());
                }
                case "ROBOTLYFTET" -> {
                    String intake = openIntake(
                            staff, id, "Omgång " + today.getYear(), today, 2, List.of("10"), List.of("techtank"));
                    List<String> ids = new ArrayList<>();
                    int n = apply(staff, intake, companies, 2, 6, ids);
                    decide(staff, ids, "approve", 0, 2);
                    decide(staff, ids, "waitlist", 2, 4);
                    yield n;
                }
                case "SUPR" -> {
                    String intake = openIntake(
                            staff,
                            id,
                            "SuPr-nod Syd " + today.getYear(),
                            today,
                            10,
                            List.of("10", "12"),
                            List.of("techtank", "iuc-syd"));
                    yield applyDeclared(partner, intake);
                }
                case "SPIK" -> {
                    String intake = openIntake(
                            staff,
                            id,
                            "SPIK " + today.getYear(),
                            today,
                            20,
                            List.of("10", "12"),
                            List.of("techtank", "iuc-syd"));
                    List<String> ids = new ArrayList<>();
                    int n = apply(staff, intake, companies, 6, 7, ids);
                    decide(staff, ids, "approve", 0, 1);
                    decide(staff, ids, "enroll", 0, 1);
                    yield n;
                }
                case "PRODUKTIONSLYFTET" -> {
                    planIntake(
                            staff,
                            id,
                            "Våren " + (today.getYear() + 1),
                            today.plusDays(30),
                            today.plusDays(90),
                            today.plusDays(120),
                            today.plusDays(660),
                            12,
                            List.of("10"));
                    yield 0;
                }
                default -> {
                    planIntake(
                            staff,
                            id,
                            "Omgång 2022",
                            LocalDate.of(2022, 9, 1),
                            LocalDate.of(2022, 10, 31),
                            LocalDate.of(2022, 11, 15),
                            LocalDate.of(2023, 12, 31),
                            30,
                            List.of("10"));
                    expect(staff.post("/api/v1/programmes/" + id + "/archive", Map.of()), 200);
                    yield 0;
                }
            };
        }
        return new Result(specs.size(), created, applications);
    }

    private static boolean exists(ApiClient staff, String code) throws IOException, InterruptedException {
        JsonNode items = expect(staff.get("/api/v1/programmes?q=" + code + "&status=DRAFT,PUBLISHED,ARCHIVED"), 200)
                .json()
                .path("items");
        for (JsonNode item : items) {
            if (code.equals(item.path("code").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String openIntake(
            ApiClient staff,
            String programme,
            String name,
            LocalDate today,
            int seats,
            List<String> counties,
            List<String> partners)
            throws IOException, InterruptedException {
        String intake = planIntake(
                staff,
                programme,
                name,
                today.minusDays(7),
                today.plusDays(60),
                today.plusDays(75),
                today.plusDays(300),
                seats,
                counties,
                partners);
        expect(staff.post("/api/v1/intakes/" + intake + "/open", Map.of()), 200);
        return intake;
    }

    private static String planIntake(
            ApiClient staff,
            String programme,
            String name,
            LocalDate opens,
            LocalDate closes,
            LocalDate starts,
            LocalDate ends,
            int seats,
            List<String> counties)
            throws IOException, InterruptedException {
        return planIntake(staff, programme, name, opens, closes, starts, ends, seats, counties, List.of("techtank"));
    }

    private static String planIntake(
            ApiClient staff,
            String programme,
            String name,
            LocalDate opens,
            LocalDate closes,
            LocalDate starts,
            LocalDate ends,
            int seats,
            List<String> counties,
            List<String> partners)
            throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("operatingPartners", partners);
        body.put("counties", counties);
        body.put("applicationOpens", at(opens, LocalTime.of(8, 0)));
        body.put("applicationCloses", at(closes, LocalTime.of(23, 59)));
        body.put("startsOn", starts.toString());
        body.put("endsOn", ends.toString());
        body.put("seats", seats);
        return id(expect(staff.post("/api/v1/programmes/" + programme + "/intakes", body), 201));
    }

    /** Staff apply for demo companies {@code from}..{@code to} (exclusive); their ids are added to {@code ids}. */
    private static int apply(ApiClient staff, String intake, List<String> companies, int from, int to, List<String> ids)
            throws IOException, InterruptedException {
        int applied = 0;
        for (int i = from; i < Math.min(to, companies.size()); i++) {
            Map<String, Object> body = Map.of(
                    "company", Map.of("organisationNumber", companies.get(i)),
                    "contact",
                            Map.of(
                                    "name",
                                    "Demo Kontakt " + (i + 1),
                                    "email",
                                    "kontakt" + (i + 1) + "@demo.example.se"),
                    "motivation", "Demoansökan.",
                    "eligibilityOverride", Map.of("reason", "Demodata: ansökt av Techtank"));
            ApiClient.Response answer = staff.post("/api/v1/intakes/" + intake + "/applications", body);
            if (answer.status() == 201) {
                ids.add(id(answer));
                applied++;
            }
        }
        return applied;
    }

    private static int applyDeclared(ApiClient partner, String intake) throws IOException, InterruptedException {
        Map<String, Object> body = Map.of(
                "company",
                        Map.of(
                                "organisationNumber", DECLARED_COMPANY,
                                "name", "Öresund Precision AB",
                                "municipalityCode", "1280",
                                "numberOfEmployees", 40,
                                "sniCode", "25.620"),
                "contact", Map.of("name", "Lina Holm", "email", "lina.holm@oresundprecision.example.se"),
                "motivation", "Vi vill automatisera maskinbetjäningen.");
        return partner.post("/api/v1/intakes/" + intake + "/applications", body).status() == 201 ? 1 : 0;
    }

    private static void decide(ApiClient staff, List<String> ids, String decision, int from, int to)
            throws IOException, InterruptedException {
        for (int i = from; i < Math.min(to, ids.size()); i++) {
            expect(staff.post("/api/v1/applications/" + ids.get(i) + "/" + decision, Map.of()), 200);
        }
    }

    private static String at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, ZONE).toOffsetDateTime().toString();
    }

    private static String id(ApiClient.Response answer) {
        return answer.json().path("id").asText();
    }

    private static ApiClient.Response expect(ApiClient.Response answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException(answer.request() + " answered " + answer.status() + ": " + answer.body());
        }
        return answer;
    }
}
