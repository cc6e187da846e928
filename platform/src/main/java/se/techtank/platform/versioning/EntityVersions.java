package se.techtank.platform.versioning;

import jakarta.ws.rs.core.EntityTag;

import se.techtank.platform.problem.DomainException;
import se.techtank.platform.problem.InvalidRequestException;

/**
 * Optimistic concurrency over HTTP (docs/api-conventions.md): a resource's version travels as its {@code
 * ETag}, and an update names the version it read in {@code If-Match}.
 */
public final class EntityVersions {

    private EntityVersions() {}

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version an {@code If-Match} header names ({@code "3"}, also {@code W/"3"}, or {@code "3.<fingerprint>"}
     * as a revalidatable read tags it: ConditionalGet#versioned).
     *
     * @throws PreconditionRequiredException (428) when the header is missing
     * @throws InvalidRequestException (400) when it names no version of ours
     */
    public static long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        int fingerprint = tag.indexOf('.');
        if (fingerprint > 0) {
            tag = tag.substring(0, fingerprint);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("If-Match", "must be the ETag of the resource as last read, e.g. \"3\"");
        }
    }

    /** An update without {@code If-Match}: answers 428 so that no one overwrites changes they never saw. */
    public static class PreconditionRequiredException extends DomainException {
        public PreconditionRequiredException() {
            super(
                    Kind.PRECONDITION_REQUIRED,
                    "if-match-required",
                    "If-Match required",
                    "Send the ETag of the resource as you last read it in the If-Match header.");
        }
    }
}
