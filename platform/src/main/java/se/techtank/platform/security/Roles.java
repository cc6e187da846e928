package se.techtank.platform.security;

/** The roles of docs/architecture.md ("Security"), as carried in the token's {@code groups} claim. */
public final class Roles {

    /** Techtank employees: everything. */
    public static final String STAFF = "staff";
    /** A person at a member company; claim {@code company_id}. */
    public static final String MEMBER = "member";
    /** Another IUC's system; claim {@code partner_id}. */
    public static final String PARTNER = "partner";
    /** A municipality's business office; claim {@code municipality_code}. */
    public static final String MUNICIPALITY = "municipality";

    public static final String COMPANY_ID_CLAIM = "company_id";
    public static final String PARTNER_ID_CLAIM = "partner_id";
    public static final String MUNICIPALITY_CODE_CLAIM = "municipality_code";

    private Roles() {}
}
