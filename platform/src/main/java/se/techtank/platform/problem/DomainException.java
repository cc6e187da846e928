package se.techtank.platform.problem;

import java.util.List;

/**
 * Base of the exceptions a service throws when a request breaks a rule. Each carries a stable problem
 * type slug (e.g. {@code duplicate-organisation-number}) and a kind, which the API layer turns into an
 * HTTP status; the domain itself knows nothing of HTTP.
 *
 * <p>A subclass writes its slug as a literal or a {@code String} constant right after its {@code Kind} in
 * the call that passes both: that is where the test of docs/api-conventions.md (ProblemTypesTest) finds
 * every slug a client may receive.
 */
public abstract class DomainException extends RuntimeException {

    /** What sort of failure this is; decides the HTTP status. */
    public enum Kind {
        /** 400: malformed parameters. */
        INVALID_REQUEST,
        /** 404: unknown, or not visible to the caller. */
        NOT_FOUND,
        /** 409: conflicts with the current state. */
        CONFLICT,
        /** 412: the caller's version is stale. */
        PRECONDITION_FAILED,
        /** 428: an update without the version it is based on. */
        PRECONDITION_REQUIRED,
        /** 422: well-formed but breaks a rule. */
        RULE_VIOLATION,
        /** 429: too many requests. */
        RATE_LIMITED
    }

    private final Kind kind;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    protected DomainException(Kind kind, String type, String title, String detail) {
        this(kind, type, title, detail, List.of());
    }

    protected DomainException(Kind kind, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.kind = kind;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public Kind kind() {
        return kind;
    }

    /** The slug of the problem type, appended to {@link Problem#TYPE_BASE}. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
