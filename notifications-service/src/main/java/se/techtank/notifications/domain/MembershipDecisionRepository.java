package se.techtank.notifications.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import se.techtank.platform.jdbc.PlainSql;

/**
 * The membership decisions still news, so that a contact person who reaches this service after the decision
 * (members.contact.v1 and members.company.v1 are not ordered against each other) is told of it too.
 */
@ApplicationScoped
public class MembershipDecisionRepository {

    private final EntityManager entityManager;

    MembershipDecisionRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Serialises, until the transaction ends, everything that decides who of {@code companyId}'s contacts is
     * told of a decision: the decision arriving and a contact arriving. Without it, each could commit without
     * seeing the other and the contact would never be told.
     */
    public void lockCompany(UUID companyId) {
        PlainSql.first(
                entityManager,
                "select pg_advisory_xact_lock(?)",
                row -> Boolean.TRUE,
                companyId.getMostSignificantBits() ^ companyId.getLeastSignificantBits());
    }

    /** Keeps the decision; the same event again changes nothing. */
    public void record(MembershipDecision decision) {
        PlainSql.update(
                entityManager,
                """
                insert into membership_decision (event_id, event_type, company_id, kind, company_name, decided_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict do nothing
                """,
                decision.eventId(),
                decision.eventType(),
                decision.companyId(),
                decision.kind().name(),
                decision.companyName(),
                decision.decidedAt().atOffset(ZoneOffset.UTC));
    }

    /**
     * The company's decisions made at or after {@code from} (when a contact was created; {@code null} when not
     * known) that are not older than {@code notBefore}, oldest first.
     */
    public List<MembershipDecision> of(UUID companyId, Instant from, Instant notBefore) {
        Instant since = from == null || from.isBefore(notBefore) ? notBefore : from;
        return PlainSql.list(
                entityManager,
                """
                select event_id, event_type, company_id, kind, company_name, decided_at from membership_decision
                where company_id = ? and decided_at >= ? order by decided_at, event_id
                """,
                row -> new MembershipDecision(
                        row.getObject("event_id", UUID.class),
                        row.getString("event_type"),
                        row.getObject("company_id", UUID.class),
                        NotificationKind.valueOf(row.getString("kind")),
                        row.getString("company_name"),
                        row.getObject("decided_at", java.time.OffsetDateTime.class)
                                .toInstant()),
                companyId,
                since.atOffset(ZoneOffset.UTC));
    }

    /** Forgets the decisions made before {@code before}: no longer news to anyone. */
    public int forgetBefore(Instant before) {
        return PlainSql.update(
                entityManager, "delete from membership_decision where decided_at < ?", before.atOffset(ZoneOffset.UTC));
    }
}
