package se.techtank.notifications.domain;

import java.util.Optional;

/**
 * What a notification says. Transactional kinds answer something the recipient did or that concerns them
 * directly, and always go out; optional ones can be turned off, need the consent they name (if any), and
 * their mails carry {@code List-Unsubscribe}. Each kind has its templates in {@code templates/mail/} (Swedish and
 * English, text and HTML).
 */
public enum NotificationKind {
    MEMBERSHIP_APPROVED(false, null, false),
    MEMBERSHIP_REJECTED(false, null, false),
    MEMBERSHIP_SUSPENDED(false, null, false),
    REGISTRATION_CONFIRMED(false, null, true),
    REGISTRATION_WAITLISTED(false, null, false),
    REGISTRATION_PENDING(false, null, false),
    REGISTRATION_PROMOTED(false, null, true),
    REGISTRATION_CANCELLED(false, null, false),
    REGISTRATION_DECLINED(false, null, false),
    MEETING_RESCHEDULED(false, null, true),
    /** To attendees, who are not necessarily contacts: no consent to ask for, but it can be turned off. */
    MEETING_REMINDER(true, null, false),
    MEETING_ANNOUNCEMENT(true, "MEETING_INVITATIONS", false),
    INTAKE_ANNOUNCEMENT(true, "PROGRAMME_NEWS", false),
    APPLICATION_SUBMITTED(false, null, false),
    APPLICATION_APPROVED(false, null, false),
    APPLICATION_REJECTED(false, null, false),
    APPLICATION_WAITLISTED(false, null, false),
    APPLICATION_ENROLLED(false, null, false),
    /**
     * An event POSTed to a partner's webhook subscription (channel WEBHOOK): the CloudEvent itself, no
     * template. Transactional: the partner subscribed to it.
     */
    PARTNER_WEBHOOK(false, null, false);

    private final boolean optional;
    private final String consent;
    private final boolean calendar;

    NotificationKind(boolean optional, String consent, boolean calendar) {
        this.optional = optional;
        this.consent = consent;
        this.calendar = calendar;
    }

    /** Sent whatever the person's preferences: it answers what they did or concerns them directly. */
    public boolean transactional() {
        return !optional;
    }

    /** The consent an optional kind to contacts needs (a code of members.contact.v1's {@code consents}). */
    public Optional<String> consent() {
        return Optional.ofNullable(consent);
    }

    /** Whether the mail carries the meeting's {@code .ics}. */
    public boolean withCalendar() {
        return calendar;
    }
}
