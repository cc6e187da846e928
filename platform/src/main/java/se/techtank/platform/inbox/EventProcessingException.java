package se.techtank.platform.inbox;

/** An event whose effect kept failing; the channel sends it to the dead-letter topic. */
public class EventProcessingException extends RuntimeException {

    public EventProcessingException(String message, Throwable cause) {
        super(message, cause);
    }
}
