package se.techtank.local;

import com.fasterxml.jackson.databind.JsonNode;

/** The text printed once the stack is ready: where everything is, the tokens, and what to try. */
final class Summary {

    static final String READY_LINE = "Techtank local stack is ready";

    private Summary() {}

    static String of(
            Layout layout,
            Settings settings,
            Infrastructure infrastructure,
            RunningServices services,
            DemoLoad.Result demo,
            long startNanos) {
        Database database = infrastructure.database();
        String kafkaBootstrap = infrastructure.kafkaBootstrap();
        DemoMeetings.Result meetings = demo.meetings();
        String tokens = layout.show(layout.tokens());
        StringBuilder out = new StringBuilder();
        out.append('\n')
                .append(READY_LINE)
                .append(" (")
                .append(Console.seconds(System.nanoTime() - startNanos))
                .append(")\n\n");
        if (!services.specs().isEmpty() && services.replicas() == 1) {
            out.append("  Swagger UI\n");
            for (Services.Spec spec : services.specs()) {
                out.append(String.format(
                        "    %-22s %s%n",
                        spec.module(), spec.managementUrl("/q/swagger-ui").replace("127.0.0.1", "localhost")));
            }
        } else if (!services.specs().isEmpty()) {
            out.append("  Replicas  ")
                    .append(services.replicas())
                    .append(" of each service, the same databases and broker (API, Swagger UI)\n");
            for (Services.Spec spec : services.specs()) {
                for (int replica = 1; replica <= services.replicas(); replica++) {
                    Services.Spec instance = spec.replica(replica);
                    out.append(String.format(
                            "    %-24s %s  %s%n",
                            spec.name(replica),
                            instance.url("/api/v1"),
                            instance.managementUrl("/q/swagger-ui").replace("127.0.0.1", "localhost")));
                }
            }
        }
        out.append("  Tokens (valid 30 days) in ").append(tokens).append("/\n");
        out.append("    staff.jwt  ")
                .append(
                        demo.memberToken()
                                ? "member.jwt (company " + demo.companies().memberCompanyId() + ")  "
                                : "")
                .append("municipality.jwt (Karlshamn, 1082)  partner.jwt (iuc-syd)\n");
        String companyId = demo.companies().anyCompanyId();
        out.append("  Try\n    curl -H \"Authorization: Bearer $(cat ")
                .append(tokens)
                .append("/staff.jwt)\" http://localhost:8081/api/v1/companies/")
                .append(companyId != null ? companyId : "<id>")
                .append('\n');
        if (meetings != null) {
            String events = Services.EVENTS.url("/api/v1/meetings");
            JsonNode lean = meetings.leankonferens();
            out.append("  Meetings  ")
                    .append(meetings.meetingIds().size())
                    .append(" demo meetings (the autumn branschträffar, Leankonferens Blekinge, a members' meeting):\n")
                    .append("    curl ")
                    .append(events)
                    .append('\n')
                    .append("    Leankonferens Blekinge: ")
                    .append(lean.path("confirmedCount").asInt())
                    .append(" of ")
                    .append(lean.path("capacity").asInt())
                    .append(" seats taken, ")
                    .append(lean.path("waitlistLength").asInt())
                    .append(" on the waitlist; its registrations:\n")
                    .append("    curl -H \"Authorization: Bearer $(cat ")
                    .append(tokens)
                    .append("/staff.jwt)\" ")
                    .append(events)
                    .append('/')
                    .append(meetings.leankonferensId())
                    .append("/registrations\n");
        }
        out.append("  Logs      ").append(layout.show(layout.logs())).append("/<name>.log\n");
        out.append("  E-mail    ")
                .append(
                        infrastructure.ownSmtp()
                                ? "SMTP " + Smtp.HOST + ":" + Smtp.PORT + " keeps every mail: list in "
                                        + layout.show(layout.log("smtp")) + ", messages in "
                                        + layout.show(layout.mail()) + "/"
                                : "sent to " + settings.smtpHost().get() + " (SMTP_HOST)")
                .append('\n');
        out.append("  Database  ")
                .append(database.jdbcUrl("<members|events|programmes|notifications>"))
                .append("  user ")
                .append(database.serviceUser())
                .append('\n');
        out.append("  Kafka     ").append(kafkaBootstrap).append('\n');
        Services.ALL.stream()
                .filter(spec -> !services.runs(spec))
                .findFirst()
                .ifPresent(spec -> out.append("\n  Run a service yourself against it, e.g.:\n    DB_URL=")
                        .append(database.jdbcUrl(spec.database()))
                        .append(" DB_USER=")
                        .append(database.serviceUser())
                        .append(" DB_PASSWORD=")
                        .append(database.servicePassword())
                        .append(" KAFKA_BOOTSTRAP_SERVERS=")
                        .append(kafkaBootstrap)
                        .append(" ./mvnw -f ")
                        .append(spec.module())
                        .append(" quarkus:dev\n"));
        out.append("\nCtrl-C to stop.");
        return out.toString();
    }
}
