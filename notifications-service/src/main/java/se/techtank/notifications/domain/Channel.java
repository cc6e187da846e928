package se.techtank.notifications.domain;

/** How a notification reaches its recipient. */
public enum Channel {
    /** A mail to a person's address, through the configured SMTP server. */
    EMAIL,
    /** A signed HTTP POST to a partner's subscription URL. */
    WEBHOOK
}
