package se.techtank.platform.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Two runners (two replicas) of one job against a real PostgreSQL. */
class JobLockTest {

    private static DataSource database;

    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch finish = new CountDownLatch(1);
    private final AtomicInteger runsOfB = new AtomicInteger();
    private JobLock runnerA;
    private JobLock runnerB;
    private String job;

    @BeforeAll
    static void connect() {
        database = TestPostgres.get().dataSource("platform_jobs_test");
    }

    @BeforeEach
    void twoRunners() {
        runnerA = new JobLock(database);
        runnerB = new JobLock(database);
        job = "test.job-" + UUID.randomUUID();
    }

    @AfterEach
    void letGo() {
        finish.countDown();
    }

    @Test
    void while_one_runner_runs_the_job_the_other_skips_it_and_runs_it_once_the_first_is_done() throws Exception {
        CompletableFuture<Optional<String>> a = startA();

        assertThat(runnerB.tryRun(job, runsOfB::incrementAndGet)).isFalse();
        assertThat(runsOfB).hasValue(0);
        assertThat(runnerB.tryCall("test.other-job-" + UUID.randomUUID(), () -> "other"))
                .as("another job is not held back")
                .contains("other");

        finish.countDown();
        assertThat(a.get(10, TimeUnit.SECONDS)).contains("done by A");

        assertThat(runnerB.tryRun(job, runsOfB::incrementAndGet)).isTrue();
        assertThat(runsOfB).hasValue(1);
    }

    @Test
    void a_runner_whose_database_connection_dies_lets_go_of_the_job() throws Exception {
        CompletableFuture<Optional<String>> a = startA();
        assertThat(runnerB.tryRun(job, runsOfB::incrementAndGet)).isFalse();

        // A's replica crashes: PostgreSQL sees its connection end.
        terminateSessionHolding(job);

        await().atMost(Duration.ofSeconds(10)).until(() -> runnerB.tryRun(job, runsOfB::incrementAndGet));
        assertThat(runsOfB).hasValue(1);

        // A's work itself was not stopped; it completes, with its lock long gone (logged as a warning).
        finish.countDown();
        assertThat(a.get(10, TimeUnit.SECONDS)).contains("done by A");
        assertThat(runnerB.tryRun(job, runsOfB::incrementAndGet)).isTrue();
    }

    @Test
    void a_run_that_fails_lets_go_of_the_job() {
        assertThatThrownBy(() -> runnerA.tryRun(job, () -> {
                    throw new IllegalArgumentException("the job failed");
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the job failed");

        assertThat(runnerB.tryRun(job, runsOfB::incrementAndGet)).isTrue();
        assertThat(runsOfB).hasValue(1);
    }

    @Test
    void a_session_holding_the_jobs_advisory_lock_holds_the_job_back() throws Exception {
        try (Connection operator = database.getConnection();
                PreparedStatement lock = operator.prepareStatement("select pg_advisory_lock(hashtext(?))")) {
            lock.setString(1, job);
            lock.execute();
            assertThat(runnerA.tryRun(job, runsOfB::incrementAndGet)).isFalse();
        }
        assertThat(runnerA.tryRun(job, runsOfB::incrementAndGet)).isTrue();
        assertThat(runsOfB).hasValue(1);
    }

    @Test
    void a_job_started_inside_a_transaction_is_refused() {
        JobLock insideTransaction = new JobLock(database, () -> true);

        assertThatThrownBy(() -> insideTransaction.tryRun(job, runsOfB::incrementAndGet))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside a transaction");
        assertThat(runsOfB).hasValue(0);
    }

    /** Runner A takes the job and runs until the test lets it finish. */
    private CompletableFuture<Optional<String>> startA() throws InterruptedException {
        CompletableFuture<Optional<String>> a = CompletableFuture.supplyAsync(() -> runnerA.tryCall(job, () -> {
            started.countDown();
            try {
                if (!finish.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never let runner A finish");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return "done by A";
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).as("runner A started").isTrue();
        return a;
    }

    private static void terminateSessionHolding(String job) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        select pg_terminate_backend(pid) from pg_locks
                        where locktype = 'advisory' and granted and objsubid = 1
                          and database = (select oid from pg_database where datname = current_database())
                          and ((classid::bigint << 32) | objid::bigint) = hashtext(?)
                        """)) {
            statement.setString(1, job);
            try (ResultSet result = statement.executeQuery()) {
                assertThat(result.next()).as("a session holds the job's lock").isTrue();
                assertThat(result.getBoolean(1)).isTrue();
            }
        }
    }
}
