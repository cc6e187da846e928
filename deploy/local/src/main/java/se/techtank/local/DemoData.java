package se.techtank.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The demo data of the local stack, loaded through the public APIs with the staff token (never into
 * the databases directly), so it goes through validation, the outbox and the events like real data.
 *
 * <p>Loading is idempotent: the ids of what was created are kept in {@code .local/demo-data.json}
 * ({@code {"companies": {"<organisation number>": "<id>"}}}); on a later run an entry whose id still
 * answers 200 is kept, one that answers 404 (the database was wiped) is created again.
 *
 * <p>To extend it (programmes, ...): add the records and a {@code loadXxx} step below (or a class of
 * its own, like {@link DemoMeetings} for the meetings), and keep their ids in a new section of the same
 * file.
 */
final class DemoData {

    static final String DUPLICATE_ORGANISATION_NUMBER =
            "https://api.techtank.se/problems/duplicate-organisation-number";

    record Company(
            String organisationNumber, String name, String municipalityCode, Sni sni, Integer numberOfEmployees) {}

    /** The primary SNI 2007 code: what the company makes. */
    record Sni(String primary) {}

    /** Two fictional manufacturing companies in each of the five Blekinge municipalities, of every size class. */
    static final List<Company> COMPANIES = List.of(
            new Company("559201-1943", "Olofströms Pressverktyg AB", "1060", new Sni("25.730"), 45),
            new Company("559214-8869", "Holje Plåtformning AB", "1060", new Sni("25.500"), 28),
            new Company("559287-8622", "Karlskrona Marinteknik AB", "1080", new Sni("30.110"), 120),
            new Company("556712-5538", "Lyckeby Precisionsgjuteri AB", "1080", new Sni("24.510"), 65),
            new Company("559033-5500", "Ronneby Plastformning AB", "1081", new Sni("22.290"), 35),
            new Company("556844-0464", "Kallinge Ytbehandling AB", "1081", new Sni("25.610"), 18),
            new Company("559160-7311", "Karlshamns Hamnmekaniska AB", "1082", new Sni("33.150"), 22),
            new Company("556593-4774", "Mörrums Träförädling AB", "1082", new Sni("16.100"), 140),
            new Company("559375-2842", "Sölvesborgs Elmotorverkstad AB", "1083", new Sni("27.110"), 8),
            new Company("556478-7579", "Listerlandets Livsmedelsteknik AB", "1083", new Sni("28.930"), 260));

    /** The demo application that waits for staff approval; every other demo company is an active member. */
    static final String WAITING_APPLICATION = "556478-7579";

    /** The company the member token belongs to (Karlshamn, like the municipality token). */
    static final String MEMBER_COMPANY = "559160-7311";

    /** What a load did: the ids of all demo companies known, and counts for the progress line. */
    record Result(Map<String, String> companyIds, int created, int existing, List<String> idUnknown) {

        String memberCompanyId() {
            return companyIds.get(MEMBER_COMPANY);
        }

        /** Any one demo company id (for the curl example). */
        String anyCompanyId() {
            return companyIds.isEmpty() ? null : companyIds.values().iterator().next();
        }
    }

    private DemoData() {}

    /**
     * A Swedish organisation number: NNNNNN-NNNN, digits 3-4 at least 20 (not a birth month), the last
     * digit the Luhn check digit of the first nine.
     */
    static boolean validOrganisationNumber(String number) {
        if (!number.matches("\\d{6}-\\d{4}")) {
            return false;
        }
        String digits = number.replace("-", "");
        if (Integer.parseInt(digits.substring(2, 4)) < 20) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int d = (digits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d / 10 + d % 10;
        }
        return (10 - sum % 10) % 10 == digits.charAt(9) - '0';
    }

    static Result load(ApiClient members, Path store) throws IOException, InterruptedException {
        ObjectNode root = read(store);
        ObjectNode known = root.withObjectProperty("companies");
        Map<String, String> ids = new LinkedHashMap<>();
        int created = 0;
        int existing = 0;
        List<String> idUnknown = new ArrayList<>();
        for (Company company : COMPANIES) {
            String id = known.path(company.organisationNumber()).asText(null);
            if (id != null) {
                ApiClient.Response found = members.get("/api/v1/companies/" + id);
                if (found.status() == 200) {
                    ids.put(company.organisationNumber(), id);
                    existing++;
                    continue;
                }
                if (found.status() != 404) {
                    throw found.unexpected();
                }
                known.remove(company.organisationNumber()); // the database was wiped: create it again
            }
            ApiClient.Response response = members.post("/api/v1/companies", company);
            if (response.status() == 201) {
                String newId = idOf(response);
                ids.put(company.organisationNumber(), newId);
                known.put(company.organisationNumber(), newId);
                write(store, root);
                created++;
            } else if (response.status() == 409 && DUPLICATE_ORGANISATION_NUMBER.equals(response.problemType())) {
                existing++;
                idUnknown.add(company.organisationNumber()); // there, but created by someone else
            } else {
                throw response.unexpected();
            }
        }
        write(store, root);
        return new Result(ids, created, existing, idUnknown);
    }

    /**
     * Makes every demo company a member through the public application and staff approval, except one
     * application left waiting. Idempotent: a company whose membership already moved on is left alone.
     *
     * @return how many memberships are active and how many applications wait
     */
    static int[] loadMemberships(ApiClient members, Map<String, String> companyIds)
            throws IOException, InterruptedException {
        int active = 0;
        int waiting = 0;
        for (Company company : COMPANIES) {
            String id = companyIds.get(company.organisationNumber());
            if (id == null) {
                continue;
            }
            String status = members.get("/api/v1/companies/" + id + "/membership")
                    .json()
                    .path("status")
                    .asText("");
            if (status.isEmpty()) {
                ApiClient.Response applied = members.post("/api/v1/membership-applications", application(company));
                if (applied.status() != 202) {
                    throw applied.unexpected();
                }
                status = "APPLIED";
            }
            if (status.equals("APPLIED") && !company.organisationNumber().equals(WAITING_APPLICATION)) {
                ApiClient.Response approved = members.post("/api/v1/companies/" + id + "/membership/approve", Map.of());
                if (approved.status() != 200) {
                    throw approved.unexpected();
                }
                status = "ACTIVE";
            }
            if (status.equals("ACTIVE")) {
                active++;
            } else if (status.equals("APPLIED")) {
                waiting++;
            }
        }
        return new int[] {active, waiting};
    }

    /** What the demo companies need, by focus area and priority (1-5). */
    private static final Map<String, Map<String, Integer>> NEEDS = Map.of(
            "559201-1943", Map.of("AUTOMATION", 5, "DIGITALISATION", 3),
            "559214-8869", Map.of("SUSTAINABILITY", 4, "COMPETENCE_SUPPLY", 3),
            "559287-8622", Map.of("NEW_MARKETS", 4, "INNOVATION", 3),
            "556712-5538", Map.of("AUTOMATION", 4, "SMART_MATERIALS", 5),
            "559033-5500", Map.of("SUSTAINABILITY", 5, "SMART_MATERIALS", 3),
            "556844-0464", Map.of("DIGITALISATION", 4, "COMPETENCE_DEVELOPMENT", 3),
            "559160-7311", Map.of("AUTOMATION", 3, "COMPETENCE_SUPPLY", 5),
            "556593-4774", Map.of("SUSTAINABILITY", 5, "DIGITALISATION", 2),
            "559375-2842", Map.of("INNOVATION", 4, "NEW_MARKETS", 3),
            "556478-7579", Map.of("AUTOMATION", 4, "COMPETENCE_DEVELOPMENT", 4));

    /**
     * Records a needs assessment for every demo company that has no current needs yet.
     *
     * @return how many companies have needs recorded
     */
    static int loadNeeds(ApiClient members, Map<String, String> companyIds) throws IOException, InterruptedException {
        int assessed = 0;
        for (Map.Entry<String, Map<String, Integer>> entry : NEEDS.entrySet()) {
            String id = companyIds.get(entry.getKey());
            if (id == null) {
                continue;
            }
            JsonNode current =
                    members.get("/api/v1/companies/" + id + "/needs").json().path("needs");
            if (current.isArray() && current.isEmpty()) {
                List<Map<String, Object>> needs = entry.getValue().entrySet().stream()
                        .map(need -> Map.<String, Object>of("focusArea", need.getKey(), "priority", need.getValue()))
                        .toList();
                ApiClient.Response response =
                        members.post("/api/v1/companies/" + id + "/needs-assessments", Map.of("needs", needs));
                if (response.status() != 201) {
                    throw response.unexpected();
                }
            }
            assessed++;
        }
        return assessed;
    }

    private static Map<String, Object> application(Company company) {
        String person = company.name().split(" ")[0];
        return Map.of(
                "company",
                Map.of(
                        "organisationNumber", company.organisationNumber(),
                        "name", company.name(),
                        "municipalityCode", company.municipalityCode()),
                "contact",
                Map.of(
                        "name", "Kontaktperson " + person,
                        "email",
                                "kontakt@"
                                        + person.toLowerCase(java.util.Locale.ROOT)
                                                .replaceAll("[^a-z]", "") + ".example.se",
                        "language", "sv"),
                "consents",
                List.of("MEETING_INVITATIONS", "PROGRAMME_NEWS"),
                "acceptsMembershipTerms",
                true);
    }

    /** The ids kept by an earlier run (for a member token when the services are not started). */
    static Result known(Path store) throws IOException {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : read(store).path("companies").properties()) {
            ids.put(e.getKey(), e.getValue().asText());
        }
        return new Result(ids, 0, ids.size(), List.of());
    }

    static String idOf(ApiClient.Response response) {
        JsonNode id = response.json().path("id");
        if (!id.isMissingNode() && !id.isNull()) {
            return id.asText();
        }
        if (response.location() != null) {
            return response.location().substring(response.location().lastIndexOf('/') + 1);
        }
        throw new IllegalStateException(response.request() + " answered 201 without an id or Location");
    }

    static ObjectNode read(Path store) throws IOException {
        if (Files.exists(store)) {
            JsonNode node = ApiClient.JSON.readTree(store.toFile());
            if (node instanceof ObjectNode object) {
                return object;
            }
        }
        return ApiClient.JSON.createObjectNode();
    }

    static void write(Path store, ObjectNode root) throws IOException {
        Files.createDirectories(store.getParent());
        ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValue(store.toFile(), root);
    }
}
