package se.techtank.platform.jobs;

import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.JobRules;

/** The platform's own jobs (outbox, inbox, idempotency and rate-limit retention) skip runs while stopping. */
class ScheduledJobsTest {

    @Test
    void the_platform_s_scheduled_jobs_skip_their_runs_while_the_service_stops() {
        JobRules.check("se.techtank.platform");
    }
}
