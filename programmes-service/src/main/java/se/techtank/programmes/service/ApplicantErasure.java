package se.techtank.programmes.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import se.techtank.members.events.readmodel.ContactEmails;
import se.techtank.members.events.readmodel.ContactErasure;
import se.techtank.platform.validation.EmailAddress;
import se.techtank.programmes.domain.Application;
import se.techtank.programmes.domain.ApplicationRepository;
import se.techtank.programmes.domain.ProgrammeRepository;
import se.techtank.programmes.messaging.out.ApplicationEventPublisher;

/**
 * The right to erasure for applicants' contact persons: a member company's contact erased in
 * members-service ({@code contact.erased}), or anyone by e-mail on staff's request. Their applications keep
 * company, status, eligibility and history for the reports, without the contact's name, e-mail and the
 * motivation; each publishes {@code application.anonymised}, and the application's published events, which
 * named the person, are deleted from the outbox.
 */
@ApplicationScoped
public class ApplicantErasure implements ContactErasure {

    private final ApplicationRepository applications;
    private final ProgrammeRepository programmes;
    private final ContactEmails contactEmails;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    ApplicantErasure(
            ApplicationRepository applications,
            ProgrammeRepository programmes,
            ContactEmails contactEmails,
            ApplicationEventPublisher events) {
        this.applications = applications;
        this.programmes = programmes;
        this.contactEmails = contactEmails;
        this.events = events;
    }

    /** Remembers (the hash of) an e-mail address a member company's contact person has. */
    @Override
    @Transactional
    public void contactKnown(UUID contactId, String email) {
        if (email != null && EmailAddress.isValid(email)) {
            contactEmails.remember(contactId, EmailAddress.hashOf(email));
        }
    }

    /** A contact person was erased in members-service: their applications here lose them. */
    @Override
    @Transactional
    public int contactErased(UUID contactId) {
        int anonymised = anonymise(contactEmails.hashesOf(contactId));
        contactEmails.forget(contactId);
        return anonymised;
    }

    /** Erases the contact person with {@code email} from every application (staff). */
    @Transactional
    public int erase(EmailAddress email) {
        return anonymise(List.of(email.hash()));
    }

    private int anonymise(Collection<String> emailHashes) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int count = 0;
        for (Application application : applications.byContactHashes(emailHashes)) {
            if (application.anonymise(now)) {
                applications.flush();
                events.anonymised(
                        application,
                        programmes.findById(application.programmeId()).code());
                count++;
            }
        }
        return count;
    }
}
