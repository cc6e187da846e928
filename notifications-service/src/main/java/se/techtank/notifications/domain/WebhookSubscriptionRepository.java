package se.techtank.notifications.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Partners' webhook subscriptions. */
@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    public List<WebhookSubscription> ofPartner(String partnerId) {
        return list("partnerId", Sort.by("createdAt").and("id"), partnerId);
    }

    public List<WebhookSubscription> all() {
        return listAll(Sort.by("createdAt").and("id"));
    }

    /** The enabled subscriptions, for planning an event's deliveries. */
    public List<WebhookSubscription> enabled() {
        return list("enabled", Sort.by("createdAt").and("id"), true);
    }
}
