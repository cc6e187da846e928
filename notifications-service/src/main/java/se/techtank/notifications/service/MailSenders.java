package se.techtank.notifications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

import se.techtank.notifications.config.NotificationsConfig;
import se.techtank.notifications.domain.Channel;

/**
 * This replica's e-mail senders ({@code techtank.notifications.mail.senders} threads), from start-up to
 * shutdown. Each sends due deliveries one after the other; when none is due it waits until the next falls
 * due, at most {@code poll-interval}, and is woken at once when an event's transaction planned new ones.
 */
@ApplicationScoped
public class MailSenders {

    private static final Logger LOG = Logger.getLogger(MailSenders.class);

    private final NotificationsConfig config;
    private final SenderThreads threads;

    MailSenders(MailSender sender, NotificationsConfig config) {
        this.config = config;
        this.threads = new SenderThreads(
                "mail-sender", sender::sendNext, sender::nextDue, config.mail().pollInterval());
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.mail().enabled()) {
            LOG.info("Mail senders are off (techtank.notifications.mail.enabled=false)");
            return;
        }
        threads.start(config.mail().senders());
    }

    void onStop(@Observes ShutdownEvent event) {
        threads.stop();
    }

    /** New deliveries were committed: the senders look at once. */
    void onPlanned(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryPlanner.DeliveriesPlanned planned) {
        if (planned.channel() == Channel.EMAIL) {
            threads.wake();
        }
    }

    /** Makes every waiting sender look for due deliveries now. */
    public void wake() {
        threads.wake();
    }
}
