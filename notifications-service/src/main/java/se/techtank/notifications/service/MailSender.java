package se.techtank.notifications.service;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.ext.mail.SMTPException;
import org.jboss.logging.Logger;

import se.techtank.notifications.config.NotificationsConfig;
import se.techtank.notifications.domain.AttemptJournal;
import se.techtank.notifications.domain.Channel;
import se.techtank.notifications.domain.Delivery;
import se.techtank.notifications.domain.DeliveryRepository;
import se.techtank.notifications.domain.OptOutRepository;
import se.techtank.notifications.domain.SuppressionReason;
import se.techtank.notifications.messaging.out.DeliveryEventPublisher;
import se.techtank.platform.failure.Backoff;

/**
 * Sends one due e-mail delivery per call, in a transaction that holds the delivery's row for the length of
 * the SMTP exchange ({@link DeliveryRepository#claimDue}): senders in every replica take different rows, and
 * the row is marked in the same transaction that took it. A sender that dies after the SMTP server accepted
 * the mail but before its transaction committed leaves the row PENDING, and it is sent again with the same
 * {@code Message-ID}: the one duplicate this design allows, which mail clients fold by that id.
 *
 * <p>An SMTP reply decides what follows: 2xx SENT; 5xx FAILED at once (the address or the message is
 * refused for good); 4xx, a timeout or no connection: tried again after a pause doubling from {@code
 * retry-delay} to {@code max-retry-delay}, until {@code give-up-after} since the delivery was due, then FAILED.
 * Each outcome is published on {@code notifications.delivery.v1}.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);

    private final DeliveryRepository deliveries;
    private final OptOutRepository optOuts;
    private final AttemptJournal journal;
    private final MailComposer composer;
    private final ReactiveMailer mailer;
    private final DeliveryEventPublisher events;
    private final MeterRegistry metrics;
    private final NotificationsConfig config;
    private final Clock clock = Clock.systemUTC();

    MailSender(
            DeliveryRepository deliveries,
            OptOutRepository optOuts,
            AttemptJournal journal,
            MailComposer composer,
            ReactiveMailer mailer,
            DeliveryEventPublisher events,
            MeterRegistry metrics,
            NotificationsConfig config) {
        this.deliveries = deliveries;
        this.optOuts = optOuts;
        this.journal = journal;
        this.composer = composer;
        this.mailer = mailer;
        this.events = events;
        this.metrics = metrics;
        this.config = config;
    }

    /** Sends the next due delivery, if there is one; whether there was. */
    public boolean sendNext() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            Optional<Delivery> claimed = deliveries.claimDue(Channel.EMAIL, now);
            claimed.ifPresent(delivery -> send(delivery, now));
            return claimed.isPresent();
        });
    }

    /** When the next delivery falls due, if any is open. */
    public Optional<Instant> nextDue() {
        return QuarkusTransaction.requiringNew().call(() -> deliveries.nextDue(Channel.EMAIL));
    }

    private void send(Delivery delivery, Instant now) {
        if (delivery.address() == null) {
            delivery.suppress(SuppressionReason.NO_ADDRESS, now);
            return;
        }
        if (!delivery.kind().transactional() && optOuts.optedOut(OptOuts.recipientOf(delivery), delivery.kind())) {
            delivery.suppress(SuppressionReason.OPTED_OUT, now);
            count("suppressed", delivery);
            return;
        }
        long unfinished = journal.unfinished(delivery.id());
        if (unfinished > 0) {
            // An earlier sender began the SMTP exchange and died before recording how it went: the mail may
            // be out already. Sending again with the same Message-ID is the one duplicate allowed; counted.
            LOG.warnf(
                    "Delivery %s (%s): %d earlier attempt(s) ended without an outcome; it may be sent twice",
                    delivery.id(), delivery.kind(), unfinished);
            metrics.counter(
                            "techtank_notifications_possible_duplicates_total",
                            "kind",
                            delivery.kind().name())
                    .increment(unfinished);
        }
        journal.settle(delivery.id());
        Mail mail;
        try {
            mail = mail(delivery, composer.compose(delivery, now));
        } catch (RuntimeException e) {
            // A template that does not render is a bug; trying again cannot help.
            LOG.errorf(e, "Delivery %s (%s) could not be written", delivery.id(), delivery.kind());
            fail(delivery, "could not be written: " + e.getMessage(), now);
            return;
        }
        journal.begin(delivery.id(), now);
        try {
            mailer.send(mail).await().atMost(config.mail().sendTimeout());
            delivery.sent(clock.instant());
            journal.settle(delivery.id());
            events.sent(delivery);
            count("sent", delivery);
        } catch (RuntimeException e) {
            Throwable cause = rootOf(e);
            if (cause instanceof SMTPException smtp && smtp.isPermanent()) {
                fail(delivery, describe(smtp), now);
            } else if (transient_(cause)) {
                LOG.debugf(e, "Delivery %s (%s): attempt failed", delivery.id(), delivery.kind());
                retryOrGiveUp(delivery, describe(cause), now);
            } else {
                LOG.errorf(e, "Delivery %s (%s) failed unexpectedly", delivery.id(), delivery.kind());
                retryOrGiveUp(delivery, describe(cause), now);
            }
        }
    }

    private void retryOrGiveUp(Delivery delivery, String error, Instant now) {
        journal.settle(delivery.id());
        if (!now.isBefore(delivery.dueAt().plus(config.mail().giveUpAfter()))) {
            fail(delivery, error + " (given up after " + config.mail().giveUpAfter() + ")", now);
            return;
        }
        Duration pause = backoff(delivery.attempts() + 1);
        delivery.retryLater(error, pause, now);
        // The error as the delivery keeps it: addresses removed, so the log holds no personal data.
        LOG.warnf(
                "Delivery %s (%s): attempt %d failed, trying again in %s: %s",
                delivery.id(), delivery.kind(), delivery.attempts(), pause, delivery.lastError());
        count("retried", delivery);
    }

    private void fail(Delivery delivery, String error, Instant now) {
        journal.settle(delivery.id());
        delivery.failed(error, now);
        LOG.warnf("Delivery %s (%s) failed: %s", delivery.id(), delivery.kind(), delivery.lastError());
        events.failed(delivery);
        count("failed", delivery);
    }

    /** {@code retry-delay} doubled per failed attempt, at most {@code max-retry-delay}. */
    Duration backoff(int failedAttempts) {
        return Backoff.doubling(config.mail().retryDelay(), config.mail().maxRetryDelay(), failedAttempts);
    }

    private Mail mail(Delivery delivery, MailComposer.ComposedMail composed) {
        Mail mail = Mail.withText(delivery.address(), composed.subject(), composed.text())
                .setHtml(composed.html())
                .addHeader("Message-ID", "<" + delivery.id() + "@" + config.messageIdDomain() + ">");
        composed.unsubscribeLink()
                .ifPresent(link -> mail.addHeader("List-Unsubscribe", "<" + link + ">")
                        .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
        composed.calendar()
                .ifPresent(ics -> mail.addAttachment(
                        "inbjudan.ics",
                        ics.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "text/calendar; method=PUBLISH; charset=UTF-8"));
        return mail;
    }

    private void count(String outcome, Delivery delivery) {
        metrics.counter(
                        "techtank_notifications_deliveries_total",
                        "outcome",
                        outcome,
                        "kind",
                        delivery.kind().name(),
                        "channel",
                        delivery.channel().name())
                .increment();
    }

    private static boolean transient_(Throwable cause) {
        return cause instanceof SMTPException
                || cause instanceof TimeoutException
                || cause instanceof io.smallrye.mutiny.TimeoutException
                || cause instanceof ConnectException
                || cause instanceof java.io.IOException;
    }

    private static Throwable rootOf(Throwable e) {
        Throwable cause = e;
        int depth = 0;
        while (cause.getCause() != null && cause.getCause() != cause && depth++ < 16) {
            if (cause instanceof SMTPException) {
                return cause;
            }
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable cause) {
        if (cause instanceof SMTPException smtp) {
            String reply = smtp.getReplyMessage();
            return "SMTP "
                    + (reply.startsWith(String.valueOf(smtp.getReplyCode()))
                            ? reply
                            : smtp.getReplyCode() + " " + reply);
        }
        return FailureTexts.of(cause);
    }
}
