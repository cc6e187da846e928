package se.techtank.notifications.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
    private static final Duration AFTER_ERROR = Duration.ofSeconds(1);

    private final WebhookSender sender;
    private final WebhookConfig config;
    private final Object signal = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private long wakeUps;

    WebhookSenders(WebhookSender sender, WebhookConfig config) {
        this.sender = sender;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Webhook senders are off (techtank.notifications.webhooks.enabled=false)");
            return;
        }
        running = true;
        for (int i = 0; i < Math.max(1, config.senders()); i++) {
            Thread thread = new Thread(this::run, "webhook-sender-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        wake();
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** New deliveries were committed: the senders look at once. */
    void onPlanned(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryPlanner.DeliveriesPlanned planned) {
        if (planned.channel() == Channel.WEBHOOK) {
            wake();
        }
    }

    /** Makes every waiting sender look for due deliveries now. */
    public void wake() {
        synchronized (signal) {
            wakeUps++;
            signal.notifyAll();
        }
    }

    private void run() {
        while (running) {
            long seen;
            synchronized (signal) {
                seen = wakeUps;
            }
            try {
                if (sender.sendNext()) {
                    continue;
                }
                waitFor(untilNextDue(), seen);
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Webhook sender: %s; trying again in %s", e, AFTER_ERROR);
                waitFor(AFTER_ERROR, seen);
            }
        }
    }

    private Duration untilNextDue() {
        Duration poll = config.pollInterval();
        return sender.nextDue()
                .map(next -> Duration.between(Instant.now(), next))
                .filter(wait -> wait.compareTo(poll) < 0)
                .map(wait -> wait.isNegative() ? Duration.ZERO : wait)
                .orElse(poll);
    }

    private void waitFor(Duration wait, long seen) {
        long until = System.nanoTime() + wait.toNanos();
        synchronized (signal) {
            while (running && wakeUps == seen) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    signal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                    return;
                }
            }
        }
    }
}
