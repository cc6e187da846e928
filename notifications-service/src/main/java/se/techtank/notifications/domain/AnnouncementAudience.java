package se.techtank.notifications.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The companies an announcement is for: those whose current needs (members.company.v1, in the company read
 * model) put one of its focus areas at priority 3 or higher; for a members-only meeting, active members only.
 */
@ApplicationScoped
public class AnnouncementAudience {

    /** The lowest need priority (1–5) that makes a focus area worth announcing to a company. */
    public static final int MIN_PRIORITY = 3;

    private final EntityManager entityManager;

    AnnouncementAudience(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @SuppressWarnings("unchecked")
    public List<UUID> companies(List<String> focusAreas, boolean activeMembersOnly) {
        if (focusAreas.isEmpty()) {
            return List.of();
        }
        return entityManager
                .createNativeQuery("""
                        select c.id from company c
                        where exists (select 1 from jsonb_array_elements(coalesce(c.needs, '[]'::jsonb)) need
                                      where need->>'focusArea' = any(cast(?1 as text[]))
                                        and (need->>'priority')::int >= ?2)
                          and (not ?3 or c.membership_status = 'ACTIVE')
                        order by c.id
                        """, UUID.class)
                .setParameter(1, focusAreas.toArray(String[]::new))
                .setParameter(2, MIN_PRIORITY)
                .setParameter(3, activeMembersOnly)
                .getResultList();
    }
}
