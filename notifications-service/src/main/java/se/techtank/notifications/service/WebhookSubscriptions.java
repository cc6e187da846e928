package se.techtank.notifications.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import se.techtank.notifications.config.WebhookConfig;
import se.techtank.notifications.domain.WebhookSubscription;
import se.techtank.notifications.domain.WebhookSubscriptionRepository;
import se.techtank.platform.problem.FieldError;
import se.techtank.platform.problem.NotFoundException;
import se.techtank.platform.problem.RuleViolationException;
import se.techtank.platform.problem.StaleVersionException;

/**
 * Partners' webhook subscriptions. {@code partner} is the calling partner's id, or empty for staff, who see
 * and keep every partner's: a partner's view of another partner's subscription is "not found".
 */
@ApplicationScoped
public class WebhookSubscriptions {

    static final String APPLICATION = "se.techtank.programmes.application.";
    static final String PROGRAMME = "se.techtank.programmes.programme.";

    /** The event types a subscription may name; {@code se.techtank.programmes.application.*} names all seven. */
    public static final Set<String> EVENT_TYPES = Set.of(
            APPLICATION + "*",
            APPLICATION + "submitted",
            APPLICATION + "approved",
            APPLICATION + "rejected",
            APPLICATION + "waitlisted",
            APPLICATION + "enrolled",
            APPLICATION + "withdrawn",
            APPLICATION + "completed",
            PROGRAMME + "intake-opened",
            PROGRAMME + "intake-closed");

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookUrls urls;
    private final WebhookPlanner planner;
    private final WebhookConfig config;
    private final Clock clock = Clock.systemUTC();

    WebhookSubscriptions(
            WebhookSubscriptionRepository subscriptions,
            WebhookUrls urls,
            WebhookPlanner planner,
            WebhookConfig config) {
        this.subscriptions = subscriptions;
        this.urls = urls;
        this.planner = planner;
        this.config = config;
    }

    /** A new subscription with its secret, which is shown this once. */
    @Transactional
    public Created create(String partnerId, String url, List<String> eventTypes) {
        List<String> types = checked(url, eventTypes);
        String secret = WebhookSignatures.newSecret();
        WebhookSubscription subscription = WebhookSubscription.create(partnerId, url.strip(), types, secret, now());
        subscriptions.persistAndFlush(subscription);
        return new Created(subscription, secret);
    }

    @Transactional
    public List<WebhookSubscription> list(Optional<String> partner) {
        return partner.map(subscriptions::ofPartner).orElseGet(subscriptions::all);
    }

    @Transactional
    public WebhookSubscription get(Optional<String> partner, UUID id) {
        return subscriptions
                .findByIdOptional(id)
                .filter(s -> partner.map(s.partnerId()::equals).orElse(true))
                .orElseThrow(() -> new NotFoundException("Webhook subscription", id));
    }

    @Transactional
    public WebhookSubscription change(
            Optional<String> partner,
            UUID id,
            String url,
            List<String> eventTypes,
            boolean enabled,
            long expectedVersion) {
        WebhookSubscription subscription = get(partner, id);
        if (subscription.version() != expectedVersion) {
            throw new StaleVersionException("Webhook subscription", id);
        }
        List<String> types = checked(url, eventTypes);
        subscription.change(url.strip(), types, enabled, now());
        subscriptions.flush();
        return subscription;
    }

    /** Deletes the subscription; its deliveries not yet sent are not sent. */
    @Transactional
    public void delete(Optional<String> partner, UUID id) {
        WebhookSubscription subscription = get(partner, id);
        planner.dropOpen(subscription.id(), now());
        subscriptions.delete(subscription);
    }

    /** A new secret, shown this once; the previous one still signs for {@code rotation-grace}. */
    @Transactional
    public Created rotate(Optional<String> partner, UUID id) {
        WebhookSubscription subscription = get(partner, id);
        String secret = WebhookSignatures.newSecret();
        Instant now = now();
        subscription.rotate(secret, now.plus(config.rotationGrace()), now);
        subscriptions.flush();
        return new Created(subscription, secret);
    }

    /** Plans a {@code se.techtank.notifications.webhook.ping} to the subscription; the id of its event. */
    @Transactional
    public UUID ping(Optional<String> partner, UUID id) {
        return planner.ping(get(partner, id));
    }

    private List<String> checked(String url, List<String> eventTypes) {
        List<FieldError> errors = new ArrayList<>();
        if (eventTypes == null || eventTypes.isEmpty()) {
            errors.add(new FieldError("eventTypes", "must name at least one event type"));
        } else {
            for (String type : eventTypes) {
                if (type == null || !EVENT_TYPES.contains(type)) {
                    errors.add(new FieldError(
                            "eventTypes", "unknown event type " + type + "; allowed: " + String.join(", ", sorted())));
                }
            }
        }
        if (url == null || url.isBlank()) {
            errors.add(new FieldError("url", "must not be blank"));
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException(errors);
        }
        urls.check(url);
        return List.copyOf(new LinkedHashSet<>(eventTypes));
    }

    private static List<String> sorted() {
        return EVENT_TYPES.stream().sorted().toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** A subscription with its secret as it was just made (created or rotated). */
    public record Created(WebhookSubscription subscription, String secret) {}
}
