package se.techtank.programmes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.KafkaTestConsumer.ReceivedEvent;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;
import se.techtank.platform.testing.WatchesTopics;
import se.techtank.programmes.service.IntakeWindows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static se.techtank.programmes.ProgrammesApi.PROGRAMME_TOPIC;
import static se.techtank.programmes.ProgrammesApi.PROGRAMME_TYPE;
import static se.techtank.programmes.ProgrammesApi.assertContract;
import static se.techtank.programmes.ProgrammesApi.draftProgramme;
import static se.techtank.programmes.ProgrammesApi.intake;
import static se.techtank.programmes.ProgrammesApi.noRules;
import static se.techtank.programmes.ProgrammesApi.planIntake;
import static se.techtank.programmes.ProgrammesApi.programme;
import static se.techtank.programmes.ProgrammesApi.publishProgramme;
import static se.techtank.programmes.ProgrammesApi.uniqueCode;

/**
 * The window job opens the intakes of published programmes when their window opens and closes them when it
 * closes, once, whichever replica runs it.
 */
@QuarkusTest
class IntakeWindowsTest extends WatchesTopics {

    private static final String JOB = "programmes.intake-windows";

    @Inject
    IntakeWindows windows;

    @Inject
    AgroalDataSource database;

    private final KafkaTestConsumer programmes = watch(PROGRAMME_TOPIC);

    @Test
    void two_runners_at_once_open_an_intake_whose_window_opened_exactly_once() throws Exception {
        Due due = dueIntakeOfPublishedProgramme();

        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> runWhen(go));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> runWhen(go));
        go.countDown();
        List<Integer> results = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));

        assertThat(results).allSatisfy(result -> assertThat(result).isGreaterThanOrEqualTo(-1));
        assertThat(status(due.intakeId())).isEqualTo("OPEN");
        ReceivedEvent opened = programmes.awaitEvent(e -> isIntakeFact(e, due, "intake-opened"));
        programmes.assertNoEvent(e -> isIntakeFact(e, due, "intake-opened"), Duration.ofSeconds(3));
        assertContract(opened);
        assertThat(opened.json().path("intakeId").asText()).isEqualTo(due.intakeId());
        assertThat(opened.json().path("intakes").get(0).path("status").asText()).isEqualTo("OPEN");

        // Run again: nothing more to do for this intake.
        windows.apply(Instant.now());
        assertThat(status(due.intakeId())).isEqualTo("OPEN");
        programmes.assertNoEvent(e -> isIntakeFact(e, due, "intake-opened"), Duration.ofSeconds(1));
    }

    @Test
    void a_runner_skips_the_run_while_another_holds_the_jobs_lock() throws Exception {
        Due due = dueIntakeOfPublishedProgramme();

        try (Connection otherReplica = database.getConnection()) {
            execute(otherReplica, "select pg_advisory_lock(hashtext(?))");
            try {
                assertThat(windows.apply(Instant.now())).isEqualTo(-1);
                assertThat(status(due.intakeId())).isEqualTo("PLANNED");
            } finally {
                execute(otherReplica, "select pg_advisory_unlock(hashtext(?))");
            }
        }

        // The lock let go, the next run (this one, or the scheduler's in between) opens it.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            windows.apply(Instant.now());
            return "OPEN".equals(status(due.intakeId()));
        });
        programmes.awaitEvent(e -> isIntakeFact(e, due, "intake-opened"));
        programmes.assertNoEvent(e -> isIntakeFact(e, due, "intake-opened"), Duration.ofSeconds(2));
    }

    @Test
    void an_open_intake_whose_window_closed_is_closed_once() {
        String programmeId = ProgrammesApi.publishedProgrammeWithRules(noRules());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String intakeId = planIntake(TestTokens.staff(), programmeId, intake(5, now.minusHours(1), now.plusHours(1)))
                .statusCode(201)
                .extract()
                .path("id");
        int opened =
                ProgrammesApi.openIntake(TestTokens.staff(), intakeId).extract().statusCode();
        assertThat(opened).as("opened by hand (or already by the job)").isIn(200, 409);
        assertThat(status(intakeId)).isEqualTo("OPEN");
        Due due = new Due(programmeId, intakeId);

        // Two hours on, the window closed an hour ago.
        Instant later = Instant.now().plus(Duration.ofHours(2));
        // (Retried only should the scheduled run hold the job's lock at that very moment: -1.)
        await().atMost(Duration.ofSeconds(30)).until(() -> windows.apply(later) >= 0);
        assertThat(status(intakeId)).isEqualTo("CLOSED");
        assertThat(windows.apply(later)).isGreaterThanOrEqualTo(-1);

        ReceivedEvent closed = programmes.awaitEvent(e -> isIntakeFact(e, due, "intake-closed"));
        programmes.assertNoEvent(e -> isIntakeFact(e, due, "intake-closed"), Duration.ofSeconds(2));
        assertContract(closed);
        assertThat(closed.json().path("intakeId").asText()).isEqualTo(intakeId);
        ProgrammesApi.readIntake(null, intakeId).statusCode(200).body("status", equalTo("CLOSED"));
    }

    @Test
    void a_closed_intake_is_completed_the_day_after_it_ended() {
        String programmeId = ProgrammesApi.publishedProgrammeWithRules(noRules());
        String intakeId = planIntake(TestTokens.staff(), programmeId, ProgrammesApi.futureIntake(5))
                .statusCode(201)
                .extract()
                .path("id");
        // As if its window had come and gone and it ran until yesterday.
        assertThat(se.techtank.platform.testing.TestSql.execute(
                        database,
                        "update intake set status = 'CLOSED', application_opens_at = now() - interval '90 days',"
                                + " application_closes_at = now() - interval '60 days', starts_on = current_date - 50,"
                                + " ends_on = current_date - 1 where id = ?::uuid",
                        intakeId))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> windows.apply(Instant.now()) >= 0);
        assertThat(status(intakeId)).isEqualTo("COMPLETED");
        ProgrammesApi.openIntake(TestTokens.staff(), intakeId).statusCode(409);
    }

    @Test
    void an_intake_of_a_draft_programme_is_not_opened() {
        String programmeId = draftProgramme(programme(uniqueCode("WDRAFT"), noRules()));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String intakeId = planIntake(TestTokens.staff(), programmeId, intake(5, now.minusMinutes(5), now.plusDays(30)))
                .statusCode(201)
                .extract()
                .path("id");

        assertThat(windows.apply(Instant.now())).isGreaterThanOrEqualTo(-1);

        assertThat(status(intakeId)).isEqualTo("PLANNED");
        programmes.assertNoEvent(e -> programmeId.equals(e.key()), Duration.ofSeconds(1));
    }

    // ---------------------------------------------------------------- helpers

    private record Due(String programmeId, String intakeId) {}

    /**
     * A published programme with a planned intake whose window opened five minutes ago. The intake is planned
     * while the programme is a draft, so the scheduled run cannot open it before the test's runners are ready.
     */
    private Due dueIntakeOfPublishedProgramme() {
        String programmeId = draftProgramme(programme(uniqueCode("WIN"), noRules()));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = intake(5, now.minusMinutes(5), now.plusDays(30));
        String intakeId = planIntake(TestTokens.staff(), programmeId, body)
                .statusCode(201)
                .body("status", equalTo("PLANNED"))
                .extract()
                .path("id");
        publishProgramme(TestTokens.staff(), programmeId).statusCode(200);
        programmes.awaitEvent(e -> programmeId.equals(e.key()) && (PROGRAMME_TYPE + "published").equals(e.ceType()));
        return new Due(programmeId, intakeId);
    }

    private int runWhen(CountDownLatch go) {
        try {
            if (!go.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never started");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return windows.apply(Instant.now());
    }

    private static boolean isIntakeFact(ReceivedEvent event, Due due, String fact) {
        return due.programmeId().equals(event.key())
                && (PROGRAMME_TYPE + fact).equals(event.ceType())
                && due.intakeId().equals(event.json().path("intakeId").asText());
    }

    private String status(String intakeId) {
        return TestSql.queryForString(database, "select status from intake where id = ?::uuid", intakeId);
    }

    private static void execute(Connection connection, String sql) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, JOB);
            statement.execute();
        }
    }
}
