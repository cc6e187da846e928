package se.techtank.events.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The hashes of the e-mail addresses each contact person of a member company has had (from {@code
 * members.contact.v1}): how an erasure in members-service finds the person's registrations here,
 * without this service keeping anyone's address.
 */
@ApplicationScoped
public class ContactEmailRepository {

    private final EntityManager entityManager;

    ContactEmailRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void remember(UUID contactId, String emailHash) {
        entityManager
                .createNativeQuery(
                        "insert into contact_email (contact_id, email_hash) values (?1, ?2) on conflict do nothing")
                .setParameter(1, contactId)
                .setParameter(2, emailHash)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<String> hashesOf(UUID contactId) {
        return entityManager
                .createNativeQuery("select email_hash from contact_email where contact_id = ?1")
                .setParameter(1, contactId)
                .getResultList();
    }

    public void forget(UUID contactId) {
        entityManager
                .createNativeQuery("delete from contact_email where contact_id = ?1")
                .setParameter(1, contactId)
                .executeUpdate();
    }
}
