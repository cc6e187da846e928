package se.techtank.members.events;

import java.util.List;

/**
 * The events of topic {@code members.company.v1} (docs/events.md): key and {@code ce_subject} are the
 * company id, and every event carries the company's whole current state, {@link CompanyState}. A consumer
 * acknowledges and ignores a type it does not know: members-service may add facts.
 */
public final class CompanyEvents {

    public static final String TOPIC = "members.company.v1";

    public static final String REGISTERED = "se.techtank.members.company.registered";
    public static final String UPDATED = "se.techtank.members.company.updated";
    public static final String MEMBERSHIP_APPLIED = "se.techtank.members.company.membership-applied";
    public static final String MEMBERSHIP_ACTIVATED = "se.techtank.members.company.membership-activated";
    public static final String MEMBERSHIP_REJECTED = "se.techtank.members.company.membership-rejected";
    public static final String MEMBERSHIP_SUSPENDED = "se.techtank.members.company.membership-suspended";
    public static final String MEMBERSHIP_TERMINATED = "se.techtank.members.company.membership-terminated";
    public static final String NEEDS_ASSESSED = "se.techtank.members.company.needs-assessed";

    /** Every type above; each carries a {@link CompanyState}. */
    public static final List<String> TYPES = List.of(
            REGISTERED,
            UPDATED,
            MEMBERSHIP_APPLIED,
            MEMBERSHIP_ACTIVATED,
            MEMBERSHIP_REJECTED,
            MEMBERSHIP_SUSPENDED,
            MEMBERSHIP_TERMINATED,
            NEEDS_ASSESSED);

    private CompanyEvents() {}

    /** Whether {@code type} is one of {@link #TYPES}, that is, carries a {@link CompanyState}. */
    public static boolean carriesState(String type) {
        return TYPES.contains(type);
    }

    /** The schema of a type, as its {@code ce_dataschema} names it, e.g. {@code contracts/members/company.registered.v1.json}. */
    public static String schema(String type) {
        return MembersEventNames.schema(type);
    }
}
