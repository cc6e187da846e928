package se.techtank.platform.problem;

import java.util.List;

/** Malformed parameters (paging, sort, filters): answers 400 with the fields named. */
public class InvalidRequestException extends DomainException {

    public InvalidRequestException(String detail, List<FieldError> errors) {
        super(Kind.INVALID_REQUEST, "invalid-request", "Invalid request", detail, errors);
    }

    public InvalidRequestException(String field, String message) {
        this(message, List.of(new FieldError(field, message)));
    }

    /**
     * Runs each parser and throws one exception naming every bad parameter of all of them, so that a
     * client learns all its mistakes at once.
     */
    public static void collect(Runnable... parsers) {
        List<FieldError> errors = new java.util.ArrayList<>();
        for (Runnable parser : parsers) {
            try {
                parser.run();
            } catch (InvalidRequestException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The request parameters are invalid.", errors);
        }
    }
}
