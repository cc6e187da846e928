package se.techtank.members.events.readmodel;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The hashes of the e-mail addresses each contact person of a member company has had (from {@code
 * members.contact.v1}): how an erasure in members-service finds what a consuming service holds about the
 * person (registrations, applications), without that service keeping anyone's address. The table {@code
 * contact_email (contact_id uuid, email_hash varchar(64), primary key (contact_id, email_hash))} is the
 * service's own migration's; the hash is {@code EmailAddress.hashOf}.
 */
@ApplicationScoped
public class ContactEmails {

    private final EntityManager entityManager;

    ContactEmails(EntityManager entityManager) {
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
