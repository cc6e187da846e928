package se.techtank.programmes.domain;

/**
 * Who submitted an application: a member for its own company, staff, or a partner IUC for a company in its
 * counties.
 *
 * @param role STAFF, MEMBER or PARTNER
 * @param partnerId the partner's id when a partner submitted
 * @param subject the token's subject
 */
public record Submitter(String role, String partnerId, String subject) {}
