package se.techtank.members.messaging.out;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.Contracts;

import static org.assertj.core.api.Assertions.assertThat;

/** The contact contracts forbid personal data where there must be none, not only describe it. */
class ContactContractTest {

    private static final String LIVE = """
            {"contactId": "7c1e9a3f-2d6b-4c0e-8f4a-3f2c8e0a5b7d", "companyId": "3f2c8e0a-5b7d-4c1e-9a3f-2d6b8c0e1f4a",
             "name": "Anna Berg", "email": "anna.berg@pressverktyg.se", "language": "sv",
             "consents": {"NEWSLETTER": {"given": true, "changedAt": "2026-10-01T08:00:00Z"}},
             "erased": false, "removed": false,
             "createdAt": "2026-10-01T08:00:00Z", "modifiedAt": "2026-10-01T08:00:00Z"}
            """;

    private static final String ERASED = """
            {"contactId": "7c1e9a3f-2d6b-4c0e-8f4a-3f2c8e0a5b7d", "companyId": "3f2c8e0a-5b7d-4c1e-9a3f-2d6b8c0e1f4a",
             "language": "sv", "consents": {"NEWSLETTER": {"given": false, "changedAt": "2026-10-09T08:00:00Z"}},
             "erased": true, "erasedAt": "2026-10-09T08:00:00Z", "removed": false,
             "createdAt": "2026-10-01T08:00:00Z", "modifiedAt": "2026-10-09T08:00:00Z"}
            """;

    private static Path schema(String fact) {
        return Contracts.root().resolve("contracts/members/contact." + fact + ".v1.json");
    }

    @Test
    void a_live_contact_and_an_erased_one_satisfy_their_schemas() {
        assertThat(Contracts.violations(schema("added"), LIVE)).isEmpty();
        assertThat(Contracts.violations(schema("updated"), LIVE)).isEmpty();
        assertThat(Contracts.violations(schema("erased"), ERASED)).isEmpty();
    }

    @Test
    void an_erased_event_with_a_name_e_mail_phone_or_a_given_consent_is_invalid() {
        assertThat(Contracts.violations(
                        schema("erased"), ERASED.replace("\"language\"", "\"name\": \"Anna\", \"language\"")))
                .isNotEmpty();
        assertThat(Contracts.violations(
                        schema("erased"), ERASED.replace("\"language\"", "\"email\": \"a@b.se\", \"language\"")))
                .isNotEmpty();
        assertThat(Contracts.violations(
                        schema("erased"), ERASED.replace("\"language\"", "\"phone\": \"0454-300000\", \"language\"")))
                .isNotEmpty();
        assertThat(Contracts.violations(schema("erased"), ERASED.replace("\"given\": false", "\"given\": true")))
                .isNotEmpty();
        assertThat(Contracts.violations(schema("erased"), LIVE)).isNotEmpty();
    }

    @Test
    void a_removed_event_with_personal_data_is_invalid() {
        String removed =
                LIVE.replace("\"removed\": false", "\"removed\": true").replace("\"given\": true", "\"given\": false");
        assertThat(Contracts.violations(schema("removed"), removed)).isNotEmpty();
        String anonymous = removed.replace("\"name\": \"Anna Berg\", \"email\": \"anna.berg@pressverktyg.se\", ", "");
        assertThat(Contracts.violations(schema("removed"), anonymous)).isEmpty();
    }

    @Test
    void a_live_contact_without_an_e_mail_is_invalid() {
        assertThat(Contracts.violations(schema("added"), LIVE.replace("\"email\": \"anna.berg@pressverktyg.se\",", "")))
                .isNotEmpty();
    }
}
