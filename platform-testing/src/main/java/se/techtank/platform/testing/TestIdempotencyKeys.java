package se.techtank.platform.testing;

import javax.sql.DataSource;

/**
 * Puts a kept {@code Idempotency-Key} (platform.idempotency_key) into the states a test cannot reach by timing
 * alone: as if its first request were still running, or as if that request's replica had died before
 * keeping the answer. Each returns how many keys it changed (1 for a known key).
 */
public final class TestIdempotencyKeys {

    private TestIdempotencyKeys() {}

    /** As if the first request with {@code key} were still being processed (no answer kept, claimed now). */
    public static int asIfInProgress(DataSource database, String key) {
        return TestSql.execute(
                database, "update platform.idempotency_key set status = null, created_at = now() where key = ?", key);
    }

    /** As if the first request's replica had died before keeping its answer (claimed two minutes ago). */
    public static int asIfAbandoned(DataSource database, String key) {
        return TestSql.execute(
                database,
                "update platform.idempotency_key set status = null, created_at = now() - interval '2 minutes'"
                        + " where key = ?",
                key);
    }

    /** How many keys named {@code key} are kept (0 once a failed request let go of it). */
    public static long count(DataSource database, String key) {
        return TestSql.queryForLong(database, "select count(*) from platform.idempotency_key where key = ?", key);
    }
}
