package se.techtank.notifications.domain;

import java.time.Instant;
import java.util.UUID;

/** A membership decision on members.company.v1 that is mailed to the company's contact persons. */
public record MembershipDecision(
        UUID eventId, String eventType, UUID companyId, NotificationKind kind, String companyName, Instant decidedAt) {}
