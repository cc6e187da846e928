package se.techtank.platform.inbox;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.ShutdownEvent;

/** Tells consumers that the service is stopping, before the messaging channels close. */
@ApplicationScoped
public class ShutdownSignal {

    private volatile boolean stopping;

    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        stopping = true;
    }

    /** From now on a failure says nothing about the record being processed. */
    public boolean stopping() {
        return stopping;
    }
}
