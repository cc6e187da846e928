package se.techtank.notifications.service;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * A failed attempt as staff and partners read it in the delivery log ({@code lastError}) and on
 * {@code notifications.delivery.v1}: what went wrong in words, never a Java class name, and never the
 * exception's own message, which may name a host or an address (the service log has the whole exception).
 */
final class FailureTexts {

    private FailureTexts() {}

    static String of(Throwable cause) {
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof HttpTimeoutException
                || cause instanceof SocketTimeoutException
                || cause instanceof TimeoutException
                || cause instanceof io.smallrye.mutiny.TimeoutException) {
            return "timed out";
        }
        if (cause instanceof UnknownHostException) {
            return "host not found";
        }
        if (cause instanceof SSLException) {
            return "TLS handshake failed";
        }
        if (cause instanceof IOException) {
            return "network error";
        }
        return "unexpected error (see the service log)";
    }
}
