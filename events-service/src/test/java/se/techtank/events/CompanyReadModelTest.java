package se.techtank.events;

import java.time.Duration;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import se.techtank.events.api.ReadModelFixtures;
import se.techtank.members.events.readmodel.CompanyReadModelWiringTest;
import se.techtank.platform.testing.TestOrganisationNumbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The company read model of docs/events.md as this service wires it, with its membership column. */
@QuarkusTest
class CompanyReadModelTest extends CompanyReadModelWiringTest {

    @Test
    void the_membership_status_is_kept_for_members_only_meetings() {
        UUID companyId =
                ReadModelFixtures.company(TestOrganisationNumbers.next(), "Karlskrona Marin AB", "1080", "ACTIVE");

        await().atMost(Duration.ofSeconds(20)).until(() -> "ACTIVE".equals(row(companyId, "membership_status")));
    }

    @Test
    void a_company_that_never_applied_has_no_membership_status() {
        UUID companyId = UUID.randomUUID();
        registered(companyId, "Sölvesborg Trä AB", "1083").send();
        awaitConsumedUpTo(companyId);

        assertThat(row(companyId, "coalesce(membership_status, 'none')")).isEqualTo("none");
    }
}
