package se.techtank.platform.problem;

/** An id the caller does not know, or may not see (answers 404 so that ids cannot be probed). */
public class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super(Kind.NOT_FOUND, "not-found", "Not found", what + " " + id + " does not exist.");
    }
}
