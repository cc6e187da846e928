package se.techtank.platform.security;

import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, for object-level checks: the roles of the bearer token and the claims that tie a
 * member to its company, a partner to its IUC and a municipality user to its municipality.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public boolean isStaff() {
        return identity.hasRole(Roles.STAFF);
    }

    public boolean isMember() {
        return identity.hasRole(Roles.MEMBER);
    }

    public boolean isPartner() {
        return identity.hasRole(Roles.PARTNER);
    }

    public boolean isMunicipality() {
        return identity.hasRole(Roles.MUNICIPALITY);
    }

    /** The token's subject, for audit fields ("who"); empty for anonymous callers. */
    public Optional<String> subject() {
        return isAnonymous() ? Optional.empty() : Optional.ofNullable(token.getSubject());
    }

    /**
     * Everything about the token that decides what the caller may do: issuer, subject, roles and the
     * claims that tie it to a company, a partner or a municipality; empty for anonymous callers. Two tokens
     * with the same scope are allowed the same things, so whatever is kept for one (an idempotent request's
     * answer) may be given to the other; a caller whose role or company changed has another scope.
     */
    public Optional<String> accessScope() {
        if (isAnonymous()) {
            return Optional.empty();
        }
        return Optional.of(String.join(
                "\n",
                "iss=" + token.getIssuer(),
                "sub=" + token.getSubject(),
                "roles=" + new TreeSet<>(identity.getRoles()),
                "company=" + claim(Roles.COMPANY_ID_CLAIM).orElse(""),
                "partner=" + claim(Roles.PARTNER_ID_CLAIM).orElse(""),
                "municipality=" + claim(Roles.MUNICIPALITY_CODE_CLAIM).orElse("")));
    }

    /** The member's company, from claim {@code company_id}; empty if absent or not a UUID. */
    public Optional<UUID> companyId() {
        return claim(Roles.COMPANY_ID_CLAIM).flatMap(Caller::uuid);
    }

    public Optional<String> partnerId() {
        return claim(Roles.PARTNER_ID_CLAIM);
    }

    public Optional<String> municipalityCode() {
        return claim(Roles.MUNICIPALITY_CODE_CLAIM);
    }

    /** Whether the caller is a member of exactly this company. */
    public boolean isMemberOf(UUID companyId) {
        return isMember() && companyId().map(companyId::equals).orElse(false);
    }

    private Optional<String> claim(String name) {
        if (isAnonymous()) {
            return Optional.empty();
        }
        Object value = token.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(value.toString().replace("\"", ""));
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
