package se.techtank.events;

import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.JobRules;
import se.techtank.platform.testing.LayeringRules;

/** The layering of docs/architecture.md holds in this service. */
class LayeringTest {

    @Test
    void layers_depend_inwards_only() {
        LayeringRules.check("se.techtank.events");
    }

    @Test
    void scheduled_jobs_skip_their_runs_while_the_service_stops() {
        JobRules.check("se.techtank.events");
    }
}
