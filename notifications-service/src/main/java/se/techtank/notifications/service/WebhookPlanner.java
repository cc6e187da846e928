package se.techtank.notifications.service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.techtank.notifications.config.NotificationsConfig;
import se.techtank.notifications.config.WebhookConfig;
import se.techtank.notifications.domain.Channel;
import se.techtank.notifications.domain.Delivery;
import se.techtank.notifications.domain.DeliveryRepository;
import se.techtank.notifications.domain.DeliveryStatus;
import se.techtank.notifications.domain.NotificationKind;
import se.techtank.notifications.domain.SuppressionReason;
import se.techtank.notifications.domain.WebhookSubscription;
import se.techtank.notifications.domain.WebhookSubscriptionRepository;
import se.techtank.platform.events.IncomingEvent;

/**
 * Plans an event's webhook deliveries, in the transaction that records the event in the inbox: one per
 * enabled subscription that wants the event's type and whose partner the event concerns. An application
 * concerns the partner that submitted it and the partners serving the company's county (the first two
 * digits of its municipality code); an intake opening or closing concerns its operating partners and the
 * partners serving one of its counties. Partners' counties come from {@code
 * techtank.notifications.webhooks.partner-counties}. What is POSTed is the CloudEvent itself (structured
 * JSON), stored as the delivery's model; an event older than {@code max-event-age} is planned SUPPRESSED
 * (STALE), as mails are.
 */
@ApplicationScoped
public class WebhookPlanner {

    /** The type of the event a ping sends. */
    public static final String PING = "se.techtank.notifications.webhook.ping";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> APPLICATION_FACTS =
            Set.of("submitted", "approved", "rejected", "waitlisted", "enrolled", "withdrawn", "completed");
    private static final Set<String> INTAKE_FACTS = Set.of("intake-opened", "intake-closed");

    private final WebhookSubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final Event<DeliveryPlanner.DeliveriesPlanned> planned;
    private final NotificationsConfig notifications;
    private final WebhookConfig config;
    private final Clock clock = Clock.systemUTC();

    WebhookPlanner(
            WebhookSubscriptionRepository subscriptions,
            DeliveryRepository deliveries,
            Event<DeliveryPlanner.DeliveriesPlanned> planned,
            NotificationsConfig notifications,
            WebhookConfig config) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.planned = planned;
        this.notifications = notifications;
        this.config = config;
    }

    /** An event of programmes-service: its webhooks, if it is of a type partners can subscribe to. */
    public int plan(IncomingEvent event) {
        Scope scope = scopeOf(event);
        if (scope == null) {
            return 0;
        }
        Instant now = clock.instant();
        boolean stale =
                event.time() != null && event.time().toInstant().isBefore(now.minus(notifications.maxEventAge()));
        Map<String, Object> model = cloudEvent(event);
        UUID applicationId = scope.applicationId();
        int count = 0;
        for (WebhookSubscription subscription : subscriptions.enabled()) {
            if (subscription.wants(event.type())
                    && scope.concerns(subscription.partnerId(), countiesOf(subscription))) {
                count += plan(
                        Delivery.Source.event(UUID.fromString(event.id()), event.type()),
                        Delivery.Recipient.subscription(subscription.id(), applicationId),
                        model,
                        stale ? SuppressionReason.STALE : null,
                        now);
            }
        }
        return count;
    }

    /** A ping to one subscription, whatever its event types: the id of the ping event. */
    public UUID ping(WebhookSubscription subscription) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("specversion", "1.0");
        model.put("id", id.toString());
        model.put("source", "/notifications-service");
        model.put("type", PING);
        model.put("subject", subscription.id().toString());
        model.put(
                "time", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC).toString());
        model.put("datacontenttype", "application/json");
        model.put(
                "data", Map.of("subscriptionId", subscription.id().toString(), "partnerId", subscription.partnerId()));
        plan(
                new Delivery.Source("ping:" + id, id, PING),
                Delivery.Recipient.subscription(subscription.id()),
                model,
                null,
                now);
        return id;
    }

    /** The deliveries of a subscription not yet sent: they will not be (it is deleted). */
    void dropOpen(UUID subscriptionId, Instant now) {
        for (Delivery delivery : deliveries.list(
                "subscriptionId = ?1 and status in ?2",
                subscriptionId,
                List.of(DeliveryStatus.SCHEDULED, DeliveryStatus.PENDING))) {
            delivery.suppress(SuppressionReason.OUTDATED, now);
        }
    }

    private int plan(
            Delivery.Source source,
            Delivery.Recipient recipient,
            Map<String, Object> model,
            SuppressionReason suppressed,
            Instant now) {
        Delivery delivery = Delivery.plan(
                source, NotificationKind.PARTNER_WEBHOOK, Channel.WEBHOOK, recipient, model, now, suppressed, now);
        boolean done = deliveries.planOnce(delivery, json(delivery.model()));
        if (done && suppressed == null) {
            planned.fire(new DeliveryPlanner.DeliveriesPlanned(Channel.WEBHOOK));
        }
        return done ? 1 : 0;
    }

    private List<String> countiesOf(WebhookSubscription subscription) {
        return config.partnerCounties().getOrDefault(subscription.partnerId(), List.of());
    }

    /** Whom the event concerns, or null when partners cannot subscribe to its type. */
    static Scope scopeOf(IncomingEvent event) {
        String type = event.type() == null ? "" : event.type();
        JsonNode data = event.data();
        if (type.startsWith(WebhookSubscriptions.APPLICATION)
                && APPLICATION_FACTS.contains(type.substring(WebhookSubscriptions.APPLICATION.length()))) {
            String code = data.path("company").path("municipalityCode").asText("");
            Set<String> counties = code.length() >= 2 ? Set.of(code.substring(0, 2)) : Set.of();
            String submitter = data.path("submittedBy").path("partnerId").asText(null);
            return new Scope(
                    submitter == null ? Set.of() : Set.of(submitter),
                    counties,
                    uuidOrNull(data.path("applicationId").asText(null)));
        }
        if (type.startsWith(WebhookSubscriptions.PROGRAMME)
                && INTAKE_FACTS.contains(type.substring(WebhookSubscriptions.PROGRAMME.length()))) {
            String intakeId = data.path("intakeId").asText("");
            for (JsonNode intake : data.path("intakes")) {
                if (intakeId.equals(intake.path("intakeId").asText())) {
                    return new Scope(texts(intake.path("operatingPartners")), texts(intake.path("counties")), null);
                }
            }
            return new Scope(Set.of(), Set.of(), null);
        }
        return null;
    }

    private static UUID uuidOrNull(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new HashSet<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** The event as a structured-mode CloudEvent (JSON), without the attributes it does not have. */
    static Map<String, Object> cloudEvent(IncomingEvent event) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("specversion", "1.0");
        model.put("id", event.id());
        if (event.source() != null) {
            model.put("source", event.source());
        }
        model.put("type", event.type());
        if (event.subject() != null) {
            model.put("subject", event.subject());
        }
        if (event.time() != null) {
            model.put("time", event.time().toString());
        }
        model.put("datacontenttype", "application/json");
        model.put("data", JSON.convertValue(event.data(), new TypeReference<Map<String, Object>>() {}));
        return model;
    }

    private static String json(Map<String, Object> model) {
        try {
            return JSON.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A webhook's payload must be JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The partners an event names (submitter, operating partners), the counties it is about, and the
     * application it is about (its deliveries are erased with the application's contact), if any.
     */
    record Scope(Set<String> partners, Set<String> counties, UUID applicationId) {

        boolean concerns(String partnerId, List<String> partnerCounties) {
            return partners.contains(partnerId) || partnerCounties.stream().anyMatch(counties::contains);
        }
    }
}
