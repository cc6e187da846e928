package se.techtank.members.domain;

import java.util.List;

import se.techtank.platform.problem.DomainException;
import se.techtank.platform.problem.FieldError;
import se.techtank.platform.validation.EmailAddress;

/** The company already has a contact with this e-mail address (compared case-insensitively). */
public class DuplicateContactEmailException extends DomainException {

    public DuplicateContactEmailException(EmailAddress email) {
        super(
                Kind.CONFLICT,
                "duplicate-contact-email",
                "E-mail address already used by a contact of this company",
                "The company already has a contact with e-mail address " + email + ".",
                List.of(new FieldError("email", "is already used by another contact of this company")));
    }
}
