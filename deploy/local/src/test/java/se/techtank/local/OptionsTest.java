package se.techtank.local;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {

    @Test
    void one_replica_and_the_services_own_schedules_by_default() {
        Options options = Options.parse(new String[] {"--fresh"});
        assertEquals(1, options.replicas());
        assertTrue(options.jobEnvironment().isEmpty());
    }

    @Test
    void a_second_replica_listens_ten_ports_up_and_is_named_for_its_log_and_pid() {
        Options options = Options.parse(new String[] {"--replicas", "2"});
        assertEquals(2, options.replicas());
        Services.Spec second = Services.MEMBERS.replica(2);
        assertEquals(8091, second.port());
        assertEquals(8191, second.managementPort());
        assertEquals("members", second.database());
        assertEquals("members-service-2", Services.MEMBERS.name(2));
        assertEquals(Services.MEMBERS, Services.MEMBERS.replica(1));
    }

    @Test
    void jobs_every_sets_the_schedules_the_services_read() {
        Options options = Options.parse(new String[] {"--jobs-every", "2"});
        assertEquals(
                Map.of(
                        "TECHTANK_MEMBERSHIP_RENEWAL_CHECK_CRON", "*/2 * * * * ?",
                        "INTAKE_WINDOW_CHECK", "2s",
                        "TECHTANK_PROGRAMMES_INTAKE_WINDOW_DELAY", "2s"),
                options.jobEnvironment());
    }

    @Test
    void a_replica_count_out_of_range_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--replicas", "3"}));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--replicas"}));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--jobs-every", "x"}));
    }
}
