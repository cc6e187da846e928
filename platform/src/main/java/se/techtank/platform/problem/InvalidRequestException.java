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
}
