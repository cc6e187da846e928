package se.techtank.platform.outbox;

import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import se.techtank.platform.jdbc.PlainSql;
import se.techtank.platform.tracing.EventTracing;

/**
 * Records an event in the outbox table, inside the caller's transaction, so that the event is
 * published if and only if the state change commits (see docs/adr/0002-transactional-outbox.md).
 *
 * <p>Names follow docs/events.md: in service {@code members}, aggregate {@code company} and fact {@code
 * registered} give type {@code se.techtank.members.company.registered}, topic {@code
 * members.company.v1} and schema {@code https://api.techtank.se/contracts/members/company.registered.v1.json}
 * (the {@code $id} of {@code contracts/members/company.registered.v1.json}). Only what contracts/asyncapi.yaml
 * lists is recorded ({@link EventCatalogue}).
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelayRunner relay;
    private final String service;

    Outbox(
            EntityManager entityManager,
            ObjectMapper objectMapper,
            TransactionSynchronizationRegistry transactions,
            OutboxRelayRunner relay,
            @ConfigProperty(name = "techtank.service-name") String service) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.transactions = transactions;
        this.relay = relay;
        this.service = service;
    }

    /**
     * Records one event; must run inside the command's transaction.
     *
     * @param aggregateType the aggregate, e.g. {@code company}
     * @param aggregateId the aggregate's id: the record key and {@code ce_subject}
     * @param fact what happened, past tense, e.g. {@code registered}
     * @param payload the aggregate's current state, a record serialised as JSON
     * @return the event id ({@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String aggregateType, Object aggregateId, String fact, Object payload) {
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(payload, "payload");
        EventNames names = EventNames.of(service, aggregateType, fact);
        EventCatalogue.packaged().requireListed(names);
        UUID id = UUID.randomUUID();
        String json;
        try {
            json = objectMapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload cannot be written as JSON: " + payload, e);
        }
        // The command's own changes are written first, as a native query would: their constraint violations
        // surface here, inside the command, where services turn them into answers (not at the commit).
        entityManager.flush();
        // The trace that caused the event travels with it (docs/events.md): the relay sends it as headers.
        EventTracing.TraceContext trace = EventTracing.current();
        // now() is the transaction's start time in PostgreSQL: the time the fact happened. Plain SQL: it runs
        // for every event, and a native query cost more CPU than the insert (PlainSql).
        PlainSql.update(
                entityManager,
                """
                insert into platform.outbox
                    (id, topic, aggregate_type, aggregate_id, event_type, data_schema, payload, occurred_at, traceparent, tracestate)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), now(), ?, ?)
                """,
                id,
                names.topic(),
                aggregateType,
                aggregateId.toString(),
                names.type(),
                names.dataSchema(),
                json,
                trace.traceparent(),
                trace.tracestate());
        transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
        return id;
    }

    /**
     * Deletes the already published rows of one aggregate whose personal data is being erased (GDPR), which
     * would otherwise keep the person's name and address until retention ({@code techtank.outbox.retention}).
     * Rows not yet published are kept and go out as recorded, the erasure's own event among them: consumers
     * need them in order. Must run inside the erasing command's transaction.
     *
     * @return how many rows were deleted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetPublished(String aggregateType, Object aggregateId) {
        return entityManager
                .createNativeQuery(
                        "delete from platform.outbox where aggregate_type = ?1 and aggregate_id = ?2 and sent_at is not null")
                .setParameter(1, aggregateType)
                .setParameter(2, aggregateId.toString())
                .executeUpdate();
    }

    private record WakeRelayAfterCommit(OutboxRelayRunner relay) implements Synchronization {
        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wake();
            }
        }
    }
}
