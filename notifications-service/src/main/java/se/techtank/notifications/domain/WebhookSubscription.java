package se.techtank.notifications.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A partner's webhook: the URL that is POSTed each event of the types it names, signed with its secret
 * (Standard Webhooks). After a rotation the previous secret signs too, until {@code previousSecretUntil}.
 * The URL and the secrets are never logged.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    @Id
    private UUID id;

    @Column(name = "partner_id", nullable = false)
    private String partnerId;

    @Column(nullable = false)
    private String url;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false)
    private String[] eventTypes;

    @Column(nullable = false)
    private String secret;

    @Column(name = "previous_secret")
    private String previousSecret;

    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "disabled_reason")
    private String disabledReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    @Version
    private int version;

    protected WebhookSubscription() {}

    public static WebhookSubscription create(
            String partnerId, String url, List<String> eventTypes, String secret, Instant now) {
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.partnerId = partnerId;
        subscription.url = url;
        subscription.eventTypes = eventTypes.toArray(String[]::new);
        subscription.secret = secret;
        subscription.enabled = true;
        subscription.createdAt = now;
        subscription.modifiedAt = now;
        return subscription;
    }

    /** A new URL and event types; {@code enabled} turns a disabled subscription back on (its reason goes). */
    public void change(String url, List<String> eventTypes, boolean enabled, Instant now) {
        this.url = url;
        this.eventTypes = eventTypes.toArray(String[]::new);
        this.enabled = enabled;
        if (enabled) {
            disabledReason = null;
        }
        modifiedAt = now;
    }

    /** A new secret; the current one still signs until {@code graceUntil}. */
    public void rotate(String newSecret, Instant graceUntil, Instant now) {
        previousSecret = secret;
        previousSecretUntil = graceUntil;
        secret = newSecret;
        modifiedAt = now;
    }

    /** Stopped by the receiver (410 Gone) or the service: no more deliveries are planned. */
    public void disable(String reason, Instant now) {
        enabled = false;
        disabledReason = reason;
        modifiedAt = now;
    }

    /** Whether an event of {@code type} goes to this subscription ({@code prefix.*} matches below the prefix). */
    public boolean wants(String type) {
        for (String wanted : eventTypes) {
            if (wanted.equals(type)
                    || (wanted.endsWith(".*") && type.startsWith(wanted.substring(0, wanted.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** The secrets that sign at {@code now}: the current one, and the previous one during its grace. */
    public List<String> signingSecrets(Instant now) {
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            return List.of(secret, previousSecret);
        }
        return List.of(secret);
    }

    public UUID id() {
        return id;
    }

    public String partnerId() {
        return partnerId;
    }

    public String url() {
        return url;
    }

    public List<String> eventTypes() {
        return List.of(eventTypes);
    }

    public boolean enabled() {
        return enabled;
    }

    public String disabledReason() {
        return disabledReason;
    }

    public Instant previousSecretUntil() {
        return previousSecretUntil;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant modifiedAt() {
        return modifiedAt;
    }

    public int version() {
        return version;
    }
}
