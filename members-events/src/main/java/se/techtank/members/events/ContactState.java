package se.techtank.members.events;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * The contact's current state as every event on {@code members.contact.v1} carries it (schema {@code
 * contracts/members/contact.v1.json}). Name, e-mail and phone are personal data: they are absent once
 * the person is erased or removed, so that compaction leaves no trace of them on the topic. Fields are
 * only ever added.
 *
 * @param consents consent code → whether it is given and since when
 * @param erased the person was erased (GDPR): personal fields are absent for good
 * @param removed the contact was removed from the company: the last event about it
 */
public record ContactState(
        UUID contactId,
        UUID companyId,
        String name,
        String email,
        String phone,
        String role,
        String language,
        Map<String, ConsentState> consents,
        boolean erased,
        OffsetDateTime erasedAt,
        boolean removed,
        OffsetDateTime createdAt,
        OffsetDateTime modifiedAt) {

    /** One consent: given or withdrawn, and when that last changed. */
    public record ConsentState(boolean given, OffsetDateTime changedAt) {}
}
