package se.techtank.platform.testing;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service's test suite published: the event types in its outbox, read after the suite's Quarkus tests.
 *
 * <p>Each service has a plain test (no {@code @QuarkusTest}) that compares this with what
 * {@code contracts/asyncapi.yaml} lists for the service, so that nothing is listed that no code path publishes
 * (docs/adr/0018-the-outbox-publishes-only-the-catalogue.md). Quarkus runs plain test classes after its own
 * ({@code QuarkusTestProfileAwareClassOrderer}), and the database lives as long as the JVM, so the outbox then
 * holds every event the suite recorded; published rows stay until {@code techtank.outbox.retention}.
 */
public final class RecordedEvents {

    private RecordedEvents() {}

    /**
     * Asserts that the suite recorded every listed event type in the outbox of {@code database}. Skipped (an
     * aborted assumption, not a pass) when no Quarkus test of this JVM used the database: the class was run on
     * its own.
     */
    public static void assertEveryListedTypeRecorded(String database, Collection<String> listedTypes) {
        Assumptions.assumeTrue(
                TechtankTestResource.used(database),
                "No Quarkus test of this run used database " + database + ": run the module's whole test suite");
        assertThat(listedTypes)
                .as("event types listed for database " + database)
                .isNotEmpty();
        Set<String> recorded = recordedTypes(database);
        Set<String> unpublished = new TreeSet<>(listedTypes);
        unpublished.removeAll(recorded);
        assertThat(unpublished)
                .as(
                        "listed in contracts/asyncapi.yaml, but no test of this service recorded them: publish each"
                                + " from the code path that makes it true and test that path, or remove it from the"
                                + " catalogue (recorded: %s)",
                        recorded)
                .isEmpty();
    }

    /** The distinct {@code event_type}s in {@code platform.outbox} of {@code database}, sent or not. */
    public static Set<String> recordedTypes(String database) {
        return new TreeSet<>(TestSql.queryForStrings(
                TestPostgres.get().dataSource(database), "select distinct event_type from platform.outbox"));
    }
}
