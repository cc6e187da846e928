package se.techtank.notifications.messaging.in;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import se.techtank.notifications.service.ProgrammeNotices;
import se.techtank.platform.inbox.Inbox;

/** programmes-service's programmes and applications ({@code programmes.programme.v1}, {@code programmes.application.v1}). */
@ApplicationScoped
public class ProgrammesConsumer {

    static final String PROGRAMMES = "programme-notices";
    static final String APPLICATIONS = "application-notices";

    private final Inbox inbox;
    private final ProgrammeNotices notices;

    ProgrammesConsumer(Inbox inbox, ProgrammeNotices notices) {
        this.inbox = inbox;
        this.notices = notices;
    }

    @Incoming("programmes-programme")
    @Blocking
    public void onProgrammeEvent(ConsumerRecord<String, String> record) {
        inbox.process(PROGRAMMES, record, notices::programmeEvent);
    }

    @Incoming("programmes-application")
    @Blocking
    public void onApplicationEvent(ConsumerRecord<String, String> record) {
        inbox.process(APPLICATIONS, record, notices::applicationEvent);
    }
}
