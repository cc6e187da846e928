package se.techtank.events.query;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The attendance report of a meeting, counted by the database. */
@ApplicationScoped
public class AttendanceQueries {

    private static final String COUNTS = """
            count(*) filter (where status in ('CONFIRMED', 'ATTENDED', 'NO_SHOW')),
            count(*) filter (where status = 'ATTENDED'),
            count(*) filter (where status = 'NO_SHOW')
            """;

    private final EntityManager entityManager;

    AttendanceQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public AttendanceReport report(UUID meetingId) {
        Object[] totals = (Object[]) entityManager
                .createNativeQuery("select " + COUNTS + """
                        , count(*) filter (where status = 'CONFIRMED'),
                        count(*) filter (where status = 'WAITLISTED'),
                        count(*) filter (where status = 'PENDING_APPROVAL'),
                        count(*) filter (where status = 'CANCELLED'),
                        count(*) filter (where status = 'DECLINED')
                        from registration where meeting_id = ?1
                        """)
                .setParameter(1, meetingId)
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> companies = entityManager
                .createNativeQuery("select organisation_number, max(company_name), " + COUNTS + """
                        from registration where meeting_id = ?1
                        group by organisation_number
                        having count(*) filter (where status in ('CONFIRMED', 'ATTENDED', 'NO_SHOW')) > 0
                        order by organisation_number nulls last
                        """)
                .setParameter(1, meetingId)
                .getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> municipalities = entityManager
                .createNativeQuery("select municipality_code, " + COUNTS + """
                        from registration where meeting_id = ?1
                        group by municipality_code
                        having count(*) filter (where status in ('CONFIRMED', 'ATTENDED', 'NO_SHOW')) > 0
                        order by municipality_code nulls last
                        """)
                .setParameter(1, meetingId)
                .getResultList();
        return new AttendanceReport(
                new AttendanceReport.Totals(
                        number(totals[0]),
                        number(totals[1]),
                        number(totals[2]),
                        number(totals[3]),
                        number(totals[4]),
                        number(totals[5]),
                        number(totals[6]),
                        number(totals[7])),
                companies.stream()
                        .map(row -> new AttendanceReport.CompanyAttendance(
                                (String) row[0], (String) row[1], number(row[2]), number(row[3]), number(row[4])))
                        .toList(),
                municipalities.stream()
                        .map(row -> new AttendanceReport.MunicipalityAttendance(
                                (String) row[0], number(row[1]), number(row[2]), number(row[3])))
                        .toList());
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
