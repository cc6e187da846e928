package se.techtank.programmes.query;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** Applications per programme and status, companies and hours; for all of Techtank or one municipality. */
@ApplicationScoped
public class ProgrammeStatistics {

    private final EntityManager entityManager;

    ProgrammeStatistics(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One programme's figures. */
    public record ProgrammeFigures(
            UUID programmeId,
            String code,
            String name,
            long applications,
            Map<String, Long> applicationsByStatus,
            long companies,
            BigDecimal hours) {}

    /** {@code municipalityCode} null: every municipality. */
    public List<ProgrammeFigures> of(String municipalityCode) {
        String where = municipalityCode == null ? "" : " where a.municipality_code = ?1";
        List<Object[]> byStatus = rows(
                """
                select p.id, p.code, p.name_sv, a.status, count(*), coalesce(sum(h.hours), 0)
                from application a
                join programme p on p.id = a.programme_id
                left join (select application_id, sum(hours) as hours from activity group by application_id) h
                       on h.application_id = a.id
                """ + where + " group by p.id, p.code, p.name_sv, a.status order by p.name_sv, a.status",
                municipalityCode);
        Map<UUID, Long> companies = new LinkedHashMap<>();
        for (Object[] row : rows(
                "select a.programme_id, count(distinct a.organisation_number) from application a" + where
                        + " group by a.programme_id",
                municipalityCode)) {
            companies.put((UUID) row[0], ((Number) row[1]).longValue());
        }
        Map<UUID, ProgrammeFigures> figures = new LinkedHashMap<>();
        for (Object[] row : byStatus) {
            UUID id = (UUID) row[0];
            ProgrammeFigures known = figures.get(id);
            Map<String, Long> statuses = known == null ? new TreeMap<>() : new TreeMap<>(known.applicationsByStatus());
            long count = ((Number) row[4]).longValue();
            statuses.put((String) row[3], count);
            figures.put(
                    id,
                    new ProgrammeFigures(
                            id,
                            (String) row[1],
                            (String) row[2],
                            (known == null ? 0 : known.applications()) + count,
                            statuses,
                            companies.getOrDefault(id, 0L),
                            (known == null ? BigDecimal.ZERO : known.hours()).add(new BigDecimal(row[5].toString()))));
        }
        return List.copyOf(figures.values());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String municipalityCode) {
        Query query = entityManager.createNativeQuery(sql);
        if (municipalityCode != null) {
            query.setParameter(1, municipalityCode);
        }
        return query.getResultList();
    }
}
