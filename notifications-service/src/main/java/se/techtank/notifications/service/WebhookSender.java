package se.techtank.notifications.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;

import se.techtank.notifications.config.WebhookConfig;
import se.techtank.notifications.domain.Channel;
import se.techtank.notifications.domain.Delivery;
import se.techtank.notifications.domain.DeliveryRepository;
import se.techtank.notifications.domain.SuppressionReason;
import se.techtank.notifications.domain.WebhookSubscription;
import se.techtank.notifications.domain.WebhookSubscriptionRepository;
import se.techtank.notifications.domain.WebhookUrlNotAllowedException;
import se.techtank.notifications.messaging.out.DeliveryEventPublisher;
import se.techtank.platform.failure.Backoff;

/**
 * POSTs one due webhook delivery per call, signed as Standard Webhooks do ({@code webhook-id} = the delivery
 * id, {@code webhook-timestamp}, {@code webhook-signature}), in a transaction that holds the delivery's row
 * for the length of the request, as {@link MailSender} does for SMTP. The answer decides what follows: 2xx
 * SENT; 410 FAILED and the subscription disabled; any other answer below 500 FAILED; 5xx, a timeout or no
 * connection: tried again after a pause doubling from {@code retry-delay} to {@code max-retry-delay}, until
 * {@code give-up-after} since it was due, then FAILED. A receiver may see a delivery twice (a sender that
 * dies before its commit); {@code webhook-id} lets it fold them. URLs and secrets are never logged.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeliveryRepository deliveries;
    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookUrls urls;
    private final DeliveryEventPublisher events;
    private final MeterRegistry metrics;
    private final WebhookConfig config;
    private final HttpClient http;
    private final Clock clock = Clock.systemUTC();

    WebhookSender(
            DeliveryRepository deliveries,
            WebhookSubscriptionRepository subscriptions,
            WebhookUrls urls,
            DeliveryEventPublisher events,
            MeterRegistry metrics,
            WebhookConfig config) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.urls = urls;
        this.events = events;
        this.metrics = metrics;
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends the next due delivery, if there is one; whether there was. */
    public boolean sendNext() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            Optional<Delivery> claimed = deliveries.claimDue(Channel.WEBHOOK, now);
            claimed.ifPresent(delivery -> send(delivery, now));
            return claimed.isPresent();
        });
    }

    /** When the next delivery falls due, if any is open. */
    public Optional<Instant> nextDue() {
        return QuarkusTransaction.requiringNew().call(() -> deliveries.nextDue(Channel.WEBHOOK));
    }

    private void send(Delivery delivery, Instant now) {
        WebhookSubscription subscription =
                delivery.subscriptionId() == null ? null : subscriptions.findById(delivery.subscriptionId());
        if (subscription == null || !subscription.enabled()) {
            delivery.suppress(SuppressionReason.OUTDATED, now);
            count("suppressed", delivery);
            return;
        }
        URI url;
        try {
            url = urls.check(subscription.url());
        } catch (WebhookUrlNotAllowedException e) {
            String why = e.errors().get(0).message();
            if (WebhookUrls.UNRESOLVED.equals(why)) {
                retryOrGiveUp(delivery, "the host does not resolve", now); // DNS may be down for a while
            } else {
                fail(delivery, "URL not allowed: " + why, now);
            }
            return;
        }
        String body;
        try {
            body = JSON.writeValueAsString(delivery.model());
        } catch (JsonProcessingException e) {
            fail(delivery, "could not be written: " + e.getOriginalMessage(), now);
            return;
        }
        long timestamp = now.getEpochSecond();
        String id = delivery.id().toString();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(config.timeout())
                .header("content-type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header(
                        "webhook-signature",
                        WebhookSignatures.header(subscription.signingSecrets(now), id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            // The exception's message may name the host: only what kind of failure it was is kept.
            LOG.debugf(e, "Webhook delivery %s failed", id);
            retryOrGiveUp(delivery, FailureTexts.of(e), now);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            retryOrGiveUp(delivery, "interrupted", now);
            return;
        }
        if (status >= 200 && status < 300) {
            delivery.sent(clock.instant());
            events.sent(delivery);
            count("sent", delivery);
        } else if (status == 410) {
            fail(delivery, "HTTP 410", now);
            subscription.disable("The receiver answered 410 Gone (delivery " + id + ")", now);
            LOG.warnf("Webhook subscription %s disabled: its receiver answered 410", subscription.id());
        } else if (status >= 500) {
            retryOrGiveUp(delivery, "HTTP " + status, now);
        } else {
            fail(delivery, "HTTP " + status, now);
        }
    }

    private void retryOrGiveUp(Delivery delivery, String error, Instant now) {
        if (!now.isBefore(delivery.dueAt().plus(config.giveUpAfter()))) {
            fail(delivery, error + " (given up after " + config.giveUpAfter() + ")", now);
            return;
        }
        Duration pause = backoff(delivery.attempts() + 1);
        delivery.retryLater(error, pause, now);
        LOG.warnf(
                "Webhook delivery %s: attempt %d failed, trying again in %s: %s",
                delivery.id(), delivery.attempts(), pause, error);
        count("retried", delivery);
    }

    private void fail(Delivery delivery, String error, Instant now) {
        delivery.failed(error, now);
        LOG.warnf("Webhook delivery %s failed: %s", delivery.id(), error);
        events.failed(delivery);
        count("failed", delivery);
    }

    /** {@code retry-delay} doubled per failed attempt, at most {@code max-retry-delay}. */
    Duration backoff(int failedAttempts) {
        return Backoff.doubling(config.retryDelay(), config.maxRetryDelay(), failedAttempts);
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
}
