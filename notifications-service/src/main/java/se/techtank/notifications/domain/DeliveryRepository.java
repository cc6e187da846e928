package se.techtank.notifications.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import se.techtank.platform.jdbc.PlainSql;

/** The delivery log: what was planned, sent, failed or suppressed, for whom (by id) and why. */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /**
     * Plans a delivery unless one for the same source, recipient and channel exists (the database decides,
     * also between replicas and for an event Kafka delivers twice); whether it was planned now. {@code
     * modelJson} is the delivery's model as JSON.
     */
    public boolean planOnce(Delivery delivery, String modelJson) {
        return PlainSql.update(
                        getEntityManager(),
                        """
                        insert into delivery (id, source_key, source_event_id, source_type, kind, channel,
                                              recipient_key, contact_id, registration_id, application_id,
                                              subscription_id, address, language, model, status,
                                              suppressed_reason, due_at, next_attempt_at, attempts,
                                              created_at, modified_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, 0, ?, ?, 0)
                        on conflict on constraint delivery_once do nothing
                        """,
                        delivery.id(),
                        delivery.sourceKey(),
                        delivery.sourceEventId(),
                        delivery.sourceType(),
                        delivery.kind().name(),
                        delivery.channel().name(),
                        delivery.recipientKey(),
                        delivery.contactId(),
                        delivery.registrationId(),
                        delivery.applicationId(),
                        delivery.subscriptionId(),
                        delivery.address(),
                        delivery.language(),
                        modelJson,
                        delivery.status().name(),
                        delivery.suppressedReason() == null
                                ? null
                                : delivery.suppressedReason().name(),
                        utc(delivery.dueAt()),
                        utc(delivery.nextAttemptAt()),
                        utc(delivery.createdAt()),
                        utc(delivery.modifiedAt()))
                == 1;
    }

    /**
     * Takes the next due delivery of {@code channel} that no other sender holds, locked until the caller's
     * transaction ends ({@code FOR UPDATE SKIP LOCKED}, as the outbox relay does): every replica's senders
     * take different rows, and a sender that dies lets its row go with its connection.
     */
    public Optional<Delivery> claimDue(Channel channel, Instant now) {
        return PlainSql.first(getEntityManager(), """
                        select id from delivery
                        where status in ('SCHEDULED', 'PENDING') and channel = ? and next_attempt_at <= ?
                        order by next_attempt_at
                        limit 1
                        for update skip locked
                        """, row -> row.getObject(1, UUID.class), channel.name(), utc(now))
                .map(id -> findById(id));
    }

    /** The open deliveries whose source key starts with {@code prefix} (a meeting's reminders). */
    public List<Delivery> openOf(String prefix) {
        return list(
                "sourceKey like ?1 and status in ?2",
                prefix + "%",
                List.of(DeliveryStatus.SCHEDULED, DeliveryStatus.PENDING));
    }

    /** The open deliveries of one recipient whose source key starts with {@code prefix}. */
    public List<Delivery> openOf(String prefix, String recipientKey) {
        return list(
                "sourceKey like ?1 and recipientKey = ?2 and status in ?3",
                prefix + "%",
                recipientKey,
                List.of(DeliveryStatus.SCHEDULED, DeliveryStatus.PENDING));
    }

    /**
     * Forgets a contact person in the log: every delivery to them loses address and model, and the ones not
     * yet sent are suppressed; how many rows changed.
     */
    public int eraseContact(UUID contactId, Instant now) {
        return erase("contact_id", contactId, now);
    }

    /** Forgets an application's contact in the log, as {@link #eraseContact} does a contact. */
    public int eraseApplicant(UUID applicationId, Instant now) {
        return erase("application_id", applicationId, now);
    }

    /** Forgets an attendee in the log, as {@link #eraseContact} does a contact. */
    public int eraseAttendee(UUID registrationId, Instant now) {
        return erase("registration_id", registrationId, now);
    }

    private int erase(String column, UUID id, Instant now) {
        return PlainSql.update(getEntityManager(), """
                update delivery
                set address = null,
                    model = '{}'::jsonb,
                    last_error = null,
                    status = case when status in ('SCHEDULED', 'PENDING') then 'SUPPRESSED' else status end,
                    suppressed_reason = case when status in ('SCHEDULED', 'PENDING') then 'ERASED'
                                             else suppressed_reason end,
                    modified_at = ?,
                    version = version + 1
                where %s = ?
                """.formatted(column), utc(now), id);
    }

    /** Whether a delivery went to one of {@code partnerId}'s webhook subscriptions. */
    public boolean ofPartner(Delivery delivery, String partnerId) {
        return delivery.subscriptionId() != null
                && PlainSql.first(
                                getEntityManager(),
                                "select 1 from webhook_subscription where id = ? and partner_id = ?",
                                row -> Boolean.TRUE,
                                delivery.subscriptionId(),
                                partnerId)
                        .isPresent();
    }

    /** When a due delivery would next be taken: the sender's wait when nothing is due yet. */
    public Optional<Instant> nextDue(Channel channel) {
        return PlainSql.first(
                getEntityManager(),
                """
                select min(next_attempt_at) from delivery
                where status in ('SCHEDULED', 'PENDING') and channel = ?
                """,
                row -> {
                    OffsetDateTime next = row.getObject(1, OffsetDateTime.class);
                    return next == null ? null : next.toInstant();
                },
                channel.name());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
