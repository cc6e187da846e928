package se.techtank.notifications.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;

import se.techtank.platform.jdbc.PlainSql;

/**
 * Which SMTP exchanges began and never got their outcome recorded (table {@code delivery_attempt}): the
 * trace a sender killed mid-exchange leaves, so that the possible duplicate that follows is counted.
 */
@ApplicationScoped
public class AttemptJournal {

    private final AgroalDataSource autonomous;
    private final EntityManager entityManager;

    AttemptJournal(@DataSource("platform") AgroalDataSource autonomous, EntityManager entityManager) {
        this.autonomous = autonomous;
        this.entityManager = entityManager;
    }

    /** Records, committed at once on a connection of its own, that an exchange for the delivery begins. */
    public void begin(UUID deliveryId, Instant now) {
        try (Connection connection = autonomous.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into public.delivery_attempt (delivery_id, started_at) values (?, ?)")) {
            insert.setObject(1, deliveryId);
            insert.setTimestamp(2, Timestamp.from(now));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the start of a delivery attempt", e);
        }
    }

    /** How many earlier exchanges for the delivery began without an outcome (in the caller's transaction). */
    public long unfinished(UUID deliveryId) {
        return PlainSql.first(
                        entityManager,
                        "select count(*) from delivery_attempt where delivery_id = ?",
                        row -> row.getLong(1),
                        deliveryId)
                .orElse(0L);
    }

    /** The outcome is recorded: the delivery's exchanges are settled (in the caller's transaction). */
    public void settle(UUID deliveryId) {
        PlainSql.update(entityManager, "delete from delivery_attempt where delivery_id = ?", deliveryId);
    }
}
