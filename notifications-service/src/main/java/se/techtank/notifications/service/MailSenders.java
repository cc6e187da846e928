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
    private static final Duration AFTER_ERROR = Duration.ofSeconds(1);

    private final MailSender sender;
    private final NotificationsConfig config;
    private final Object signal = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private long wakeUps;

    MailSenders(MailSender sender, NotificationsConfig config) {
        this.sender = sender;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.mail().enabled()) {
            LOG.info("Mail senders are off (techtank.notifications.mail.enabled=false)");
            return;
        }
        running = true;
        for (int i = 0; i < Math.max(1, config.mail().senders()); i++) {
            Thread thread = new Thread(this::run, "mail-sender-" + i);
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
        if (planned.channel() == Channel.EMAIL) {
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
                LOG.warnf("Mail sender: %s; trying again in %s", e, AFTER_ERROR);
                waitFor(AFTER_ERROR, seen);
            }
        }
    }

    private Duration untilNextDue() {
        Duration poll = config.mail().pollInterval();
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
