package se.techtank.members.domain;

import java.util.UUID;

import se.techtank.platform.problem.DomainException;

/** The contact was erased (GDPR): what is left is anonymous and never changes again. */
public class ContactErasedException extends DomainException {

    public ContactErasedException(UUID id) {
        super(
                Kind.CONFLICT,
                "contact-erased",
                "Contact erased",
                "Contact " + id + " was erased at the person's request; it can no longer be changed.");
    }
}
