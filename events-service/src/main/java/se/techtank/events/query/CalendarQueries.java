package se.techtank.events.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import se.techtank.events.domain.Meeting;
import se.techtank.events.domain.MeetingKind;
import se.techtank.events.domain.MeetingStatus;

/** The meetings of a calendar feed: a few statuses, not over before a point in time, soonest first. */
@ApplicationScoped
public class CalendarQueries {

    private final EntityManager entityManager;

    CalendarQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * At most {@code limit} meetings in one of {@code statuses} that end after {@code endsAfter}, ordered by
     * start; {@code municipalityCode}, {@code kind} and {@code series} narrow it when not null.
     */
    public List<Meeting> feed(
            Set<MeetingStatus> statuses,
            Instant endsAfter,
            String municipalityCode,
            MeetingKind kind,
            String series,
            int limit) {
        List<String> conditions = new ArrayList<>(List.of("m.status in :statuses", "m.endsAt > :endsAfter"));
        if (municipalityCode != null) {
            conditions.add("m.municipalityCode = :municipalityCode");
        }
        if (kind != null) {
            conditions.add("m.kind = :kind");
        }
        if (series != null) {
            conditions.add("m.series = :series");
        }
        TypedQuery<Meeting> query = entityManager
                .createQuery(
                        "select m from Meeting m where " + String.join(" and ", conditions)
                                + " order by m.startsAt, m.id",
                        Meeting.class)
                .setParameter("statuses", statuses)
                .setParameter("endsAfter", endsAfter)
                .setMaxResults(limit);
        if (municipalityCode != null) {
            query.setParameter("municipalityCode", municipalityCode);
        }
        if (kind != null) {
            query.setParameter("kind", kind);
        }
        if (series != null) {
            query.setParameter("series", series);
        }
        return query.getResultList();
    }
}
