package se.techtank.notifications.service;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureTextsTest {

    @Test
    void a_failure_is_told_in_words_without_its_class_or_its_message() {
        assertThat(FailureTexts.of(new ConnectException("Connection refused: smtp.example.se/10.0.0.5:25")))
                .isEqualTo("connection refused");
        assertThat(FailureTexts.of(new HttpTimeoutException("request timed out")))
                .isEqualTo("timed out");
        assertThat(FailureTexts.of(new UnknownHostException("hooks.partner.example")))
                .isEqualTo("host not found");
        assertThat(FailureTexts.of(new SSLHandshakeException("PKIX path building failed")))
                .isEqualTo("TLS handshake failed");
        assertThat(FailureTexts.of(new IOException("Connection reset by hooks.partner.example")))
                .isEqualTo("network error");
        assertThat(FailureTexts.of(new IllegalStateException("anna.berg@example.se")))
                .isEqualTo("unexpected error (see the service log)");
    }
}
