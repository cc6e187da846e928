package se.techtank.platform.events;

/**
 * A consumed record that can never be processed (missing CloudEvents headers, unreadable payload).
 * It is not retried: the inbox sends it straight to the dead-letter topic.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
