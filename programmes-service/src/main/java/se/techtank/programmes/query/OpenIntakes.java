package se.techtank.programmes.query;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

import se.techtank.platform.caching.DatabaseSnapshots;
import se.techtank.platform.caching.SnapshotCache;
import se.techtank.programmes.config.ProgrammesConfig;
import se.techtank.programmes.domain.IntakeRepository;

/**
 * The intakes open for applications, each with its published programme: what every recommendation is
 * ranked from. Read in one query ({@link IntakeRepository#openOffers}) and reused while the database
 * snapshot is the same (ADR 0010); the entities handed out are detached and shared, read-only, by every
 * caller in that snapshot.
 */
@ApplicationScoped
public class OpenIntakes {

    private final IntakeRepository intakes;
    private final DatabaseSnapshots snapshots;
    private final SnapshotCache<Boolean, List<IntakeRepository.Offered>> open;

    OpenIntakes(
            IntakeRepository intakes, DatabaseSnapshots snapshots, MeterRegistry registry, ProgrammesConfig config) {
        this.intakes = intakes;
        this.snapshots = snapshots;
        // One value only; remembering it can be turned off with the catalogue's pages.
        this.open = new SnapshotCache<>(
                "open-intakes", Math.min(1, config.catalogue().rememberedPages()), registry);
    }

    /** The open intakes of published programmes, soonest closing first. Not to be changed. */
    public List<IntakeRepository.Offered> list() {
        return snapshots.read(open, Boolean.TRUE, intakes::openOffers);
    }
}
