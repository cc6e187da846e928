package se.techtank.programmes.query;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import se.techtank.kernel.SniCode;
import se.techtank.programmes.domain.ApplicationStatus;

/**
 * A programme's report for its funders: per application the company (number, name, municipality, size
 * class, SNI section), its status and the hours logged; totals. No personal data: no contact, no motivation.
 */
@ApplicationScoped
public class ProgrammeReport {

    private final EntityManager entityManager;

    ProgrammeReport(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One application's line. */
    public record Line(
            UUID intakeId,
            String organisationNumber,
            String companyName,
            String municipalityCode,
            String sizeClass,
            String sniSection,
            ApplicationStatus status,
            BigDecimal hours) {}

    /** The lines and their totals. */
    public record Report(
            UUID programmeId, List<Line> lines, Map<String, Long> applicationsByStatus, BigDecimal hours) {}

    public Report of(UUID programmeId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        select a.intake_id, a.organisation_number, a.company_name, a.municipality_code, a.size_class,
                               a.sni_code, a.status, coalesce(sum(ac.hours), 0)
                        from application a left join activity ac on ac.application_id = a.id
                        where a.programme_id = ?1
                        group by a.id
                        order by a.company_name, a.organisation_number, a.submitted_at
                        """)
                .setParameter(1, programmeId)
                .getResultList();
        Map<String, Long> byStatus = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
        List<Line> lines = new java.util.ArrayList<>();
        for (Object[] row : rows) {
            String sni = (String) row[5];
            String section = sni == null
                    ? null
                    : SniCode.parse(sni)
                            .map(code -> String.valueOf(SniCode.of(code).section()))
                            .orElse(null);
            BigDecimal hours = new BigDecimal(row[7].toString()).setScale(2);
            Line line = new Line(
                    (UUID) row[0],
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    (String) row[4],
                    section,
                    ApplicationStatus.valueOf((String) row[6]),
                    hours);
            lines.add(line);
            byStatus.merge(line.status().name(), 1L, Long::sum);
            total = total.add(hours);
        }
        return new Report(programmeId, List.copyOf(lines), byStatus, total);
    }
}
