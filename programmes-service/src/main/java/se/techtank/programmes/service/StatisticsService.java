package se.techtank.programmes.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.security.ForbiddenException;

import se.techtank.platform.security.Caller;
import se.techtank.programmes.query.ProgrammeStatistics;

/** Programme statistics: staff for Techtank or any municipality, a municipality for its own only. */
@ApplicationScoped
public class StatisticsService {

    private final ProgrammeStatistics statistics;
    private final Caller caller;

    StatisticsService(ProgrammeStatistics statistics, Caller caller) {
        this.statistics = statistics;
        this.caller = caller;
    }

    /** {@code municipalityCode} null: all of Techtank (staff), or the caller's own municipality. */
    @Transactional
    public List<ProgrammeStatistics.ProgrammeFigures> programmes(String municipalityCode) {
        if (caller.isStaff()) {
            return statistics.of(municipalityCode);
        }
        String own = caller.municipalityCode().orElse(null);
        if (!caller.isMunicipality() || own == null || (municipalityCode != null && !municipalityCode.equals(own))) {
            throw new ForbiddenException("A municipality sees the statistics of its own municipality only.");
        }
        return statistics.of(own);
    }
}
