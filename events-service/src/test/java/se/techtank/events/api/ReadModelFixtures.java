package se.techtank.events.api;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

import se.techtank.platform.testing.CloudEventFixture;
import se.techtank.platform.testing.TestSql;

import static org.awaitility.Awaitility.await;

/** Companies and contacts as members-service would publish them, sent to this service's consumers. */
public final class ReadModelFixtures {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private ReadModelFixtures() {}

    /** Publishes a company with the membership status on members.company.v1; returns its id. */
    public static UUID company(String organisationNumber, String name, String municipality, String membershipStatus) {
        UUID id = UUID.randomUUID();
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        CloudEventFixture.on("members.company.v1")
                .from("/members-service")
                .type(
                        "se.techtank.members.company.membership-activated",
                        "contracts/members/company.membership-activated.v1.json")
                .subject(id)
                .data("""
                        {"companyId":"%s","organisationNumber":"%s","legalForm":"LIMITED_COMPANY","name":"%s",\
                        "municipalityCode":"%s","inBlekinge":true,"secondarySni":[],"needs":[],\
                        "membership":{"status":"%s","since":"2026-01-01","validUntil":"2026-12-31","feeTier":"TIER_2"},\
                        "createdAt":"%s","modifiedAt":"%s"}""".formatted(id, organisationNumber, name, municipality, membershipStatus, now, now))
                .send();
        return id;
    }

    public static void awaitCompany(DataSource database, String organisationNumber, String membershipStatus) {
        await().atMost(WAIT)
                .until(() -> membershipStatus.equals(TestSql.queryForString(
                        database,
                        "select membership_status from company where organisation_number = ?",
                        organisationNumber)));
    }
}
