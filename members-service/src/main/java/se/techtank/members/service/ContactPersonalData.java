package se.techtank.members.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import se.techtank.members.domain.ConsentChange;
import se.techtank.members.domain.Contact;

/**
 * Everything the member register holds about one person (GDPR art. 15): the contact itself, the whole
 * history of its consents, and the company it belongs to.
 */
public record ContactPersonalData(
        Contact contact,
        List<ConsentChange> consentHistory,
        UUID companyId,
        String companyName,
        OffsetDateTime exportedAt) {

    public ContactPersonalData {
        consentHistory = List.copyOf(consentHistory);
    }
}
