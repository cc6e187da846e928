package se.techtank.platform.failure;

import java.io.UncheckedIOException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.PersistenceException;

import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"08006", "08001", "08003", "57P01", "57P03", "53300", "40001", "40P01", "55P03"})
    void the_database_states_of_a_lost_connection_an_outage_and_a_lost_race_are_transient(String state) {
        SQLException failure = new SQLException("from the server", state);

        assertThat(TransientFailures.isTransient(failure)).isTrue();
        assertThat(TransientFailures.isTransient(new PersistenceException(new RuntimeException(failure))))
                .as("anywhere in the chain")
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "23503", "22001", "42P01", "42703", "XX000"})
    void what_the_data_or_the_code_did_wrong_is_not(String state) {
        assertThat(TransientFailures.isTransient(new PersistenceException(new SQLException("no", state))))
                .isFalse();
    }

    @Test
    void hibernate_translations_socket_errors_and_retriable_kafka_errors_are_transient() {
        assertThat(TransientFailures.isTransient(new JDBCConnectionException("lost", new SQLException("lost"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(new LockAcquisitionException("deadlock", new SQLException())))
                .isTrue();
        assertThat(TransientFailures.isTransient(new UncheckedIOException(new SocketException("Connection reset"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(new NotLeaderOrFollowerException("moved")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new SQLTransientConnectionException("no route")))
                .isTrue();
    }

    @Test
    void the_pools_acquisition_timeout_is_transient_and_told_apart() {
        SQLException timeout = new SQLException("Sorry, acquisition timeout!");

        assertThat(TransientFailures.isPoolExhausted(new PersistenceException(timeout)))
                .isTrue();
        assertThat(TransientFailures.isTransient(timeout)).isTrue();
        assertThat(TransientFailures.isPoolExhausted(new SQLException("lost", "08006")))
                .isFalse();
    }

    @Test
    void bugs_are_not_transient() {
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("no", new IllegalArgumentException())))
                .isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("no state"))).isFalse();
    }

    @Test
    void a_cause_chain_with_a_loop_ends() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(TransientFailures.isTransient(first)).isFalse();
    }
}
