package se.techtank.notifications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

import se.techtank.notifications.config.WebhookConfig;
import se.techtank.notifications.domain.Channel;

/**
 * This replica's webhook senders ({@code techtank.notifications.webhooks.senders} threads), from start-up to
 * shutdown. Each sends due deliveries one after the other; when none is due it waits until the next falls
 * due, at most {@code poll-interval}, and is woken at once when an event's transaction planned new ones.
 */
@ApplicationScoped
public class WebhookSenders {

    private static final Logger LOG = Logger.getLogger(WebhookSenders.class);

    private final WebhookConfig config;
    private final SenderThreads threads;

    WebhookSenders(WebhookSender sender, WebhookConfig config) {
        this.config = config;
        this.threads = new SenderThreads("webhook-sender", sender::sendNext, sender::nextDue, config.pollInterval());
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Webhook senders are off (techtank.notifications.webhooks.enabled=false)");
            return;
        }
        threads.start(config.senders());
    }

    void onStop(@Observes ShutdownEvent event) {
        threads.stop();
    }

    /** New deliveries were committed: the senders look at once. */
    void onPlanned(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryPlanner.DeliveriesPlanned planned) {
        if (planned.channel() == Channel.WEBHOOK) {
            threads.wake();
        }
    }

    /** Makes every waiting sender look for due deliveries now. */
    public void wake() {
        threads.wake();
    }
}
