package se.techtank.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tokens and the demo data, once the services run: companies, memberships and needs through
 * members-service, the check that they reached every company read model, then the demo meetings and
 * their registrations through events-service, and the demo programmes, intakes and applications through
 * programmes-service.
 */
final class DemoLoad {

    static final String READ_MODELS_LINE = "Company read models in sync";
    private static final Duration READ_MODEL_TIMEOUT = Duration.ofSeconds(30);

    private final Layout layout;
    private final Settings settings;

    private Tokens tokens;
    private String staffToken;
    private DemoData.Result companies;

    /** What was loaded, for the summary; {@code meetings} is null when events-service does not run. */
    record Result(DemoData.Result companies, DemoMeetings.Result meetings, boolean memberToken) {}

    DemoLoad(Layout layout, Settings settings) {
        this.layout = layout;
        this.settings = settings;
    }

    /** Before the services start: the tokens that need no demo data, and the ids an earlier run kept. */
    void prepare() throws IOException {
        tokens = new Tokens(layout.tokens());
        staffToken = Files.readString(tokens.staff()).trim();
        tokens.municipality();
        tokens.partner();
        companies = DemoData.known(store());
    }

    /** Loads what the running services take, then writes the member token (of a demo member company). */
    Result load(RunningServices services, Database database, WebhookReceiver webhooks, StartGuard guard)
            throws Exception {
        if (services.runs(Services.MEMBERS)) {
            loadCompanies();
        }
        awaitCompanyReadModels(services, database, guard);
        DemoMeetings.Result meetings = null;
        if (services.runs(Services.EVENTS)) {
            // After the read models: registrations name demo companies, and members-only ones need members.
            meetings = loadMeetings(services.runs(Services.MEMBERS));
        }
        if (services.runs(Services.NOTIFICATIONS)) {
            // Before the programmes: IUC Syd's subscription then receives the demo applications' events.
            subscribeDemoPartner(webhooks);
        }
        if (services.runs(Services.PROGRAMMES)) {
            loadProgrammes();
        }
        String memberCompany = companies.memberCompanyId();
        if (memberCompany != null) {
            tokens.member(memberCompany);
        } else {
            Files.deleteIfExists(tokens.file("member"));
        }
        return new Result(companies, meetings, memberCompany != null);
    }

    private void loadCompanies() throws IOException, InterruptedException {
        Console.Step step = Console.step();
        ApiClient members = new ApiClient(Services.MEMBERS.url(""), staffToken);
        try {
            companies = DemoData.load(members, store());
            int[] memberships = DemoData.loadMemberships(members, companies.companyIds());
            int withNeeds = DemoData.loadNeeds(members, companies.companyIds());
            step.done("Demo data: " + companies.companyIds().size() + " companies (" + companies.created()
                    + " created, " + companies.existing() + " kept), " + memberships[0] + " members, "
                    + memberships[1] + " application waiting, " + withNeeds + " with needs");
            if (!companies.idUnknown().isEmpty()) {
                Console.warn(companies.idUnknown().size() + " demo companies exist but their ids are not in "
                        + layout.show(store()) + " (deleted?); --fresh creates them anew");
            }
        } catch (IllegalStateException e) {
            Console.warn("demo data not loaded: " + e.getMessage());
            companies = DemoData.known(store());
        }
    }

    /**
     * The end-to-end check of the event flow: the demo companies, registered through members-service,
     * reach the company read model of every consuming service through Kafka (outbox, relay, inbox).
     */
    private void awaitCompanyReadModels(RunningServices services, Database database, StartGuard guard)
            throws Exception {
        List<Services.Spec> consumers = services.specs().stream()
                .filter(spec -> !spec.equals(Services.MEMBERS))
                .toList();
        if (consumers.isEmpty() || companies.companyIds().isEmpty()) {
            return;
        }
        Console.Step step = Console.step();
        Collection<String> ids = companies.companyIds().values();
        long deadline = System.nanoTime() + READ_MODEL_TIMEOUT.toNanos();
        Map<String, Long> counts = new LinkedHashMap<>();
        while (true) {
            for (Services.Spec spec : consumers) {
                counts.put(spec.module(), database.countIds(spec.database(), "company", ids));
            }
            if (counts.values().stream().allMatch(count -> count == ids.size())) {
                step.done(READ_MODELS_LINE + " (" + ids.size() + " demo companies in " + consumers.size() + ")");
                return;
            }
            if (System.nanoTime() > deadline || guard.stopping()) {
                Console.warn("company read models not in sync after " + READ_MODEL_TIMEOUT.toSeconds() + " s: " + counts
                        + " of " + ids.size());
                return;
            }
            Thread.sleep(250);
        }
    }

    /**
     * IUC Syd's webhook subscription to the launcher's receiver (created once, its secret rotated at each later
     * start, since a secret is shown only when it is made), so that the receiver can check the signatures.
     */
    private void subscribeDemoPartner(WebhookReceiver webhooks) throws IOException, InterruptedException {
        Console.Step step = Console.step();
        ApiClient staff = new ApiClient(Services.NOTIFICATIONS.url(""), staffToken);
        ApiClient.Response existing = staff.get("/api/v1/webhook-subscriptions");
        String id = null;
        for (com.fasterxml.jackson.databind.JsonNode subscription : existing.json()) {
            if (WebhookReceiver.url().equals(subscription.path("url").asText())) {
                id = subscription.path("id").asText();
            }
        }
        ApiClient.Response answer = id == null
                ? staff.post(
                        "/api/v1/webhook-subscriptions",
                        java.util.Map.of(
                                "partnerId", Tokens.PARTNER_ID,
                                "url", WebhookReceiver.url(),
                                "eventTypes",
                                        List.of(
                                                "se.techtank.programmes.application.*",
                                                "se.techtank.programmes.programme.intake-opened",
                                                "se.techtank.programmes.programme.intake-closed")))
                : staff.post("/api/v1/webhook-subscriptions/" + id + "/rotate-secret", java.util.Map.of());
        String secret = answer.json().path("secret").asText("");
        if (answer.status() / 100 != 2 || secret.isEmpty()) {
            Console.warn("demo webhook subscription not made: " + answer.request() + " answered " + answer.status()
                    + " " + answer.problemType());
            return;
        }
        webhooks.trust(secret);
        step.done("Demo webhook: IUC Syd's subscription to " + WebhookReceiver.url() + " (each request, with its"
                + " signature verdict, in " + layout.show(layout.local().resolve("webhooks")) + ")");
    }

    private void loadProgrammes() throws IOException, InterruptedException {
        Console.Step step = Console.step();
        ApiClient staff = new ApiClient(Services.PROGRAMMES.url(""), staffToken);
        ApiClient partner = new ApiClient(
                Services.PROGRAMMES.url(""),
                Files.readString(tokens.file("partner")).trim());
        try {
            DemoProgrammes.Result programmes = DemoProgrammes.load(
                    staff, partner, List.copyOf(companies.companyIds().keySet()), LocalDate.now(DemoProgrammes.ZONE));
            step.done("Demo programmes: " + programmes.programmes() + " (" + programmes.created() + " created), "
                    + programmes.applications() + " applications");
        } catch (IllegalStateException e) {
            Console.warn("demo programmes not loaded: " + e.getMessage());
        }
    }

    private DemoMeetings.Result loadMeetings(boolean membersRunning) throws IOException, InterruptedException {
        Console.Step step = Console.step();
        ApiClient staffEvents = new ApiClient(Services.EVENTS.url(""), staffToken);
        ApiClient anonymousEvents = new ApiClient(Services.EVENTS.url(""), null);
        try {
            DemoMeetings.Result meetings = DemoMeetings.load(
                    staffEvents, anonymousEvents, store(), LocalDate.now(DemoMeetings.ZONE), membersRunning);
            step.done("Demo meetings: " + meetings.meetingIds().size() + " (" + meetings.created() + " created, "
                    + meetings.kept() + " kept"
                    + (meetings.replaced() > 0 ? ", " + meetings.replaced() + " past ones planned anew" : "")
                    + "), " + (meetings.registered() + meetings.registrationsKept()) + " registrations ("
                    + meetings.registered() + " sent, " + meetings.registrationsKept() + " kept)");
            if (meetings.registrationsRefused() > 0) {
                Console.warn(meetings.registrationsRefused() + " demo registrations refused (registration closed,"
                        + " meeting cancelled, or no active member company); --fresh starts anew");
            }
            return meetings;
        } catch (IllegalStateException e) {
            Console.warn("demo meetings not loaded: " + e.getMessage());
            return null;
        }
    }

    /**
     * Where the demo data ids are kept: {@code .local/demo-data.json} for the embedded PostgreSQL, a file
     * of its own for a POSTGRES_HOST server (the ids of one database mean nothing in another).
     */
    private Path store() {
        return settings.postgresHost().isEmpty()
                ? layout.demoData()
                : layout.local()
                        .resolve(
                                "demo-data-" + settings.postgresHost().get() + "-" + settings.postgresPort() + ".json");
    }
}
