package se.techtank.programmes.query;

import java.time.Instant;
import java.util.Set;

import se.techtank.kernel.FocusArea;
import se.techtank.programmes.domain.Funder;
import se.techtank.programmes.domain.ProgrammeStatus;

/**
 * Which programmes the catalogue lists; every criterion is optional and they combine with AND.
 *
 * @param county programmes with an intake (not completed) serving this county
 * @param openIntake true: only programmes with an intake open for applications
 * @param text part of the code or the Swedish or English name, case-insensitive
 * @param statuses the states listed (the public catalogue: PUBLISHED only)
 */
public record ProgrammeFilter(
        FocusArea focusArea,
        String county,
        Funder funder,
        Boolean openIntake,
        String text,
        Instant modifiedSince,
        Set<ProgrammeStatus> statuses) {

    public ProgrammeFilter withStatuses(Set<ProgrammeStatus> visible) {
        return new ProgrammeFilter(focusArea, county, funder, openIntake, text, modifiedSince, visible);
    }
}
