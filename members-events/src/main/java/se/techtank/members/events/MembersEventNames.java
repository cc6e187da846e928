package se.techtank.members.events;

/** The naming rule of docs/events.md for members-service's events: type {@code se.techtank.members.<aggregate>.<fact>}. */
final class MembersEventNames {

    private static final String PREFIX = "se.techtank.members.";

    private MembersEventNames() {}

    /**
     * {@code se.techtank.members.company.registered} → {@code
     * https://api.techtank.se/contracts/members/company.registered.v1.json}, the {@code $id} of its schema.
     */
    static String schema(String type) {
        if (type == null || !type.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not a members-service event type: " + type);
        }
        return "https://api.techtank.se/contracts/members/" + type.substring(PREFIX.length()) + ".v1.json";
    }
}
