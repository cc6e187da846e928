package se.techtank.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import javax.sql.DataSource;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import se.techtank.platform.events.CloudEventHeaders;
import se.techtank.platform.tracing.EventTracing;

/**
 * Publishes outbox rows to Kafka as CloudEvents (binary mode), oldest first, keyed by aggregate id.
 *
 * <p>Any number of relays may run against one database (one per replica). Each claims a batch with
 * {@code FOR UPDATE SKIP LOCKED}, so no row is published by two relays at once, and publishes a
 * claimed row only if every older unsent row of the same aggregate is in its own batch: an aggregate's
 * events therefore reach Kafka in the order they were recorded. A row is marked sent only after the
 * broker acknowledged it ({@code acks=all}); the rows it did not acknowledge (Kafka unreachable, say) stay
 * unsent, and so do the later rows of their aggregates, and the relay retries with exponential backoff. The
 * acknowledged part of a batch is marked sent, so that it is not published twice; only an interrupted relay
 * (stopping) rolls a batch back whole, and consumers' inboxes drop what then comes again (by {@code ce_id}).
 */
public final class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration ACK_GRACE = Duration.ofSeconds(5);

    /**
     * How the relay paces itself; {@code linger}: after a batch that was not full, how long it lets more rows
     * gather before it claims the next (see {@link OutboxConfig.Relay#linger()}).
     */
    public record Settings(
            int batchSize,
            Duration pollInterval,
            Duration initialBackoff,
            Duration maxBackoff,
            Duration sendTimeout,
            Duration linger) {}

    private final DataSource dataSource;
    private final Supplier<Producer<String, String>> producerFactory;
    private final String source;
    private final Settings settings;
    private final IntConsumer onPublished;
    private final Semaphore wakeUps = new Semaphore(0);

    private volatile boolean running;
    private volatile Thread worker;
    private Producer<String, String> producer;
    private int consecutiveFailures;

    /**
     * @param source the {@code ce_source} of every event, e.g. {@code /members-service}
     */
    public OutboxRelay(
            DataSource dataSource,
            Supplier<Producer<String, String>> producerFactory,
            String source,
            Settings settings) {
        this(dataSource, producerFactory, source, settings, count -> {});
    }

    /**
     * @param published told how many rows each batch published (after its commit), e.g. to count them in a
     *     metric: with several replicas, each relay's count shows that it did its share
     */
    public OutboxRelay(
            DataSource dataSource,
            Supplier<Producer<String, String>> producerFactory,
            String source,
            Settings settings,
            IntConsumer published) {
        this.dataSource = dataSource;
        this.producerFactory = producerFactory;
        this.source = source;
        this.settings = settings;
        this.onPublished = published;
    }

    /** Starts the relay's own thread. */
    public synchronized void start(String threadName) {
        if (running) {
            return;
        }
        running = true;
        Thread thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    /** Asks the relay to look for rows now (called after a commit that recorded an event). */
    public void wake() {
        wakeUps.release();
    }

    /** Stops the thread, letting a batch in flight finish within the timeout, and closes the producer. */
    public void stop(Duration timeout) {
        Thread thread;
        synchronized (this) {
            running = false;
            thread = worker;
            worker = null;
        }
        if (thread != null) {
            wakeUps.release();
            try {
                thread.join(timeout.toMillis());
                if (thread.isAlive()) {
                    thread.interrupt();
                    thread.join(timeout.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
    }

    private void loop() {
        Duration backoff = settings.initialBackoff();
        while (running) {
            try {
                int published = publishBatch();
                if (consecutiveFailures > 0) {
                    LOG.infof("Outbox relay publishes again after %d failed attempts", consecutiveFailures);
                    consecutiveFailures = 0;
                }
                backoff = settings.initialBackoff();
                if (published == 0) {
                    wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                } else if (published < settings.batchSize()
                        && !settings.linger().isZero()) {
                    // Rows are still being written: let them gather, so that the next claim and produce
                    // request carry many instead of one small batch following another. The first row after
                    // a quiet spell still goes out at once (the wait above ends with its commit's wake-up).
                    Thread.sleep(settings.linger().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                consecutiveFailures++;
                closeProducer();
                if (consecutiveFailures == 1 || consecutiveFailures % 20 == 0) {
                    LOG.warnf(
                            "Outbox relay could not publish (attempt %d, retrying in %d ms): %s",
                            consecutiveFailures, backoff.toMillis(), e.toString());
                }
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2);
                if (backoff.compareTo(settings.maxBackoff()) > 0) {
                    backoff = settings.maxBackoff();
                }
            }
        }
    }

    /**
     * Claims, publishes and marks one batch in one database transaction.
     *
     * @return how many rows were published
     */
    public int publishBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<OutboxRow> claimed = claim(connection);
                List<OutboxRow> publishable = claimed.isEmpty() ? claimed : inAggregateOrder(connection, claimed);
                Published published = publishable.isEmpty() ? Published.NOTHING : publish(publishable);
                if (!published.acknowledged().isEmpty()) {
                    markSent(connection, published.acknowledged());
                }
                connection.commit();
                if (!published.acknowledged().isEmpty()) {
                    onPublished.accept(published.acknowledged().size());
                }
                if (published.failure() != null) {
                    // What the broker took is marked sent (so it is not published twice); the rest waits.
                    throw published.failure();
                }
                return published.acknowledged().size();
            } catch (Exception e) {
                rollbackQuietly(connection);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private List<OutboxRow> claim(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                select seq, id, topic, aggregate_id, event_type, data_schema, payload::text, occurred_at,
                       traceparent, tracestate
                from platform.outbox
                where sent_at is null
                order by seq
                limit ?
                for update skip locked
                """)) {
            statement.setInt(1, settings.batchSize());
            List<OutboxRow> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getObject(8, OffsetDateTime.class),
                            rs.getString(9),
                            rs.getString(10)));
                }
            }
            return rows;
        }
    }

    /**
     * Keeps, per aggregate, only the claimed rows that form the head of that aggregate's unsent rows.
     * An older unsent row that another relay holds makes this relay leave the newer ones for later.
     */
    private List<OutboxRow> inAggregateOrder(Connection connection, List<OutboxRow> claimed) throws SQLException {
        Set<String> aggregates = new LinkedHashSet<>();
        Set<Long> mine = new HashSet<>();
        for (OutboxRow row : claimed) {
            aggregates.add(row.aggregateId());
            mine.add(row.seq());
        }
        Set<Long> allowed = new HashSet<>();
        Map<String, Boolean> blocked = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select aggregate_id, seq from platform.outbox
                where sent_at is null and aggregate_id = any(?)
                order by aggregate_id, seq
                """)) {
            Array ids = connection.createArrayOf("text", aggregates.toArray());
            statement.setArray(1, ids);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String aggregate = rs.getString(1);
                    long seq = rs.getLong(2);
                    if (blocked.getOrDefault(aggregate, false)) {
                        continue;
                    }
                    if (mine.contains(seq)) {
                        allowed.add(seq);
                    } else {
                        blocked.put(aggregate, true);
                    }
                }
            }
        }
        List<OutboxRow> publishable = new ArrayList<>(allowed.size());
        for (OutboxRow row : claimed) {
            if (allowed.contains(row.seq())) {
                publishable.add(row);
            }
        }
        return publishable;
    }

    /** The rows the broker acknowledged, and the first failure (null when every row went out). */
    private record Published(List<OutboxRow> acknowledged, Exception failure) {
        static final Published NOTHING = new Published(List.of(), null);
    }

    /**
     * Sends the rows in order and waits for the broker's acknowledgements. Sending stops at the first
     * record the producer refuses at once (no metadata for the topic within its blocking time), so that no
     * later row overtakes it. An acknowledged row counts only while every earlier row of its aggregate was
     * acknowledged too: a batch the broker took in part is marked sent in part, instead of being rolled back
     * whole and published twice (as a reconnecting broker showed in OutboxRelayTest).
     */
    private Published publish(List<OutboxRow> rows) throws Exception {
        if (producer == null) {
            producer = producerFactory.get();
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            Future<RecordMetadata> ack;
            try {
                ack = producer.send(toRecord(row));
            } catch (RuntimeException e) {
                // A producer that throws instead (closed, say) refused this record at once, like a failed
                // future: what the broker took before it is still marked sent.
                ack = CompletableFuture.failedFuture(e);
            }
            acks.add(ack);
            if (ack.isDone() && failed(ack)) {
                break;
            }
        }
        // The producer completes every future within its delivery timeout, counted from when it took the
        // record. Waiting less would leave unmarked records the broker may still store: published twice.
        long deadline = System.nanoTime()
                + OutboxProducers.DELIVERY_TIMEOUT.plus(ACK_GRACE).toNanos();
        List<OutboxRow> acknowledged = new ArrayList<>(acks.size());
        Set<String> interrupted = new HashSet<>();
        Exception failure = null;
        for (int i = 0; i < acks.size(); i++) {
            OutboxRow row = rows.get(i);
            try {
                acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (!interrupted.contains(row.aggregateId())) {
                    acknowledged.add(row);
                }
            } catch (ExecutionException | TimeoutException e) {
                interrupted.add(row.aggregateId());
                if (failure == null) {
                    failure = e;
                }
            }
        }
        return new Published(acknowledged, failure);
    }

    private static boolean failed(Future<RecordMetadata> done) {
        try {
            done.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    ProducerRecord<String, String> toRecord(OutboxRow row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_1_0));
        headers.add(CloudEventHeaders.ID, bytes(row.id()));
        headers.add(CloudEventHeaders.SOURCE, bytes(source));
        headers.add(CloudEventHeaders.TYPE, bytes(row.eventType()));
        headers.add(CloudEventHeaders.SUBJECT, bytes(row.aggregateId()));
        headers.add(
                CloudEventHeaders.TIME,
                bytes(row.occurredAt().withOffsetSameInstant(ZoneOffset.UTC).toString()));
        headers.add(CloudEventHeaders.DATA_SCHEMA, bytes(row.dataSchema()));
        headers.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
        // The recording span's trace: consumers continue it (CloudEvents distributed-tracing extension).
        if (row.traceparent() != null) {
            headers.add(EventTracing.TRACEPARENT, bytes(row.traceparent()));
            if (row.tracestate() != null) {
                headers.add(EventTracing.TRACESTATE, bytes(row.tracestate()));
            }
        }
        return new ProducerRecord<>(row.topic(), null, row.aggregateId(), row.payload(), headers);
    }

    private static void markSent(Connection connection, List<OutboxRow> rows) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("update platform.outbox set sent_at = now() where seq = any(?)")) {
            statement.setArray(
                    1,
                    connection.createArrayOf(
                            "bigint", rows.stream().map(OutboxRow::seq).toArray()));
            statement.executeUpdate();
        }
    }

    private void closeProducer() {
        Producer<String, String> current = producer;
        producer = null;
        if (current != null) {
            try {
                current.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("Closing the outbox producer failed", e);
            }
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("Rollback of the outbox batch failed", e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    record OutboxRow(
            long seq,
            String id,
            String topic,
            String aggregateId,
            String eventType,
            String dataSchema,
            String payload,
            OffsetDateTime occurredAt,
            String traceparent,
            String tracestate) {}
}
