package se.techtank.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import se.techtank.members.query.MemberStatistics;
import se.techtank.members.query.MemberStatisticsQueries;
import se.techtank.platform.security.Caller;

/** Statistics for the owners: staff see any municipality or all, a municipality user only its own. */
@ApplicationScoped
public class StatisticsService {

    private final MemberStatisticsQueries statistics;
    private final Caller caller;

    StatisticsService(MemberStatisticsQueries statistics, Caller caller) {
        this.statistics = statistics;
        this.caller = caller;
    }

    /**
     * @param municipalityCode one municipality, or null for all (staff); a municipality user always gets
     *     its own, and asking for another one is answered as for an empty municipality
     */
    @Transactional
    public MemberStatistics members(String municipalityCode) {
        if (caller.isStaff()) {
            return statistics.count(municipalityCode);
        }
        String own = caller.municipalityCode().orElse("-");
        if (municipalityCode != null && !municipalityCode.equals(own)) {
            return statistics.count("-");
        }
        return statistics.count(own);
    }
}
