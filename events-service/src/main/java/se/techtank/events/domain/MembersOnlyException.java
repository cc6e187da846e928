package se.techtank.events.domain;

import java.util.List;

import se.techtank.platform.problem.DomainException;
import se.techtank.platform.problem.FieldError;

/** A members-only meeting takes people of active member companies only. */
public class MembersOnlyException extends DomainException {

    public MembersOnlyException(String detail) {
        super(
                Kind.RULE_VIOLATION,
                "members-only",
                "Meeting is for members only",
                detail,
                List.of(new FieldError("organisationNumber", "must be the organisation number of an active member")));
    }
}
