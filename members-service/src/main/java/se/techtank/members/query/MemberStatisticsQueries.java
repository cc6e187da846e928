package se.techtank.members.query;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import se.techtank.kernel.SniCode;

/** Aggregates over the register with a few GROUP BY queries, optionally for one municipality. */
@ApplicationScoped
public class MemberStatisticsQueries {

    private final EntityManager entityManager;

    MemberStatisticsQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public MemberStatistics count(String municipalityCode) {
        String where = municipalityCode == null ? "" : " where c.municipality_code = :municipality";
        Map<String, Map<String, Long>> byMunicipality = new TreeMap<>();
        long total = 0;
        for (Object[] row : rows(
                "select c.municipality_code, coalesce(c.membership_status, 'NONE'), count(*) from company c" + where
                        + " group by 1, 2",
                municipalityCode)) {
            long count = ((Number) row[2]).longValue();
            byMunicipality
                    .computeIfAbsent((String) row[0], k -> new TreeMap<>())
                    .put((String) row[1], count);
            total += count;
        }
        Map<String, Long> bySize = new TreeMap<>();
        for (Object[] row : rows(
                "select coalesce(c.size_class, 'UNKNOWN'), count(*) from company c" + where + " group by 1",
                municipalityCode)) {
            bySize.put((String) row[0], ((Number) row[1]).longValue());
        }
        Map<String, Long> bySection = new TreeMap<>();
        for (Object[] row : rows(
                "select left(c.primary_sni, 2), count(*) from company c" + where + " group by 1", municipalityCode)) {
            String section = row[0] == null
                    ? "UNKNOWN"
                    : String.valueOf(SniCode.of((String) row[0]).section());
            bySection.merge(section, ((Number) row[1]).longValue(), Long::sum);
        }
        Map<String, Map<Integer, Long>> needs = new TreeMap<>();
        for (Object[] row : rows(
                "select n.focus_area, n.priority, count(*) from company_need n join company c on c.id = n.company_id"
                        + where + " group by 1, 2",
                municipalityCode)) {
            needs.computeIfAbsent((String) row[0], k -> new TreeMap<>())
                    .put(((Number) row[1]).intValue(), ((Number) row[2]).longValue());
        }
        return new MemberStatistics(total, byMunicipality, bySize, bySection, needs);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String municipalityCode) {
        Query query = entityManager.createNativeQuery(sql);
        if (municipalityCode != null) {
            query.setParameter("municipality", municipalityCode);
        }
        return query.getResultList();
    }
}
