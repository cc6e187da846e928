package se.techtank.members.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a contact person may agree to be sent. Each is given or withdrawn on its own (GDPR consent). */
public enum Consent {
    /** Invitations to branschträffar, conferences and workshops. */
    MEETING_INVITATIONS,
    /** News about national programmes (Robotlyftet, Produktionslyftet, …) and their intakes. */
    PROGRAMME_NEWS,
    /** Techtank's newsletter. */
    NEWSLETTER;

    /** The codes, for messages: {@code MEETING_INVITATIONS, PROGRAMME_NEWS, NEWSLETTER}. */
    public static String codes() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    public static Optional<Consent> of(String code) {
        return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
    }
}
