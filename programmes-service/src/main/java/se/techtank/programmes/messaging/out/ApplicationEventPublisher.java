package se.techtank.programmes.messaging.out;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import se.techtank.platform.outbox.Outbox;
import se.techtank.programmes.domain.Application;
import se.techtank.programmes.domain.ApplicationStatus;

/**
 * Records the facts about applications in the outbox, for topic {@code programmes.application.v1} (key: the
 * application's id): {@code submitted}, one per status it reaches ({@code approved}, …), and {@code
 * anonymised}, after which the earlier events, which name the contact, are deleted from the outbox.
 */
@ApplicationScoped
public class ApplicationEventPublisher {

    static final String AGGREGATE = "application";

    private final Outbox outbox;

    ApplicationEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void submitted(Application application, String programmeCode) {
        record(application, programmeCode, "submitted");
    }

    /** The application reached its current status. */
    public void moved(Application application, String programmeCode) {
        ApplicationStatus status = application.status();
        record(application, programmeCode, status.name().toLowerCase(Locale.ROOT));
    }

    /** The contact left the application; the published events that named them are forgotten. */
    public void anonymised(Application application, String programmeCode) {
        outbox.forgetPublished(AGGREGATE, application.id());
        record(application, programmeCode, "anonymised");
    }

    private void record(Application application, String programmeCode, String fact) {
        outbox.record(AGGREGATE, application.id(), fact, ApplicationState.of(application, programmeCode));
    }
}
