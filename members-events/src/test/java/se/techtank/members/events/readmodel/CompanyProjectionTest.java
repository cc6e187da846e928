package se.techtank.members.events.readmodel;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.techtank.members.events.CompanyEvents;
import se.techtank.platform.events.IncomingEvent;
import se.techtank.platform.events.MalformedEventException;
import se.techtank.platform.testing.TestSql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Apply if newer" against a real PostgreSQL table, as every consuming service has one. */
class CompanyProjectionTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);

    private static DataSource database;

    private final CompanyProjection projection =
            CompanyProjection.into("company", List.of(CompanyColumn.MEMBERSHIP_STATUS));

    @BeforeAll
    static void table() {
        database = ReadModelDatabase.migrated("members_events_projection");
        TestSql.execute(database, "alter table company add column membership_status varchar(12)");
    }

    @Test
    void a_registered_company_gets_a_row_with_the_columns_of_the_table() throws SQLException {
        UUID companyId = UUID.randomUUID();

        assertThat(apply(event(CompanyEvents.REGISTERED, companyId, "Olofströms Pressverktyg AB", "1060", null, NOW)))
                .isTrue();

        assertThat(row(
                        companyId,
                        "organisation_number || '/' || name || '/' || municipality_code || '/' || in_blekinge"))
                .isEqualTo("556036-0793/Olofströms Pressverktyg AB/1060/true");
        assertThat(row(companyId, "coalesce(membership_status, 'none')")).isEqualTo("none");
        assertThat(row(companyId, "state_as_of = '" + NOW + "'::timestamptz")).isEqualTo("t");
    }

    @Test
    void a_newer_state_replaces_the_row_and_an_older_one_does_not() throws SQLException {
        UUID companyId = UUID.randomUUID();
        apply(event(CompanyEvents.REGISTERED, companyId, "Ronneby Plast AB", "1081", null, NOW));

        assertThat(apply(event(
                        CompanyEvents.MEMBERSHIP_ACTIVATED,
                        companyId,
                        "Ronneby Plast AB",
                        "1081",
                        "ACTIVE",
                        NOW.plusSeconds(1))))
                .isTrue();
        assertThat(apply(
                        event(CompanyEvents.UPDATED, companyId, "Old Name AB", "1080", "APPLIED", NOW.minusMinutes(5))))
                .isFalse();

        assertThat(row(companyId, "name || '/' || municipality_code || '/' || membership_status"))
                .isEqualTo("Ronneby Plast AB/1081/ACTIVE");
    }

    @Test
    void the_same_state_again_is_taken_so_that_a_replay_fills_new_columns() throws SQLException {
        UUID companyId = UUID.randomUUID();
        CompanyProjection before = CompanyProjection.into("company", List.of());
        try (Connection connection = database.getConnection()) {
            before.apply(
                    event(CompanyEvents.MEMBERSHIP_APPLIED, companyId, "Karlshamns Kraft AB", "1082", "APPLIED", NOW),
                    connection);
        }
        assertThat(row(companyId, "coalesce(membership_status, 'none')")).isEqualTo("none");

        assertThat(apply(event(
                        CompanyEvents.MEMBERSHIP_APPLIED, companyId, "Karlshamns Kraft AB", "1082", "APPLIED", NOW)))
                .isTrue();

        assertThat(row(companyId, "membership_status")).isEqualTo("APPLIED");
    }

    @Test
    void without_ce_time_the_payloads_modified_at_says_when() throws SQLException {
        UUID companyId = UUID.randomUUID();
        apply(event(CompanyEvents.REGISTERED, companyId, "Newer AB", "1083", null, NOW));

        IncomingEvent older =
                withoutTime(event(CompanyEvents.UPDATED, companyId, "Older AB", "1083", null, NOW.minusDays(1)));
        assertThat(apply(older)).isFalse();
        IncomingEvent newer =
                withoutTime(event(CompanyEvents.UPDATED, companyId, "Newest AB", "1083", null, NOW.plusDays(1)));
        assertThat(apply(newer)).isTrue();

        assertThat(row(companyId, "name")).isEqualTo("Newest AB");
    }

    @Test
    void a_type_that_carries_no_company_state_is_ignored() throws SQLException {
        UUID companyId = UUID.randomUUID();
        IncomingEvent future =
                event("se.techtank.members.company.some-future-fact", companyId, "Future AB", "1060", null, NOW);

        assertThat(projection.changeIn(future)).isEmpty();
        assertThat(apply(future)).isFalse();
        assertThat(row(companyId, "name")).isNull();
    }

    @Test
    void a_state_without_what_every_company_has_is_malformed() {
        UUID companyId = UUID.randomUUID();
        IncomingEvent nameless = event(CompanyEvents.REGISTERED, companyId, "X", "1060", null, NOW);
        ((com.fasterxml.jackson.databind.node.ObjectNode) nameless.data()).remove("name");
        IncomingEvent notAState = new IncomingEvent(
                "e",
                CompanyEvents.UPDATED,
                "/members-service",
                null,
                NOW,
                null,
                CompanyEvents.TOPIC,
                null,
                MAPPER.createObjectNode().put("companyId", "not a uuid"),
                MAPPER);

        assertThatThrownBy(() -> projection.changeIn(nameless)).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> projection.changeIn(notAState)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void only_known_columns_and_plain_table_names_are_accepted() {
        assertThat(CompanyColumn.named("membership_status")).isEqualTo(CompanyColumn.MEMBERSHIP_STATUS);
        assertThatThrownBy(() -> CompanyColumn.named("name; drop table x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompanyProjection.into("company; drop table x", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CompanyProjection.into("company", List.of(CompanyColumn.NAME, CompanyColumn.FEE_TIER))
                        .columns())
                .containsExactly(
                        CompanyColumn.ORGANISATION_NUMBER,
                        CompanyColumn.NAME,
                        CompanyColumn.MUNICIPALITY_CODE,
                        CompanyColumn.IN_BLEKINGE,
                        CompanyColumn.FEE_TIER);
    }

    static IncomingEvent event(
            String type, UUID companyId, String name, String municipality, String membership, OffsetDateTime at) {
        try {
            return new IncomingEvent(
                    UUID.randomUUID().toString(),
                    type,
                    "/members-service",
                    companyId.toString(),
                    at,
                    null,
                    CompanyEvents.TOPIC,
                    companyId.toString(),
                    MAPPER.readTree(CompanyEventBuilder.state(companyId, name, municipality, membership, at)),
                    MAPPER);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static IncomingEvent withoutTime(IncomingEvent event) {
        return new IncomingEvent(
                event.id(),
                event.type(),
                event.source(),
                event.subject(),
                null,
                null,
                event.topic(),
                event.key(),
                event.data(),
                MAPPER);
    }

    private boolean apply(IncomingEvent event) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return projection.apply(event, connection);
        }
    }

    private String row(UUID companyId, String expression) {
        return TestSql.queryForString(database, "select " + expression + " from company where id = ?::uuid", companyId);
    }
}
