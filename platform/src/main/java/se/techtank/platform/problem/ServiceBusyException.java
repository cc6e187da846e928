package se.techtank.platform.problem;

/**
 * Overload, not a broken rule: the request waited too long for its turn (a connection, a permit) and was
 * not executed. Answers 503 {@code service-busy} with {@code Retry-After}; nothing was changed.
 */
public class ServiceBusyException extends RuntimeException {

    public ServiceBusyException(String message) {
        super(message);
    }
}
