package se.techtank.programmes.query;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.MeterRegistry;
import org.hibernate.jpa.HibernateHints;

import se.techtank.platform.caching.DatabaseSnapshots;
import se.techtank.platform.caching.SnapshotCache;
import se.techtank.programmes.config.ProgrammesConfig;
import se.techtank.programmes.domain.Intake;
import se.techtank.programmes.domain.IntakeRepository;
import se.techtank.programmes.domain.IntakeStatus;
import se.techtank.programmes.domain.Programme;
import se.techtank.programmes.domain.ProgrammeStatus;

/**
 * The intakes open for applications, each with its published programme: what every recommendation is
 * ranked from. Read in one query and reused while the database snapshot is the same (ADR 0010); the
 * entities handed out are detached and shared, read-only, by every caller in that snapshot.
 */
@ApplicationScoped
public class OpenIntakes {

    private final EntityManager entityManager;
    private final DatabaseSnapshots snapshots;
    private final SnapshotCache<Boolean, List<IntakeRepository.Offered>> open;

    OpenIntakes(
            EntityManager entityManager, DatabaseSnapshots snapshots, MeterRegistry registry, ProgrammesConfig config) {
        this.entityManager = entityManager;
        this.snapshots = snapshots;
        // One value only; remembering it can be turned off with the catalogue's pages.
        this.open = new SnapshotCache<>(
                "open-intakes", Math.min(1, config.catalogue().rememberedPages()), registry);
    }

    /** The open intakes of published programmes, soonest closing first. Not to be changed. */
    public List<IntakeRepository.Offered> list() {
        return snapshots.read(open, Boolean.TRUE, this::read);
    }

    private List<IntakeRepository.Offered> read() {
        List<Object[]> rows = entityManager
                .createQuery(
                        "select i, p from Intake i join Programme p on p.id = i.programmeId"
                                + " where i.status = ?1 and p.status = ?2 order by i.applicationClosesAt, i.id",
                        Object[].class)
                .setParameter(1, IntakeStatus.OPEN)
                .setParameter(2, ProgrammeStatus.PUBLISHED)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
        return rows.stream()
                .map(row -> new IntakeRepository.Offered((Intake) row[0], (Programme) row[1]))
                .toList();
    }
}
