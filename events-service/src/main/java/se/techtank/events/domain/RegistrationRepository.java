package se.techtank.events.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import se.techtank.platform.jdbc.PlainSql;
import se.techtank.platform.paging.PageRequest;

/** Registrations. */
@ApplicationScoped
public class RegistrationRepository implements PanacheRepositoryBase<Registration, UUID> {

    /** API sort fields and their columns. */
    public static final Set<String> SORTABLE = Set.of("registeredAt", "name");

    public long countActiveOfCompany(UUID meetingId, String organisationNumber) {
        return count(
                "meetingId = :meeting and organisationNumber = :number and status in :active",
                Parameters.with("meeting", meetingId)
                        .and("number", organisationNumber)
                        .and("active", RegistrationStatus.ACTIVE));
    }

    /** What a new registration must not collide with, asked in one statement (it runs on every registration). */
    public record Collisions(boolean emailRegistered, boolean checkInCodeTaken) {}

    public Collisions collisions(UUID meetingId, String emailHash, String checkInCode) {
        return PlainSql.first(
                        getEntityManager(),
                        """
                        select exists (select 1 from registration where meeting_id = ? and email_hash = ?
                                         and status in ('PENDING_APPROVAL', 'CONFIRMED', 'WAITLISTED', 'ATTENDED', 'NO_SHOW')),
                               exists (select 1 from registration where meeting_id = ? and check_in_code = ?)
                        """,
                        row -> new Collisions(row.getBoolean(1), row.getBoolean(2)),
                        meetingId,
                        emailHash,
                        meetingId,
                        checkInCode)
                .orElseThrow();
    }

    public boolean checkInCodeTaken(UUID meetingId, String code) {
        return count("meetingId = ?1 and checkInCode = ?2", meetingId, code) > 0;
    }

    public Optional<Registration> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<Registration> byCheckInCode(UUID meetingId, String code) {
        return find("meetingId = ?1 and checkInCode = ?2", meetingId, code).firstResultOptional();
    }

    /** The first {@code count} on the waitlist, in order. */
    public List<Registration> headOfWaitlist(UUID meetingId, int count) {
        return find(
                        "meetingId = ?1 and status = ?2",
                        Sort.by("waitlistPosition"),
                        meetingId,
                        RegistrationStatus.WAITLISTED)
                .page(0, count)
                .list();
    }

    public List<Registration> withStatus(UUID meetingId, Collection<RegistrationStatus> statuses) {
        return list("meetingId = ?1 and status in ?2", Sort.by("registeredAt").and("id"), meetingId, statuses);
    }

    public List<Registration> list(UUID meetingId, Set<RegistrationStatus> statuses, PageRequest page) {
        return find("meetingId = ?1 and status in ?2", sort(page), meetingId, statuses)
                .page(page.page(), page.size())
                .list();
    }

    public long count(UUID meetingId, Set<RegistrationStatus> statuses) {
        return count("meetingId = ?1 and status in ?2", meetingId, statuses);
    }

    /** Every registration of a person, found by the hash of one of their e-mail addresses. */
    public List<Registration> byEmailHashes(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return List.of();
        }
        return list("emailHash in ?1", hashes);
    }

    private static Sort sort(PageRequest page) {
        Sort sort = null;
        for (PageRequest.SortOrder order : page.sort()) {
            String column = order.field().equals("name") ? "attendeeName" : "registeredAt";
            Sort.Direction direction = order.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending;
            sort = sort == null ? Sort.by(column, direction) : sort.and(column, direction);
        }
        return (sort == null ? Sort.by("registeredAt") : sort).and("id");
    }
}
