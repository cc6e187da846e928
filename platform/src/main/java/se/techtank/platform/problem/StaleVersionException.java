package se.techtank.platform.problem;

/** An {@code If-Match} that no longer matches the resource's version. */
public class StaleVersionException extends DomainException {

    public StaleVersionException(String what, Object id) {
        super(
                Kind.PRECONDITION_FAILED,
                "stale-version",
                "The resource has changed",
                what + " " + id + " was changed by someone else; read it again and retry.");
    }
}
