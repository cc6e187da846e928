package se.techtank.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One message to one recipient over one channel, planned from one source (an event, or a meeting's
 * reminder). The database keeps at most one per (source, recipient, channel), so an event delivered twice
 * plans it once. The address and the template's model are personal data: blanked when the person is erased.
 */
@Entity
@Table(name = "delivery")
public class Delivery {

    /** The longest an error text is kept (SMTP replies can be long). */
    private static final int MAX_ERROR_LENGTH = 500;
    /** Something that looks like an e-mail address, to keep out of error texts. */
    private static final java.util.regex.Pattern ADDRESS =
            java.util.regex.Pattern.compile("[^\\s<>@\"']+@[^\\s<>@\"']+");

    @Id
    private UUID id;

    @Column(name = "source_key", nullable = false)
    private String sourceKey;

    @Column(name = "source_event_id")
    private UUID sourceEventId;

    @Column(name = "source_type")
    private String sourceType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NotificationKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(name = "recipient_key", nullable = false)
    private String recipientKey;

    @Column(name = "contact_id")
    private UUID contactId;

    @Column(name = "registration_id")
    private UUID registrationId;

    @Column(name = "application_id")
    private UUID applicationId;

    @Column(name = "subscription_id")
    private UUID subscriptionId;

    private String address;

    @Column(nullable = false)
    private String language;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, Object> model;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "suppressed_reason")
    private SuppressionReason suppressedReason;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    private int version;

    protected Delivery() {}

    /**
     * A delivery to plan: {@code PENDING} now, {@code SCHEDULED} when {@code dueAt} is later, or {@code
     * SUPPRESSED} with {@code suppressed} given.
     */
    public static Delivery plan(
            Source source,
            NotificationKind kind,
            Channel channel,
            Recipient recipient,
            Map<String, Object> model,
            Instant dueAt,
            SuppressionReason suppressed,
            Instant now) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.sourceKey = source.key();
        delivery.sourceEventId = source.eventId();
        delivery.sourceType = source.type();
        delivery.kind = kind;
        delivery.channel = channel;
        delivery.recipientKey = recipient.key();
        delivery.contactId = recipient.contactId();
        delivery.registrationId = recipient.registrationId();
        delivery.applicationId = recipient.applicationId();
        delivery.subscriptionId = recipient.subscriptionId();
        delivery.address = suppressed == null ? recipient.address() : null;
        delivery.language = recipient.language();
        delivery.model = suppressed == null ? Map.copyOf(model) : Map.of();
        delivery.status = suppressed != null
                ? DeliveryStatus.SUPPRESSED
                : dueAt.isAfter(now) ? DeliveryStatus.SCHEDULED : DeliveryStatus.PENDING;
        delivery.suppressedReason = suppressed;
        delivery.dueAt = dueAt;
        delivery.nextAttemptAt = dueAt;
        delivery.createdAt = now;
        delivery.modifiedAt = now;
        return delivery;
    }

    /** Sent: the SMTP server (or the partner) accepted it. */
    public void sent(Instant now) {
        attempts++;
        status = DeliveryStatus.SENT;
        sentAt = now;
        lastError = null;
        modifiedAt = now;
    }

    /** Not accepted, and trying again cannot help (a permanent SMTP reply, or retries ran out). */
    public void failed(String error, Instant now) {
        attempts++;
        status = DeliveryStatus.FAILED;
        lastError = shorten(error);
        modifiedAt = now;
    }

    /** Not accepted this time (a 4xx reply, a timeout, no connection): tried again after {@code pause}. */
    public void retryLater(String error, Duration pause, Instant now) {
        attempts++;
        status = DeliveryStatus.PENDING;
        lastError = shorten(error);
        nextAttemptAt = now.plus(pause);
        modifiedAt = now;
    }

    /** Will not be sent after all. Personal data goes: nothing is left to send. */
    public void suppress(SuppressionReason reason, Instant now) {
        status = DeliveryStatus.SUPPRESSED;
        suppressedReason = reason;
        address = null;
        model = Map.of();
        modifiedAt = now;
    }

    /** FAILED → PENDING (staff, once the cause is fixed): tried again now, with a fresh day of retries. */
    public void retryNow(Instant now) {
        if (status != DeliveryStatus.FAILED) {
            throw new IllegalDeliveryTransitionException(status);
        }
        status = DeliveryStatus.PENDING;
        dueAt = now;
        nextAttemptAt = now;
        modifiedAt = now;
    }

    /** An error text as kept and published: without any address (SMTP replies often quote it), and short. */
    private static String shorten(String error) {
        if (error == null) {
            return null;
        }
        String withoutAddresses = ADDRESS.matcher(error).replaceAll("(address)");
        return withoutAddresses.length() <= MAX_ERROR_LENGTH
                ? withoutAddresses
                : withoutAddresses.substring(0, MAX_ERROR_LENGTH);
    }

    public UUID id() {
        return id;
    }

    public String sourceKey() {
        return sourceKey;
    }

    public UUID sourceEventId() {
        return sourceEventId;
    }

    public String sourceType() {
        return sourceType;
    }

    public NotificationKind kind() {
        return kind;
    }

    public Channel channel() {
        return channel;
    }

    public String recipientKey() {
        return recipientKey;
    }

    public UUID contactId() {
        return contactId;
    }

    public UUID registrationId() {
        return registrationId;
    }

    public UUID applicationId() {
        return applicationId;
    }

    public UUID subscriptionId() {
        return subscriptionId;
    }

    public String address() {
        return address;
    }

    public String language() {
        return language;
    }

    public Map<String, Object> model() {
        return model;
    }

    public DeliveryStatus status() {
        return status;
    }

    public SuppressionReason suppressedReason() {
        return suppressedReason;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant modifiedAt() {
        return modifiedAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public int version() {
        return version;
    }

    /**
     * Where a delivery comes from: {@code key} is what makes it unique (the event's {@code ce_id}, or {@code
     * reminder:<meetingId>:<sequence>}).
     */
    public record Source(String key, UUID eventId, String type) {

        /** The type a reminder's deliveries name as their source ({@code notifications.delivery.v1}'s sourceType). */
        public static final String REMINDER_TYPE = "se.techtank.notifications.reminder";

        public static Source event(UUID eventId, String type) {
            return new Source(eventId.toString(), eventId, type);
        }

        /** A meeting's reminders for one version of its time and place ({@code sequence}). */
        public static Source reminder(UUID meetingId, int sequence) {
            return new Source(reminderPrefix(meetingId) + sequence, null, REMINDER_TYPE);
        }

        /** What every reminder source key of the meeting starts with. */
        public static String reminderPrefix(UUID meetingId) {
            return "reminder:" + meetingId + ":";
        }
    }

    /**
     * Who a delivery goes to: {@code key} identifies them for uniqueness ({@code contact:<id>}, {@code
     * registration:<id>}, ...); the ids say which record the person is in, never the address.
     */
    public record Recipient(
            String key,
            UUID contactId,
            UUID registrationId,
            UUID applicationId,
            UUID subscriptionId,
            String address,
            String language) {

        public static Recipient contact(UUID contactId, String address, String language) {
            return new Recipient("contact:" + contactId, contactId, null, null, null, address, language);
        }

        public static Recipient applicant(UUID applicationId, String address, String language) {
            return new Recipient("application:" + applicationId, null, null, applicationId, null, address, language);
        }

        public static Recipient attendee(UUID registrationId, String address, String language) {
            return new Recipient("registration:" + registrationId, null, registrationId, null, null, address, language);
        }

        /**
         * A partner's webhook subscription: no address is kept (the sender reads the subscription's URL when it
         * sends), and the payload is the event itself, in English.
         */
        public static Recipient subscription(UUID subscriptionId) {
            return subscription(subscriptionId, null);
        }

        /**
         * A partner's webhook subscription, for an event about an application: the delivery is erased with the
         * application's contact ({@link DeliveryRepository#eraseApplicant}), as the applicant's mails are.
         */
        public static Recipient subscription(UUID subscriptionId, UUID applicationId) {
            return new Recipient(
                    "subscription:" + subscriptionId, null, null, applicationId, subscriptionId, null, "en");
        }
    }
}
