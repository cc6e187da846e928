package se.techtank.programmes.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import se.techtank.members.events.readmodel.ContactEmails;
import se.techtank.members.events.readmodel.ContactErasure;
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
public class ApplicantErasure extends ContactErasure {

    private final ApplicationRepository applications;
    private final ProgrammeRepository programmes;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    ApplicantErasure(
            ApplicationRepository applications,
            ProgrammeRepository programmes,
            ContactEmails contactEmails,
            ApplicationEventPublisher events) {
        super(contactEmails);
        this.applications = applications;
        this.programmes = programmes;
        this.events = events;
    }

    @Override
    protected int anonymise(Collection<String> emailHashes) {
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
